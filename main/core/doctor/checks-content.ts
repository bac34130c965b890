// Module content: the versions go sees for a module and whether the required one downloads
// (module path, tags, checksums). Runs in the current module when there is one, so go.sum is
// checked, with a fresh module cache shared by the doctor run.
import { readFile } from 'node:fs/promises';
import { explainOutput } from '../../common/explain';
import { finding, fix, type Finding } from '../../common/doctor-report';
import { runTool } from '../tool-runner';
import { goLikeEnv } from '../verify/go-like-env';
import type { DoctorContext } from './context';
import { explainContextOf } from './explain-context';
import type { DoctorModule } from './targets';

/** The `module` line of the go.mod go downloaded for path (from `go mod download -json`). */
async function declaredPath(stdout: string, path: string): Promise<string | undefined> {
  for (const chunk of stdout.split(/\n(?=\{)/)) {
    let j: { Path?: string; GoMod?: string };
    try {
      j = JSON.parse(chunk) as { Path?: string; GoMod?: string };
    } catch {
      continue;
    }
    if (j.Path !== path || !j.GoMod) continue;
    const text = await readFile(j.GoMod, 'utf8').catch(() => '');
    return /^\s*module\s+"?([^\s"]+)"?/m.exec(text)?.[1];
  }
  return undefined;
}

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
  if (r.code === 0) {
    // go mod download does not check the path go.mod declares; go get and builds do.
    const declared = await declaredPath(r.stdout, m.path);
    if (declared && declared !== m.path)
      return [
        finding('module-path-mismatch', 'error', 'content', {
          module: m.path,
          evidence: [
            `${target}: parsing go.mod: module declares its path as: ${declared}`,
            `        but was required as: ${m.path}`,
          ],
          explanation: `The repository's go.mod says \`module ${declared}\`; a module must be required by the path it declares.`,
          fixes: [fix('fix-module-path', { params: { module: m.path, declared } })],
        }),
      ];
    return [finding('unknown-revision', 'ok', 'content', { module: m.path, title: `${target} downloads` })];
  }
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
