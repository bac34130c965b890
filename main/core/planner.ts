// Turns steps into a Plan a person can read before anything changes: for every target file the
// before state, the after state the real tools produce (simulated on private copies, see
// step-sim.ts) and a redacted diff. Nothing is written to a real target here.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { OnrampError } from '../common/errors';
import type { FileChange, FileState, Plan, Step } from '../common/plan';
import { redactSecrets } from '../common/redact';
import { unifiedDiff } from '../common/unified-diff';
import { randomBytes } from 'node:crypto';
import { isAbsolute, join } from 'node:path';
import { readFileState, sha256Hex, type FileSnapshot } from './atomic-file';
import type { Env } from './paths';
import {
  goEnvFileInUse,
  newFileMode,
  forcedMode,
  openWorkingCopy,
  readWorkingCopy,
  runStepOn,
  targetsOf,
  type WorkingCopy,
} from './step-sim';

/** A plan plus what a person should know before applying it (tool warnings, overrides). */
export interface BuiltPlan extends Plan {
  notes: string[];
}

/** Sortable id: UTC timestamp to the millisecond, then randomness (`20250102-030405-678-9abc1234`). */
export function newPlanId(now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '-').replace('Z', '');
  return `${stamp}-${randomBytes(4).toString('hex')}`;
}

/** The state a target ends in: existing files keep their mode, new ones get `newMode`. */
export function afterSnapshot(
  content: Buffer | null,
  before: FileState,
  newMode: number,
  forced?: number,
): FileSnapshot {
  if (content === null) return { exists: false, sha256: '', mode: 0, content: Buffer.alloc(0) };
  return {
    exists: true,
    sha256: sha256Hex(content),
    mode: forced ?? (before.exists ? before.mode : newMode),
    content,
  };
}

const octal = (mode: number) => `100${(mode & 0o777).toString(8).padStart(3, '0')}`;
const label = (side: 'a' | 'b', file: string) => `${side}${file.startsWith('/') ? '' : '/'}${file}`;

/** git-style diff of one target, with mode lines, secrets redacted. */
export function fileDiff(file: string, before: FileSnapshot, after: FileSnapshot, secrets: string[]): string {
  const head: string[] = [];
  if (!before.exists && after.exists) head.push(`new file mode ${octal(after.mode)}`);
  else if (before.exists && !after.exists) head.push(`deleted file mode ${octal(before.mode)}`);
  else if (before.exists && before.mode !== after.mode)
    head.push(`old mode ${octal(before.mode)}`, `new mode ${octal(after.mode)}`);
  const body = unifiedDiff(before.content.toString('utf8'), after.content.toString('utf8'), {
    oldLabel: before.exists ? label('a', file) : '/dev/null',
    newLabel: after.exists ? label('b', file) : '/dev/null',
  });
  const text = head.length > 0 ? `${head.join('\n')}\n${body}` : body;
  // Step secrets plus the shapes secrets take (netrc passwords, URL userinfo): a diff's
  // context lines can show credentials the step did not add.
  return redactSecrets(text, secrets);
}

function checkSteps(steps: readonly Step[]): void {
  if (steps.length === 0)
    throw new OnrampError({ code: 'invalid-input', message: 'a plan needs at least one step' });
  for (const s of steps) {
    if (!isAbsolute(s.file))
      throw new OnrampError({ code: 'invalid-input', message: `target must be an absolute path: ${s.file}` });
    if (s.kind !== 'file-edit' && !/^[A-Za-z0-9_][A-Za-z0-9_.-]*(\..+)?$/.test(s.key))
      throw new OnrampError({ code: 'invalid-input', message: `not a valid ${s.kind} key: ${s.key}` });
    if ((s.kind === 'go-env' || s.kind === 'git-config') && s.action === 'set' && s.value === undefined)
      throw new OnrampError({ code: 'invalid-input', message: `${s.key}: a set step needs a value` });
  }
}

export function secretsFor(steps: readonly Step[], file: string): string[] {
  return steps.flatMap((s) => (s.kind === 'file-edit' && s.file === file ? (s.secrets ?? []) : []));
}

/** Simulates all steps on working copies in `workDir`; returns before/after per target. */
export async function simulate(
  steps: readonly Step[],
  env: Env,
  workDir: string,
): Promise<{ files: string[]; before: FileSnapshot[]; after: FileSnapshot[]; warnings: string[] }> {
  const files = targetsOf(steps);
  const before = await Promise.all(files.map((f) => readFileState(f)));
  const copies: WorkingCopy[] = [];
  for (const [i, f] of files.entries())
    copies.push(await openWorkingCopy(workDir, i, f, before[i] as FileSnapshot));
  const warnings: string[] = [];
  for (const step of steps) {
    const wc = copies[files.indexOf(step.file)] as WorkingCopy;
    warnings.push(...(await runStepOn(step, wc, env, workDir)));
  }
  const after: FileSnapshot[] = [];
  for (const [i, wc] of copies.entries())
    after.push(
      afterSnapshot(
        await readWorkingCopy(wc),
        before[i] as FileState,
        newFileMode(steps, wc.file),
        forcedMode(steps, wc.file),
      ),
    );
  return { files, before, after, warnings };
}

/** Builds the plan for `steps`; reads targets, writes only to a private temp directory. */
export async function buildPlan(
  title: string,
  steps: Step[],
  env: Env,
  opts: { now?: Date } = {},
): Promise<BuiltPlan> {
  checkSteps(steps);
  const now = opts.now ?? new Date();
  const workDir = await mkdtemp(join(tmpdir(), 'onramp-plan-'));
  try {
    const { files, before, after, warnings } = await simulate(steps, env, workDir);
    const changes: FileChange[] = files.map((file, i) => {
      const b = before[i] as FileSnapshot;
      const a = after[i] as FileSnapshot;
      return {
        file,
        before: { exists: b.exists, sha256: b.sha256, mode: b.mode },
        after: { exists: a.exists, sha256: a.sha256, mode: a.mode },
        diff: fileDiff(file, b, a, secretsFor(steps, file)),
      };
    });
    const notes = [...new Set(warnings)];
    const goFiles = [...new Set(steps.filter((s) => s.kind === 'go-env').map((s) => s.file))];
    if (goFiles.length > 0) {
      const inUse = await goEnvFileInUse(env, workDir);
      for (const f of goFiles)
        if (inUse !== undefined && inUse !== f)
          notes.push(
            `go reads its settings from ${inUse || '(no file: GOENV=off)'}, not ${f}: go will not see this change.`,
          );
    }
    return { id: newPlanId(now), title, createdAt: now.toISOString(), steps, changes, notes };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
