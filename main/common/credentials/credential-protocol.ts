// git's credential helper protocol (gitcredentials(7), "CUSTOM HELPERS"; git-credential(1),
// "INPUT/OUTPUT FORMAT"): `key=value` lines ended by a blank line or EOF. Keys with a `[]`
// suffix repeat (wwwauth[], capability[]). A value cannot hold a newline or NUL: git refuses
// to send or accept one (credential.c, credential_write_item), which also stops an injected
// line from smuggling in another host.

export interface CredentialRequest {
  protocol?: string;
  host?: string;
  path?: string;
  username?: string;
  password?: string;
  /** every other single-valued attribute, as git sent it */
  other: Record<string, string>;
  /** `key[]=` attributes, in order */
  lists: Record<string, string[]>;
}

/** Parses what git writes to a helper's stdin; unknown keys are kept, never rejected. */
export function parseCredentialRequest(text: string): CredentialRequest {
  const req: CredentialRequest = { other: {}, lists: {} };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line === '') break;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq);
    const value = line.slice(eq + 1);
    if (key.endsWith('[]')) {
      (req.lists[key.slice(0, -2)] ??= []).push(value);
      continue;
    }
    switch (key) {
      case 'protocol':
      case 'host':
      case 'path':
      case 'username':
      case 'password':
        req[key] = value;
        break;
      default:
        req.other[key] = value;
    }
  }
  return req;
}

/** True when git would accept the value on one protocol line. */
export function isProtocolSafe(value: string): boolean {
  return !/[\n\0]/.test(value);
}

/** The lines a helper prints for `get`; throws on a value git would refuse. */
export function formatCredentialReply(cred: { username: string; password: string }): string {
  for (const [k, v] of Object.entries(cred))
    if (!isProtocolSafe(v)) throw new Error(`credential ${k} contains a newline or NUL`);
  return `username=${cred.username}\npassword=${cred.password}\n`;
}

/** What Onramp writes to `git credential fill|approve|reject`. */
export function formatCredentialInput(cred: {
  protocol: string;
  host: string;
  path?: string;
  username?: string;
  password?: string;
}): string {
  const lines: string[] = [];
  for (const k of ['protocol', 'host', 'path', 'username', 'password'] as const) {
    const v = cred[k];
    if (v === undefined) continue;
    if (!isProtocolSafe(v)) throw new Error(`credential ${k} contains a newline or NUL`);
    lines.push(`${k}=${v}`);
  }
  return lines.join('\n') + '\n\n';
}
