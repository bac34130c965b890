// The private keys in ~/.ssh and what stops ssh from using them when go runs it: go runs ssh
// with BatchMode=yes, so a key with a passphrase is usable only through the agent, and ssh
// ignores a key file whose mode has any group/other bit ("UNPROTECTED PRIVATE KEY FILE!",
// sshkey_perm_ok() in OpenSSH's authfile.c). Nothing here prompts: the only passphrase ever
// given to ssh-keygen is the empty one (`-P ''`), which fails on an encrypted key.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReadProblem } from '../common/read-problem';
import { pathsOf, type Env } from './paths';
import { baseToolEnv, runTool } from './tool-runner';

export type SshKeyFormat = 'openssh' | 'pem' | 'pkcs8' | 'putty';

export interface SshKeyInfo {
  file: string;
  /** the `.pub` beside it, when present */
  publicFile?: string;
  format: SshKeyFormat | 'unknown';
  /** as ssh-keygen prints it: ED25519, RSA, ECDSA, ED25519-SK… */
  type?: string;
  bits?: number;
  /** SHA256:… */
  fingerprint?: string;
  comment?: string;
  /** permission bits, e.g. 0o600 */
  mode: number;
  /** ssh ignores the key: group/other bits set on a file we own */
  tooOpen: boolean;
  /** needs a passphrase; null when it could not be told */
  encrypted: boolean | null;
  /** a FIDO key (-sk): needs a touch, which BatchMode cannot ask for */
  securityKey: boolean;
  /** the `.pub` holds the key's own public half (undefined when not checked) */
  publicKeyMatches?: boolean;
}

export interface SshKeysReport {
  dir: string;
  exists: boolean;
  keys: SshKeyInfo[];
  problems: ReadProblem[];
}

// Private key files are a few KiB; anything larger is not one.
const MAX_KEY_BYTES = 64 * 1024;

/** The key format from the first bytes of a file; undefined when it is not a private key. */
export function privateKeyFormat(text: string): SshKeyFormat | undefined {
  if (/^\s*-----BEGIN OPENSSH PRIVATE KEY-----/.test(text)) return 'openssh';
  if (/^\s*-----BEGIN (RSA|DSA|EC) PRIVATE KEY-----/.test(text)) return 'pem';
  if (/^\s*-----BEGIN (ENCRYPTED )?PRIVATE KEY-----/.test(text)) return 'pkcs8';
  if (/^PuTTY-User-Key-File-\d+:/.test(text)) return 'putty';
  return undefined;
}

/**
 * Whether a key is encrypted, from its header alone (works on keys ssh-keygen refuses to load
 * because of their mode). openssh-key-v1 stores the cipher name in clear: "none" = no passphrase.
 */
export function encryptedFromHeader(text: string, format: SshKeyFormat): boolean | null {
  if (format === 'pem') return /Proc-Type:\s*4,ENCRYPTED/.test(text);
  if (format === 'pkcs8') return /-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(text);
  if (format === 'putty') return !/^Encryption:\s*none\s*$/m.test(text);
  const body = /-----BEGIN OPENSSH PRIVATE KEY-----([\s\S]*?)-----END OPENSSH PRIVATE KEY-----/.exec(
    text,
  )?.[1];
  if (!body) return null;
  const buf = Buffer.from(body.replace(/\s+/g, ''), 'base64');
  const magic = 'openssh-key-v1\0';
  if (buf.length < magic.length + 4 || buf.subarray(0, magic.length).toString('latin1') !== magic)
    return null;
  const len = buf.readUInt32BE(magic.length);
  const cipher = buf.subarray(magic.length + 4, magic.length + 4 + len).toString('latin1');
  return cipher !== 'none';
}

/** Parses one `ssh-keygen -l` / `ssh-add -l` line: "256 SHA256:… comment words (ED25519)". */
export function parseFingerprintLine(
  line: string,
): { bits: number; fingerprint: string; comment: string; type: string } | undefined {
  const m = /^(\d+) (\S+) ?(.*) \(([^)]+)\)\s*$/.exec(line.trim());
  if (!m?.[1] || !m[2] || !m[4]) return undefined;
  const comment = m[3] === 'no comment' ? '' : (m[3] ?? '');
  return { bits: Number(m[1]), fingerprint: m[2], comment, type: m[4] };
}

const blobOf = (pubLine: string) => pubLine.trim().split(/\s+/)[1];

