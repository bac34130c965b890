// The route drawn as a line of stations (a subway map, top to bottom): each station coloured by
// its verdict, the facts beside it copyable, the steps and notes go would follow underneath.
import type { RouteExplanation } from '../../../main/common/route';
import { CodeBlock, CodeLine } from '../../ui/copy';
import { stationsOf, type StationVerdict } from './route-stations';

const verdictLabel: Record<StationVerdict, string> = {
  ok: 'fine',
  warning: 'needs attention',
  error: 'broken',
  skipped: 'not used',
};

export function RouteDiagram({ route }: { route: RouteExplanation }) {
  const stations = stationsOf(route);
  return (
    <div className="route" data-testid="route-diagram">
      <ol className="route-line" aria-label={`Route of ${route.module}`}>
        {stations.map((s) => (
          <li key={s.key} className={`station ${s.verdict}`} data-station={s.key}>
            <span className="station-dot" aria-hidden="true" />
            <div className="station-body">
              <p className="station-title">
                <strong>{s.title}</strong>
                <span className={`badge ${s.verdict}`}>{verdictLabel[s.verdict]}</span>
              </p>
              <p className="station-summary">{s.summary}</p>
              {s.facts.length > 0 && (
                <dl className="station-facts">
                  {s.facts.map((f, i) => (
                    <div key={i} className="fact">
                      <dt>{f.label}</dt>
                      <dd>
                        <CodeLine text={f.value} label={f.label} />
                      </dd>
                    </div>
                  ))}
                </dl>
              )}
              {s.notes.map((n, i) => (
                <p key={i} className="station-note">
                  {n}
                </p>
              ))}
            </div>
          </li>
        ))}
      </ol>
      <div className="route-steps">
        <h3>What go does, step by step</h3>
        <CodeBlock lines={route.steps.map((s, i) => `${i + 1}. ${s}`)} label="route steps" />
        {route.notes.length > 0 && (
          <ul className="notes">
            {route.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
