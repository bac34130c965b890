// doctor → the chosen fixes → ONE plan (one journal entry, undone as a unit). Shared by the
// CLI and the app, so both offer exactly the same remedies.
import type { DoctorReport, Finding, FindingFix } from '../../common/doctor-report';
import type { Step } from '../../common/plan';
import { runDoctor } from '../doctor/index';
import { readGoEnv } from '../go-env-reader';
import { buildPlan, type BuiltPlan } from '../planner';
import type { Env } from '../paths';
import { fixSteps, type FixInput } from './fix-steps';

export interface FixRequest {
  env: Env;
  cwd: string;
  modules?: string[];
  hosts?: string[];
  /** fix ids to apply; with `all`, the first applicable fix of every finding */
  fixIds?: string[];
  all?: boolean;
  input: FixInput;
}

export interface FixPlanResult {
  before: DoctorReport;
  plan?: BuiltPlan;
  skipped: { fix: string; reason: string; needs?: string }[];
}

function choose(findings: Finding[], ids: string[], all: boolean): { finding: Finding; fix: FindingFix }[] {
  const out: { finding: Finding; fix: FindingFix }[] = [];
  const seen = new Set<string>();
  for (const f of findings.filter((x) => x.severity !== 'ok')) {
    // --all takes each finding's first fix; those that need consent or input are reported as
    // skipped with the reason, so the user sees what is left to do.
    const fx = all ? f.fixes[0] : f.fixes.find((x) => ids.includes(x.id));
    if (!fx) continue;
    const key = `${fx.id}|${JSON.stringify(fx.params ?? {})}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ finding: f, fix: fx });
  }
  return out;
}

export async function planFixes(req: FixRequest): Promise<FixPlanResult> {
  const scope = { env: req.env, cwd: req.cwd, modules: req.modules, hosts: req.hosts };
  const before = await runDoctor(scope);
  const chosen = choose(before.findings, req.fixIds ?? [], req.all ?? false);
  const goEnv = await readGoEnv(req.env, { cwd: req.cwd });
  const steps: Step[] = [];
  const titles: string[] = [];
  const skipped: FixPlanResult['skipped'] = [];
  for (const c of chosen) {
    const p = await fixSteps(req.env, goEnv, c.fix, c.finding, req.input);
    if (p.ok) {
      steps.push(...p.steps);
      titles.push(p.title);
    } else skipped.push({ fix: c.fix.id, reason: p.reason, needs: p.needs });
  }
  if (steps.length === 0) return { before, skipped };
  return { before, plan: await buildPlan(`fix: ${titles.join('; ')}`, steps, req.env), skipped };
}

/** After applying: doctor again on the same scope, and whether the old root cause is gone. */
export async function recheck(
  req: Pick<FixRequest, 'env' | 'cwd' | 'modules' | 'hosts'>,
  before: DoctorReport,
) {
  const after = await runDoctor({ env: req.env, cwd: req.cwd, modules: req.modules, hosts: req.hosts });
  const fixedPrimary =
    before.primary !== null && !after.findings.some((f) => f.severity === 'error' && f.id === before.primary);
  return { after, fixedPrimary };
}
