// Module content: the versions go sees for a module and whether the required one downloads
// (module path, tags, checksums). Runs in the current module when there is one, so go.sum is
// checked, with a fresh module cache shared by the doctor run.
import { explainOutput } from '../../common/explain';
import { finding, fix, type Finding } from '../../common/doctor-report';
import { runTool } from '../tool-runner';
import { goLikeEnv } from '../verify/go-like-env';
import type { DoctorContext } from './context';
import { explainContextOf } from './explain-context';
import type { DoctorModule } from './targets';

export async function contentCheck(
  ctx: DoctorContext,
  m: DoctorModule,
  modcache: string,
  inModule: boolean,
): Promise<Finding[]> {
  const env = {
    ...goLikeEnv(ctx.env),
    GOMODCACHE: modcache,
    GOFLAGS: [ctx.env.GOFLAGS, '-modcacherw'].filter(Boolean).join(' '),
  };
  const target = m.version ? `${m.path}@${m.version}` : `${m.path}@latest`;
  // Inside the module, `go mod download M` checks the version go.mod requires against go.sum.
  const args =
    inModule && m.version ? ['mod', 'download', '-json', m.path] : ['mod', 'download', '-json', target];
  const r = await runTool('go', args, {
    env,
    cwd: inModule ? ctx.cwd : modcache,
    timeoutMs: ctx.timeoutMs * 3,
  });
  if (r.code === 0)
    return [finding('unknown-revision', 'ok', 'content', { module: m.path, title: `${target} downloads` })];
  let jsonError = '';
  try {
    jsonError = (JSON.parse(r.stdout) as { Error?: string }).Error ?? '';
  } catch {
    jsonError = '';
  }
  const text = [jsonError, r.stderr].filter(Boolean).join('\n');
  const cause = explainOutput(text, explainContextOf(ctx)).causes[0];
  const evidence = cause?.evidence.length ? cause.evidence : text.trim().split('\n').slice(-3);
  const id = cause?.id ?? 'other';
  const fixes = cause?.fixes.map((f) => fix(f.id, { params: { module: m.path } })) ?? [];
  return [
    finding(id, 'error', 'content', { module: m.path, evidence, explanation: cause?.explanation, fixes }),
  ];
}
