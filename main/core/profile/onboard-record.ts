// What onboarding remembers between runs, in the app data dir (never in a dotfile): per profile,
// the journal entry that applied it and whether verification passed, so a run after an
// interruption says what it is resuming; and the last failing verification command with its
// root-cause class, which the support bundle reports. Output lines are redacted before storing.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { atomicWrite } from '../atomic-file';
import { pathsOf, type Env } from '../paths';

export type OnboardPhase = 'applied' | 'verified' | 'verify-failed';

export interface OnboardRecord {
  profileId: string;
  profileSha256: string;
  origin: string;
  phase: OnboardPhase;
  /** the journal entry of the last apply (what `onramp undo` takes) */
  journalId?: string;
  updatedAt: string;
}

export interface LastFailure {
  at: string;
  /** the command as a person reads it (redacted) */
  command: string;
  exitCode: number | null;
  /** taxonomy id of the primary root cause (explainOutput), when one was found */
  rootCause?: string;
  rootCauseTitle?: string;
  /** the last lines of its output, redacted */
  lines: string[];
}

const recordFile = (env: Env, id: string) => join(pathsOf(env).dataDir, 'onboarding', `${id}.json`);
const failureFile = (env: Env) => join(pathsOf(env).dataDir, 'last-failure.json');

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

export const readOnboardRecord = (env: Env, profileId: string) =>
  readJson<OnboardRecord>(recordFile(env, profileId));

export async function writeOnboardRecord(env: Env, rec: OnboardRecord): Promise<void> {
  await atomicWrite(recordFile(env, rec.profileId), `${JSON.stringify(rec, null, 2)}\n`, { mode: 0o600 });
}

export const readLastFailure = (env: Env) => readJson<LastFailure>(failureFile(env));

export async function writeLastFailure(env: Env, f: LastFailure): Promise<void> {
  await atomicWrite(failureFile(env), `${JSON.stringify(f, null, 2)}\n`, { mode: 0o600 });
}
