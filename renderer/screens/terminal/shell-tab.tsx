// An interactive shell over the /pty WebSocket (browser mode only). It starts on request, not
// on arrival: opening the Terminal screen should not spawn a shell nobody asked for.
import { useRef, useState } from 'react';
import { useConnection } from '../../app/connection';
import type { PtyConnection } from '../../client/index';
import { XTermView } from './xterm-view';

export function ShellTab() {
  const connection = useConnection();
  const [session, setSession] = useState(0);
  const [exit, setExit] = useState<{ code: number | null } | null>(null);
  const pty = useRef<PtyConnection>();
  const openShell = connection.openShell;

  if (!openShell)
    return (
      <div className="callout info">
        <p>
          <strong>The shell tab needs the PTY bridge,</strong> which the desktop app does not have yet.
          Verification runs work here; for a shell, use your own terminal, or run <code>onramp web</code> and
          open it in a browser.
        </p>
      </div>
    );

  if (session === 0)
    return (
      <div className="empty">
        <p>
          A login shell on this machine, with the same HOME and environment as Onramp. Output is shown as-is.
        </p>
        <button type="button" className="btn primary" onClick={() => setSession(1)}>
          Start a shell
        </button>
      </div>
    );

  return (
    <div className="shell-tab">
      {exit && (
        <div className="callout info" role="status">
          <p>
            The shell {exit.code === null ? 'connection closed' : `exited with code ${exit.code}`}.{' '}
            <button
              type="button"
              className="btn small"
              onClick={() => {
                setExit(null);
                setSession((n) => n + 1);
              }}
            >
              Start a new shell
            </button>
          </p>
        </div>
      )}
      <XTermView
        key={session}
        label="Shell"
        interactive
        onResize={(cols, rows) => pty.current?.resize(cols, rows)}
        onReady={(h) => {
          const conn = openShell(
            (data) => h.term.write(data),
            (code) => {
              h.term.write(
                `\r\n\x1b[2m[${code === null ? 'connection closed' : `exited with code ${code}`}]\x1b[22m\r\n`,
              );
              setExit({ code });
            },
            { cols: h.term.cols, rows: h.term.rows },
          );
          pty.current = conn;
          const input = h.term.onData((d) => conn.write(d));
          h.term.focus();
          return () => {
            input.dispose();
            conn.close();
            pty.current = undefined;
          };
        }}
      />
    </div>
  );
}
