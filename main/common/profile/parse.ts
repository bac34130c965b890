// Profile text → a validated Profile, or problems that each name the file, the line and the
// JSON pointer of the offending value, so `onramp profile validate` reads like a compiler.
import { OnrampError, parseError } from '../errors';
import { jsonPointer, lineOf, parseLocatedJson, type JsonPath } from './json-locate';
import { profileSchema, type Profile } from './schema';

/** Larger than any real profile (a few KiB, a CA chain included) and small enough to be harmless. */
export const MAX_PROFILE_BYTES = 256 * 1024;

export interface ProfileProblem {
  file: string;
  line: number;
  /** JSON pointer of the value ('' = the whole document) */
  pointer: string;
  message: string;
}

export interface ParsedProfile {
  profile: Profile;
  file: string;
  /** JSON pointer → line, for review items and later messages */
  lines: ReadonlyMap<string, number>;
}

export type ProfileParseResult =
  { ok: true; parsed: ParsedProfile } | { ok: false; problems: ProfileProblem[] };

function describeIssue(issue: { code: string; message: string; keys?: string[] }): string {
  if (issue.code === 'unrecognized_keys' && issue.keys)
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')} (profile version 1 does not have ${issue.keys.length > 1 ? 'them' : 'it'})`;
  return issue.message;
}

/** Every problem with a profile text; ok with the profile when there are none. */
export function checkProfileText(text: string, file: string): ProfileParseResult {
  if (text.length > MAX_PROFILE_BYTES)
    return {
      ok: false,
      problems: [
        { file, line: 1, pointer: '', message: `the profile is larger than ${MAX_PROFILE_BYTES / 1024} KiB` },
      ],
    };
  let located;
  try {
    located = parseLocatedJson(text, file);
  } catch (e) {
    const err = e as OnrampError;
    const message = err.message.replace(/^.*?:\d+: /, '');
    return { ok: false, problems: [{ file, line: err.line ?? 1, pointer: '', message }] };
  }
  const r = profileSchema.safeParse(located.value);
  if (r.success) return { ok: true, parsed: { profile: r.data, file, lines: located.lines } };
  const problems = r.error.issues.map((issue) => {
    let path: JsonPath = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    // Point an unknown key at its own line and pointer rather than its parent object's.
    const keys = (issue as { keys?: string[] }).keys;
    if (issue.code === 'unrecognized_keys' && keys?.length === 1) path = [...path, keys[0] as string];
    return {
      file,
      line: lineOf(located.lines, path),
      pointer: jsonPointer(path),
      message: describeIssue(issue as { code: string; message: string; keys?: string[] }),
    };
  });
  problems.sort((a, b) => a.line - b.line);
  return { ok: false, problems };
}

export function formatProblem(p: ProfileProblem): string {
  return `${p.file}:${p.line}: ${p.pointer ? `${p.pointer}: ` : ''}${p.message}`;
}

/** The profile, or a parse error for its first problem (naming file and line; the rest in the hint). */
export function parseProfileText(text: string, file: string): ParsedProfile {
  const r = checkProfileText(text, file);
  if (r.ok) return r.parsed;
  const [first, ...rest] = r.problems as [ProfileProblem, ...ProfileProblem[]];
  throw parseError(
    file,
    first.line,
    `${first.pointer ? `${first.pointer}: ` : ''}${first.message}`,
    rest.length > 0
      ? `${rest.length} more problem${rest.length > 1 ? 's' : ''}: ${rest.slice(0, 5).map(formatProblem).join('; ')}`
      : undefined,
  );
}
