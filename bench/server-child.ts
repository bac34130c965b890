// A browser-mode server in its own process, so its resident memory can be read alone, and the
// cold start measured as a user gets it (a new node process through tsx, as `onramp web` runs).
// `server-child.ts serve STATIC_DIR` prints {"url":…} once listening; `idle` prints {} without
// loading anything (the baseline: node + tsx). Both exit when stdin closes.
const [mode, staticDir] = process.argv.slice(2);

async function main(): Promise<void> {
  let close = async () => undefined as void;
  if (mode === 'serve') {
    const { startWebServer } = await import('../main/server/index');
    const server = await startWebServer({ staticDir, env: { ...process.env }, cwd: process.cwd() });
    close = () => server.close();
    process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
  } else process.stdout.write('{}\n');
  process.stdin.resume();
  process.stdin.on('end', () => {
    void close().finally(() => process.exit(0));
  });
}

main().catch((e: Error) => {
  process.stderr.write(`server-child: ${e.message}\n`);
  process.exit(1);
});