async function inspectKey(
  env: Env,
  file: string,
  text: string,
  format: SshKeyFormat | 'unknown',
): Promise<SshKeyInfo> {
  const st = await stat(file);
  const mode = st.mode & 0o777;
  const ours = typeof process.getuid !== 'function' || st.uid === process.getuid();
  const info: SshKeyInfo = {
    file,
    format,
    mode,
    tooOpen: process.platform !== 'win32' && ours && (mode & 0o077) !== 0,
    encrypted: format === 'unknown' ? null : encryptedFromHeader(text, format),
    securityKey: false,
  };
  const pubText = await readFile(`${file}.pub`, 'utf8').catch(() => undefined);
  if (pubText !== undefined) info.publicFile = `${file}.pub`;
  const toolEnv = baseToolEnv(env);
  const run = (args: string[], stdin?: string) =>
    runTool('ssh-keygen', args, { env: toolEnv, timeoutMs: 10_000, ...(stdin ? { stdin } : {}) }).catch(
      () => undefined,
    );

  // The public half from the private key: confirms "not encrypted" and checks the .pub.
  // ssh-keygen refuses a too-open key and fails an encrypted one, so only ask when it can answer.
  let derived: string | undefined;
  if (!info.tooOpen && info.encrypted !== true && format !== 'putty') {
    const y = await run(['-y', '-P', '', '-f', file]);
    if (y?.code === 0) {
      derived = y.stdout.trim();
      info.encrypted = false;
    } else if (y && /incorrect passphrase|passphrase is required/i.test(y.stderr)) info.encrypted = true;
  }
  if (derived && pubText !== undefined) info.publicKeyMatches = blobOf(derived) === blobOf(pubText);

  // Fingerprint from the .pub, else from the key file (openssh keys carry their public half in
  // clear), else from the derived public key on stdin.
  let l = await run(['-l', '-f', info.publicFile ?? file]);
  if ((l?.code !== 0 || !l.stdout.trim()) && derived) l = await run(['-l', '-f', '-'], derived + '\n');
  const fp = l?.code === 0 ? parseFingerprintLine(l.stdout.split('\n')[0] ?? '') : undefined;
  if (fp) {
    info.type = fp.type;
    info.bits = fp.bits;
    info.fingerprint = fp.fingerprint;
    info.comment = fp.comment;
    info.securityKey = /-SK$/i.test(fp.type);
  }
  return info;
}

function keyProblems(k: SshKeyInfo): ReadProblem[] {
  const out: ReadProblem[] = [];
  const mode = k.mode.toString(8).padStart(4, '0');
  if (k.tooOpen)
    out.push({
      severity: 'error',
      code: 'ssh-key-permissions',
      message: `${k.file} has mode ${mode}: ssh ignores a private key others can access (UNPROTECTED PRIVATE KEY FILE).`,
      hint: `chmod 600 ${k.file}`,
      file: k.file,
    });
  if (k.encrypted)
    out.push({
      severity: 'info',
      code: 'ssh-key-encrypted',
      message: `${k.file} has a passphrase; go runs ssh with BatchMode=yes, so it can use this key only through the agent.`,
      hint: `ssh-add ${k.file}`,
      file: k.file,
    });
  if (k.securityKey)
    out.push({
      severity: 'info',
      code: 'ssh-key-encrypted',
      message: `${k.file} is a security-key (FIDO) key; go's non-interactive ssh cannot wait for a touch unless the key was made with no-touch-required.`,
      hint: 'Use a regular ed25519 key for go, or load this one into the agent.',
      file: k.file,
    });
  if (k.publicKeyMatches === false)
    out.push({
      severity: 'warning',
      code: 'ssh-key-unusable',
      message: `${k.publicFile} does not belong to ${k.file}; ssh offers the public key from the .pub and the server rejects the signature.`,
      hint: `ssh-keygen -y -f ${k.file} > ${k.file}.pub`,
      file: k.publicFile,
    });
  if (k.format === 'putty')
    out.push({
      severity: 'warning',
      code: 'ssh-key-unusable',
      message: `${k.file} is a PuTTY key; OpenSSH cannot read it.`,
      hint: `Convert it: puttygen ${k.file} -O private-openssh -o ${k.file}.openssh`,
      file: k.file,
    });
  return out;
}

/** Every private key file in ~/.ssh, found by content. Never throws for a missing dir. */
export async function readSshKeys(env: Env): Promise<SshKeysReport> {
  const dir = pathsOf(env).sshDir;
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch {
    return { dir, exists: false, keys: [], problems: [] };
  }
  const problems: ReadProblem[] = [];
  const found = await Promise.all(
    names
      .filter((n) => !n.endsWith('.pub'))
      .map(async (n): Promise<SshKeyInfo | undefined> => {
        const file = join(dir, n);
        try {
          const st = await stat(file);
          if (!st.isFile() || st.size > MAX_KEY_BYTES) return undefined;
          const text = await readFile(file, 'utf8');
          // Found by content; a file with a .pub pair in a format we do not know is still a key.
          const format = privateKeyFormat(text) ?? (names.includes(`${n}.pub`) ? 'unknown' : undefined);
          return format ? await inspectKey(env, file, text, format) : undefined;
        } catch (err) {
          // An unreadable file with a .pub beside it is a key we cannot inspect.
          if (names.includes(`${n}.pub`))
            problems.push({
              severity: 'warning',
              code: 'file-unreadable',
              message: `${file} (a private key: ${n}.pub is beside it) cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}).`,
              hint: `Make it readable by you only: chmod 600 ${file}`,
              file,
            });
          return undefined;
        }
      }),
  );
  const keys = found.filter((k): k is SshKeyInfo => k !== undefined);
  return { dir, exists: true, keys, problems: [...problems, ...keys.flatMap(keyProblems)] };
}
