// Reads the netrc go would use ($NETRC, else ~/.netrc): go 1.19's own HTTPS requests (discovery
// with ?go-get=1, GOPROXY) authenticate only from it (design notes). Reports where it is, who
// can read it and a summary without a single password (netrc-view.ts summarizeNetrc).
import { readFile, stat } from 'node:fs/promises';
import { toErrorData } from '../common/errors';
import { parseNetrc, summarizeNetrc, type NetrcSummary } from '../common/netrc';
import type { ReadProblem } from '../common/read-problem';
import { redactSecrets } from '../common/redact';
import { pathsOf, type Env } from './paths';

export interface NetrcReport {
  file: string;
  /** $NETRC names the file, or the default under HOME */
  source: 'NETRC' | 'home';
  exists: boolean;
  /** permission bits, e.g. 0o600 */
  mode?: number;
  /** group or other may read (or write) it */
  tooOpen: boolean;
  /** machines, logins and go-compatibility notes; never a password */
  summary?: NetrcSummary;
  problems: ReadProblem[];
}

export interface ReadNetrcOptions {
  /** hosts whose entries Onramp manages (marked in the summary) */
  managedHosts?: Iterable<string>;
}

/** The netrc go reads, summarised without secrets. Never throws. */
export async function readNetrc(env: Env, opts: ReadNetrcOptions = {}): Promise<NetrcReport> {
  const file = pathsOf(env).netrc;
  const source = env.NETRC ? 'NETRC' : 'home';
  const report: NetrcReport = { file, source, exists: false, tooOpen: false, problems: [] };
  let text: string;
  try {
    const st = await stat(file);
    report.exists = true;
    report.mode = st.mode & 0o777;
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (report.exists || (code !== 'ENOENT' && code !== 'ENOTDIR'))
      report.problems.push({
        severity: 'warning',
        code: 'file-unreadable',
        message: `${file} cannot be read (${code ?? 'error'}); go cannot read it either.`,
        hint: `Make it readable by you only: chmod 600 ${file}`,
        file,
      });
    return report;
  }
  const mode = report.mode ?? 0;
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    report.tooOpen = true;
    report.problems.push({
      severity: 'warning',
      code: 'file-permissions',
      message: `${file} has mode ${mode.toString(8).padStart(4, '0')}: other users ${mode & 0o044 ? 'can read your credentials' : 'can change it'}.`,
      hint: `chmod 600 ${file}`,
      file,
    });
  }
  try {
    const summary = summarizeNetrc(parseNetrc(text, file), opts.managedHosts ?? []);
    // A token pasted as the login (some hosts accept that) is still a token.
    for (const m of summary.machines) if (m.login !== undefined) m.login = redactSecrets(m.login);
    report.summary = summary;
    for (const p of summary.goCompat)
      report.problems.push({
        severity: 'warning',
        code: 'netrc-compat',
        message: `${file}:${p.line}: ${p.message}`,
        hint: 'Write one entry per line: machine HOST login USER password TOKEN (no quotes).',
        file,
        line: p.line,
      });
  } catch (err) {
    const d = toErrorData(err);
    const p: ReadProblem = {
      severity: 'error',
      code: 'file-unreadable',
      message: redactSecrets(d.message),
      hint: d.hint ?? 'Fix that line: go, curl and git may each read the file differently.',
      file,
    };
    if (d.line !== undefined) p.line = d.line;
    report.problems.push(p);
  }
  return report;
}
