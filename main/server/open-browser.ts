// `onramp web --open`. The URL holds the token, and a browser started with it as an argument
// would show it to every local user through `ps`. So, as Jupyter does (its "open redirect
// file"), write a private HTML file that refreshes to the URL and hand the browser that path.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { escapeHtml, simplePage } from './headers';

/** Long enough for a cold browser start to read the file; then nothing on disk holds the token. */
const KEEP_MS = 60_000;

function opener(path: string): [string, string[]] {
  if (process.platform === 'darwin') return ['open', [path]];
  if (process.platform === 'win32') return ['explorer.exe', [pathToFileURL(path).href]];
  return ['xdg-open', [path]];
}

export interface OpenedBrowser {
  /** removes the launcher file now (the server calls it on close) */
  cleanup(): Promise<void>;
}

export async function openInBrowser(url: string, onError: (message: string) => void): Promise<OpenedBrowser> {
  const dir = await mkdtemp(join(tmpdir(), 'onramp-open-'));
  const file = join(dir, 'open.html');
  const page = simplePage('Opening Onramp…', `<p><a href="${escapeHtml(url)}">Open Onramp</a></p>`, url);
  await writeFile(file, page, { mode: 0o600 });
  const cleanup = () => rm(dir, { recursive: true, force: true });
  const timer = setTimeout(() => void cleanup(), KEEP_MS);
  timer.unref();
  const [cmd, args] = opener(file);
  const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
  child.on('error', (e: NodeJS.ErrnoException) =>
    onError(`could not start a browser (${cmd}: ${e.code ?? e.message}); open the URL above yourself`),
  );
  child.unref();
  return {
    cleanup: () => {
      clearTimeout(timer);
      return cleanup();
    },
  };
}
