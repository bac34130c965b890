// Verification events as terminal text: step headers bold, stderr red, ✓ green and ✗ red.
// Tool output is untrusted text: escape sequences in it are stripped, so a line cannot move
// the cursor, retitle the window or plant a hyperlink.
import type { VerifyEventView, VerifyRunView } from '../../../main/common/contract-views';
import { duration } from '../../ui/time';

const ESC = '\x1b';
const bold = (s: string) => `${ESC}[1m${s}${ESC}[22m`;
const red = (s: string) => `${ESC}[31m${s}${ESC}[39m`;
const green = (s: string) => `${ESC}[32m${s}${ESC}[39m`;
const dim = (s: string) => `${ESC}[2m${s}${ESC}[22m`;

export function sanitize(line: string): string {
  return line
    .replace(/\x1b\][^\x07\x1b]*(\x07|\x1b\\)?/g, '') // OSC (titles, hyperlinks)
    .replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '') // CSI (colours, cursor moves)
    .replace(/\x1b[@-_]?/g, '')
    .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
}

export function eventText(e: VerifyEventView): string {
  switch (e.type) {
    case 'step-start':
      return `${bold(`▶ ${sanitize(e.title ?? e.stepId)}`)}\r\n`;
    case 'output': {
      const line = sanitize(e.line ?? '');
      return `${e.stream === 'stderr' ? red(line) : line}\r\n`;
    }
    case 'step-end': {
      const summary = sanitize(e.summary ?? '');
      return `${e.ok ? green(`✓ ${summary || 'ok'}`) : red(bold(`✗ ${summary || 'failed'}`))}\r\n\r\n`;
    }
  }
}

export function runHeader(modules: string[], cleanRoom: boolean): string {
  return `${dim(`$ verify ${modules.join(' ')}${cleanRoom ? ' (clean room)' : ''}`)}\r\n\r\n`;
}

export function runFooter(r: VerifyRunView): string {
  const text = `${r.ok ? '✓ verification passed' : '✗ verification failed'} · ${r.steps.length} step${r.steps.length === 1 ? '' : 's'} · ${duration(r.durationMs)}`;
  return `${bold(r.ok ? green(text) : red(text))}\r\n`;
}
