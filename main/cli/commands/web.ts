// `onramp web [--port N] [--open] [--host 127.0.0.1|::1]`: browser mode for headless or remote
// machines. The printed URL carries the session token; it goes to stdout only (the user's own
// terminal), never to a log, and --open hands the browser a private file instead of the URL.
import { parseArgs, flagBool, flagString, type CommandSpec } from '../args';
import { printJson } from '../io';
import { usageError } from '../../common/errors';
import { startWebServer } from '../../server/index';
import { openInBrowser, type OpenedBrowser } from '../../server/open-browser';
import type { Command } from './index';

const spec: CommandSpec = {
  usage: 'onramp web [--port N] [--open] [--host 127.0.0.1|::1] [--json]',
  flags: { port: { value: true }, host: { value: true }, open: {}, json: {} },
  positionals: [0, 0],
};

function portOf(text: string | undefined): number {
  if (text === undefined) return 0;
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535)
    throw usageError(`--port: not a port number: ${JSON.stringify(text)}`, `usage: ${spec.usage}`);
  return Number(text);
}

/** Resolves on Ctrl+C or SIGTERM, so the server closes its shells before the process exits. */
function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export const webCommand: Command = {
  summary: 'serve the app to a browser on this machine (loopback only, one-time link)',
  spec,
  async run(argv, io) {
    const a = parseArgs(argv, spec);
    const json = flagBool(a, 'json');
    const server = await startWebServer({
      host: flagString(a, 'host') ?? '127.0.0.1',
      port: portOf(flagString(a, 'port')),
      env: io.env,
      cwd: io.cwd,
    });
    if (json) printJson(io, { ok: true, url: server.url, origin: server.origin, port: server.port });
    else
      io.out(
        `Onramp is serving ${server.origin}/ (this machine only).\n` +
          'Open this link in a browser here; it is the key to this session, so do not share it:\n\n' +
          `  ${server.url}\n\n` +
          `On another machine: ssh -L ${server.port}:${server.host === '::1' ? '[::1]' : '127.0.0.1'}:${server.port} <this host>, then open the link there.\n` +
          'Press Ctrl+C to stop.\n',
      );
    let opened: OpenedBrowser | undefined;
    if (flagBool(a, 'open')) opened = await openInBrowser(server.url, (m) => io.err(`onramp: ${m}\n`));
    await untilStopped();
    await opened?.cleanup();
    await server.close();
    if (!json) io.out('Stopped.\n');
    return 0;
  },
};
