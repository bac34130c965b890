// Reads a dotfile for editing: '' when absent, a clear error when unreadable.
import { readFileSync } from 'node:fs';
import { OnrampError } from '../../common/errors';

export function readTextIfExists(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return '';
    throw new OnrampError({ code: 'io', message: `cannot read ${file}: ${err.code ?? err.message}`, file });
  }
}
