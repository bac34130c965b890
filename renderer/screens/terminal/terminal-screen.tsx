// The Terminal: verification runs streamed live (verify.run; events verify.event), and an
// interactive shell in browser mode. Loaded lazily with xterm, so the first paint stays small.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useVerifyStore } from '../../app/verify-context';
import { useVerifyRuns } from '../../app/verify-store';
import { ScreenHeader } from '../../ui/screen-header';
import { Tabs } from '../../ui/tabs';
import { ShellTab } from './shell-tab';
import { VerifyTerminal } from './verify-terminal';

type Tab = 'verify' | 'shell';
const tabs = [
  { key: 'verify', label: 'Verification' },
  { key: 'shell', label: 'Shell' },
] as const;

function VerifyTab({ initial, autoStart }: { initial?: string; autoStart: boolean }) {
  const store = useVerifyStore();
  const runs = useVerifyRuns(store);
  const run = runs[runs.length - 1];
  const [modules, setModules] = useState(initial ?? run?.modules.join(' ') ?? '');
  const [cleanRoom, setCleanRoom] = useState(false);
  const running = !!run && !run.done;
  const start = (e?: FormEvent) => {
    e?.preventDefault();
    const list = modules.split(/[\s,]+/).filter(Boolean);
    if (list.length) store.start(list, { cleanRoom });
  };
  const auto = useRef(autoStart);
  useEffect(() => {
    if (auto.current && !running) start();
    auto.current = false;
  });
  return (
    <div className="verify-tab">
      <form className="inline-form" onSubmit={start} aria-label="Run a verification">
        <label className="field grow">
          <span>Module(s) to fetch with go</span>
          <input
            value={modules}
            onChange={(e) => setModules(e.target.value)}
            placeholder="git.example.com/team/lib@v1.2.0"
            spellCheck={false}
            autoCapitalize="off"
            required
          />
        </label>
        <label className="check">
          <input type="checkbox" checked={cleanRoom} onChange={(e) => setCleanRoom(e.target.checked)} />
          <span>Clean room (ignore shell exports)</span>
        </label>
        <button type="submit" className="btn primary" disabled={running}>
          Verify
        </button>
        {running && !run.watched && (
          <button type="button" className="btn danger" onClick={() => void store.cancel(run)}>
            Cancel
          </button>
        )}
      </form>
      <p className="muted small">
        Runs <code>go mod download</code> with a fresh module cache and this machine's settings, and streams
        every line here (secrets redacted by Onramp before they reach this window).
      </p>
      <VerifyTerminal run={run} />
    </div>
  );
}

export function TerminalScreen({ params }: { params: Record<string, string> }) {
  const [tab, setTab] = useState<Tab>(params.tab === 'shell' ? 'shell' : 'verify');
  return (
    <>
      <ScreenHeader title="Terminal" lead="Watch a real fetch run with your settings, or open a shell." />
      <Tabs<Tab>
        id="term"
        label="Terminal mode"
        tabs={tabs}
        active={tab}
        onChange={setTab}
        panels={{
          verify: <VerifyTab initial={params.module} autoStart={params.run === '1'} />,
          shell: <ShellTab />,
        }}
      />
    </>
  );
}
