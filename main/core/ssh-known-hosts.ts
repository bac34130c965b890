// known_hosts, read-only. go runs ssh with BatchMode=yes, so a host missing from known_hosts is a
// hard failure ("Host key verification failed."), never a prompt: Onramp needs to see entries,
// including hashed ones (HashKnownHosts yes, Debian's default) that only `ssh-keygen -F` can
// match. Listing parses the file (ssh-keygen -l skips @cert-authority/@revoked lines); lookup
// uses ssh-keygen, the authority on matching hashes, wildcards and `[host]:port`.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { pathsOf, type Env } from './paths';
import { baseToolEnv, runTool } from './tool-runner';

export interface KnownHostEntry {
  file: string;
  line: number;
  marker?: 'cert-authority' | 'revoked';
  /** host patterns as written; empty when hashed */
  hosts: string[];
  hashed: boolean;
  keyType: string;
  /** SHA256:… as ssh-keygen prints it */
  fingerprint: string;
  comment?: string;
}

export interface KnownHostsFile {
  file: string;
  exists: boolean;
  entries: KnownHostEntry[];
  /** lines ssh cannot use */
  invalidLines: number[];
}

/** The SHA256 fingerprint ssh prints for a base64 public key blob. */
export function sshFingerprint(base64Blob: string): string {
  const digest = createHash('sha256').update(Buffer.from(base64Blob, 'base64')).digest('base64');
  return `SHA256:${digest.replace(/=+$/, '')}`;
}

const KEY_TYPE = /^(ssh-|ecdsa-|sk-|rsa-|x509|pgp-|null$)/;

/** Parses one known_hosts line; undefined for blank/comment, 'invalid' for an unusable line. */
export function parseKnownHostsLine(
  text: string,
): Omit<KnownHostEntry, 'file' | 'line'> | 'invalid' | undefined {
  const t = text.trim();
  if (t === '' || t.startsWith('#')) return undefined;
  const fields = t.split(/[ \t]+/);
  let marker: KnownHostEntry['marker'];
  if (fields[0]?.startsWith('@')) {
    const m = fields.shift();
    if (m === '@cert-authority') marker = 'cert-authority';
    else if (m === '@revoked') marker = 'revoked';
    else return 'invalid';
  }
  const [hostField, keyType, blob, ...rest] = fields;
  if (!hostField || !keyType || !blob || !KEY_TYPE.test(keyType) || !/^[A-Za-z0-9+/]+=*$/.test(blob))
    return 'invalid';
  const hashed = hostField.startsWith('|1|');
  const entry: Omit<KnownHostEntry, 'file' | 'line'> = {
    hosts: hashed ? [] : hostField.split(','),
    hashed,
    keyType,
    fingerprint: sshFingerprint(blob),
  };
  if (marker) entry.marker = marker;
  if (rest.length > 0) entry.comment = rest.join(' ');
  return entry;
}

/** Reads a known_hosts file (default ~/.ssh/known_hosts). */
export async function readKnownHosts(env: Env, file = pathsOf(env).knownHosts): Promise<KnownHostsFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { file, exists: false, entries: [], invalidLines: [] };
  }
  const entries: KnownHostEntry[] = [];
  const invalidLines: number[] = [];
  text.split('\n').forEach((l, i) => {
    const e = parseKnownHostsLine(l);
    if (e === 'invalid') invalidLines.push(i + 1);
    else if (e) entries.push({ file, line: i + 1, ...e });
  });
  return { file, exists: true, entries, invalidLines };
}

export interface KnownHostMatch {
  file: string;
  line: number;
  marker?: 'cert-authority' | 'revoked';
  keyType: string;
  fingerprint: string;
}

// What ssh looks up: the lower-cased name, as `[host]:port` when the port is not 22.
const HOST_RE = /^[A-Za-z0-9_.:%-]+$/;

/** The name ssh looks up in known_hosts for host and port. */
export function knownHostsName(host: string, port = 22): string {
  const h = host.toLowerCase();
  return port === 22 ? h : `[${h}]:${port}`;
}

/** Parses `ssh-keygen -F` output: "# Host X found: line N [CA|REVOKED]" then the entry. */
export function parseKeygenFind(stdout: string, file: string): KnownHostMatch[] {
  const out: KnownHostMatch[] = [];
  const lines = stdout.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^# Host .* found: line (\d+)\s*(CA|REVOKED)?/.exec(lines[i] ?? '');
    if (!m?.[1]) continue;
    const e = parseKnownHostsLine(lines[i + 1] ?? '');
    if (!e || e === 'invalid') continue;
    const match: KnownHostMatch = {
      file,
      line: Number(m[1]),
      keyType: e.keyType,
      fingerprint: e.fingerprint,
    };
    if (m[2] === 'CA' || e.marker === 'cert-authority') match.marker = 'cert-authority';
    if (m[2] === 'REVOKED' || e.marker === 'revoked') match.marker = 'revoked';
    out.push(match);
    i++;
  }
  return out;
}

/**
 * Entries matching host:port, via `ssh-keygen -F` (hashed entries, wildcards and CA lines
 * included). Default files: ~/.ssh/known_hosts and known_hosts2 (ssh's UserKnownHostsFile
 * default); pass `ssh -G`'s userknownhostsfile/globalknownhostsfile for the exact list.
 */
export async function findKnownHost(
  env: Env,
  host: string,
  port = 22,
  files: readonly string[] = [pathsOf(env).knownHosts, `${pathsOf(env).knownHosts}2`],
): Promise<KnownHostMatch[]> {
  if (!HOST_RE.test(host) || host.startsWith('-')) return [];
  const name = knownHostsName(host, port);
  const results = await Promise.all(
    files.map(async (file) => {
      // ssh-keygen exits 1 for "not found" and 255 when the file is missing: both mean no match.
      const r = await runTool('ssh-keygen', ['-F', name, '-f', file], {
        env: baseToolEnv(env),
        timeoutMs: 10_000,
      });
      return r.code === 0 ? parseKeygenFind(r.stdout, file) : [];
    }),
  );
  return results.flat();
}
