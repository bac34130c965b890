// `onramp set go-env KEY=VALUE…`: validated before anything is planned, so a typo like
// GONOSUMCHECK or GOPRIVATE=https://… is refused with a suggestion instead of written.
import { OnrampError, usageError } from '../../common/errors';
import type { GoEnvStep } from '../../common/plan';
import { isKnownGoVar, suggestGoVar } from '../../common/go-vars';
import { validatePatternList } from '../../common/go-patterns';
import { goEnvFile } from '../go-tool';
import type { Env } from '../paths';

const patternVars = new Set(['GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOINSECURE']);

export function parseAssignment(arg: string): { key: string; value: string } {
  const eq = arg.indexOf('=');
  if (eq <= 0) throw usageError(`expected KEY=VALUE, got ${JSON.stringify(arg)}`);
  return { key: arg.slice(0, eq), value: arg.slice(eq + 1) };
}

export function checkGoEnvKey(key: string): void {
  if (isKnownGoVar(key)) return;
  const suggestion = suggestGoVar(key);
  throw new OnrampError({
    code: 'invalid-input',
    message: `${key} is not a Go environment variable`,
    hint: suggestion ? `Did you mean ${suggestion}?` : 'See `go help environment` for the list.',
  });
}

export function checkGoEnvValue(key: string, value: string): void {
  if (/[\r\n\0]/.test(value))
    throw new OnrampError({
      code: 'invalid-input',
      message: `${key}: the value contains a line break or NUL`,
    });
  if (!patternVars.has(key)) return;
  const errors = validatePatternList(key, value).filter((p) => p.severity === 'error');
  const first = errors[0];
  if (first)
    throw new OnrampError({ code: 'invalid-input', message: `${key}: ${first.message}`, hint: first.hint });
}

export async function goEnvSteps(
  env: Env,
  assignments: { key: string; value: string }[],
  unsets: string[],
): Promise<GoEnvStep[]> {
  if (assignments.length === 0 && unsets.length === 0)
    throw usageError('nothing to set: give KEY=VALUE or --unset KEY');
  for (const { key, value } of assignments) {
    checkGoEnvKey(key);
    checkGoEnvValue(key, value);
  }
  for (const key of unsets) checkGoEnvKey(key);
  const file = await goEnvFile(env);
  return [
    ...assignments.map((a): GoEnvStep => ({
      kind: 'go-env',
      file,
      action: 'set',
      key: a.key,
      value: a.value,
    })),
    ...unsets.map((key): GoEnvStep => ({ kind: 'go-env', file, action: 'unset', key })),
  ];
}
