// "Where does this module come from?": a module path in, the route out (route.explain with a
// discovery probe, which may take a few seconds on a slow network, hence the progress text).
import { useState, type FormEvent } from 'react';
import { navigate } from '../../app/routes';
import { useRemote, valueOf } from '../../app/use-remote';
import { Busy } from '../../ui/busy';
import { ErrorPanel } from '../../ui/error-panel';
import { RouteDiagram } from './route-diagram';

export function RouteBox({ initial }: { initial?: string }) {
  const [module, setModule] = useState(initial ?? '');
  const [probe, setProbe] = useState(true);
  const { remote, run } = useRemote('route.explain');
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const m = module.trim();
    if (m) void run({ module: m, probe });
  };
  const route = valueOf(remote);
  return (
    <div className="route-box">
      <form className="inline-form" onSubmit={submit} aria-label="Explain a module's route">
        <label className="field grow">
          <span>Module path</span>
          <input
            type="text"
            value={module}
            onChange={(e) => setModule(e.target.value)}
            placeholder="git.example.com/team/service"
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            required
          />
        </label>
        <label className="check">
          <input type="checkbox" checked={probe} onChange={(e) => setProbe(e.target.checked)} />
          <span>Probe discovery</span>
        </label>
        <button type="submit" className="btn primary" disabled={remote.state === 'loading' || !module.trim()}>
          Show route
        </button>
      </form>
      <Busy active={remote.state === 'loading'}>
        Working out the route{probe ? ' and asking the host for its go-import answer' : ''}…
      </Busy>
      {remote.state === 'error' && (
        <ErrorPanel error={remote.error} context="Explaining the route" onRetry={() => submit()} />
      )}
      {route && (
        <>
          <RouteDiagram route={route} />
          <div className="button-row">
            <button
              type="button"
              className="btn"
              onClick={() => navigate('terminal', { module: route.module })}
            >
              Verify {route.module}
            </button>
            <button
              type="button"
              className="btn ghost"
              onClick={() => navigate('troubleshoot', { module: route.module, run: '1' })}
            >
              Run the doctor for it
            </button>
          </div>
        </>
      )}
    </div>
  );
}
