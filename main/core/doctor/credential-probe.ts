// "terminal prompts disabled" reads the same for no credential and a wrong one (a bad netrc
// token makes git fall back to prompting). Telling them apart needs an active check: fetch
// the credential git would use and ask the server's smart-HTTP endpoint with it.
import { curlLookup } from '../../common/netrc';
import { runTool } from '../tool-runner';
import { goLikeEnv } from '../verify/go-like-env';
import { gitCaFile, gitCredentialSources, type DoctorContext } from './context';
import { httpGet } from './http-get';

export type CredentialVerdict =
  | { kind: 'none'; helpers: string[] }
  | { kind: 'rejected'; source: string; status: number }
  | { kind: 'forbidden'; source: string; status: number }
  | { kind: 'not-found'; source: string; status: number }
  | { kind: 'accepted'; source: string }
  | { kind: 'unknown'; source: string; detail: string };

/** Asks the configured helpers for the credential (never prompting), as git would. */
async function helperCredential(
  ctx: DoctorContext,
  url: string,
): Promise<{ login: string; password: string } | undefined> {
  const u = new URL(url);
  const input = `protocol=${u.protocol.replace(':', '')}\nhost=${u.host}\npath=${u.pathname.replace(/^\//, '')}\n\n`;
  const r = await runTool('git', ['credential', 'fill'], {
    env: goLikeEnv(ctx.env),
    stdin: input,
    timeoutMs: ctx.timeoutMs,
  });
  if (r.code !== 0) return undefined;
  const get = (k: string) => new RegExp(`^${k}=(.*)$`, 'm').exec(r.stdout)?.[1];
  const login = get('username');
  const password = get('password');
  return login !== undefined && password !== undefined ? { login, password } : undefined;
}

export async function probeCredential(ctx: DoctorContext, repoUrl: string): Promise<CredentialVerdict> {
  const u = new URL(repoUrl);
  const sources = gitCredentialSources(ctx, repoUrl, u.hostname);
  let cred: { login: string; password: string } | undefined;
  let source = '';
  if (sources.helpers.length > 0) {
    cred = await helperCredential(ctx, repoUrl);
    source = `credential helper ${sources.helpers.join(', ')}`;
  }
  if (!cred && sources.netrc && ctx.curlNetrc) {
    const c = curlLookup(ctx.curlNetrc, u.hostname);
    if (c) cred = { login: c.login, password: c.password };
    source = `${ctx.netrcFile} (machine ${u.hostname})`;
  }
  if (!cred) return { kind: 'none', helpers: sources.helpers };
  const base = repoUrl.replace(/\/$/, '');
  const ca = gitCaFile(ctx, repoUrl);
  const a = await httpGet(`${base}/info/refs?service=git-upload-pack`, {
    caFiles: ca.file ? [ca.file] : [],
    auth: cred,
    timeoutMs: ctx.timeoutMs,
  });
  if (a.status === 401) return { kind: 'rejected', source, status: 401 };
  if (a.status === 403) return { kind: 'forbidden', source, status: 403 };
  if (a.status === 404) return { kind: 'not-found', source, status: 404 };
  if (a.status === 200) return { kind: 'accepted', source };
  return { kind: 'unknown', source, detail: a.error ?? String(a.status) };
}
