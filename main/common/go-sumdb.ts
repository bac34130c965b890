// GOSUMDB as go 1.19 reads it: modfetch/sumdb.go dbDial and golang.org/x/mod/sumdb/note
// NewVerifier. The value is "off", a known database name, "name+hash+key", or either of the
// last two followed by a URL. The key's hash is checked here as go checks it (SHA-256 of
// name + "\n" + key), so a mistyped key is caught before go runs.

import { goFields, goIsSpace } from './go-text';
import { goUrlString, parseGoUrl, toBytes } from './go-url';
import { redactSecrets } from './redact';

/** go 1.19 modfetch/key.go knownGOSUMDB. */
export const KNOWN_GOSUMDB: Readonly<Record<string, string>> = {
  'sum.golang.org': 'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8',
};

export type GosumdbConfig =
  | { kind: 'off' }
  | {
      kind: 'db';
      /** The database name from the key, e.g. sum.golang.org. */
      name: string;
      /** The full verifier key go uses. */
      key: string;
      /** Whether the key came from go's built-in list (the value named a known database). */
      knownKey: boolean;
      /** The explicit URL, when given; otherwise go tries the proxies, then https://<name>. */
      url?: string;
    }
  | { kind: 'invalid'; error: string };

const ERR_ID = 'malformed verifier id';

// Go's base64.StdEncoding.DecodeString: padding required, '\r' and '\n' skipped, loose
// trailing bits accepted. Returns undefined where Go returns an error.
function base64Std(s: string): Uint8Array | undefined {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const t = s.replace(/[\r\n]/g, '');
  if (t.length % 4 !== 0) return undefined;
  const out: number[] = [];
  for (let i = 0; i < t.length; i += 4) {
    const q = t.slice(i, i + 4);
    const pad = /^[^=]{2}==$/.test(q) ? 2 : /^[^=]{3}=$/.test(q) ? 1 : 0;
    if ((pad > 0 && i + 4 !== t.length) || (pad === 0 && q.includes('='))) return undefined;
    const v = [...q.slice(0, 4 - pad)].map((c) => alphabet.indexOf(c));
    if (v.some((x) => x < 0)) return undefined;
    const [a, b, c = 0, d = 0] = v as [number, number, number?, number?];
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out.push((n >> 16) & 0xff);
    if (pad < 2) out.push((n >> 8) & 0xff);
    if (pad < 1) out.push(n & 0xff);
  }
  return Uint8Array.from(out);
}

// SHA-256 (FIPS 180-4), enough for go's 4-byte key hash; main/common cannot use node:crypto.
function sha256(data: Uint8Array): Uint8Array {
  const k = Uint32Array.from([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
  ]);
  const h = Uint32Array.from([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  const len = Math.ceil((data.length + 9) / 64) * 64;
  const msg = new Uint8Array(len);
  msg.set(data);
  msg[data.length] = 0x80;
  const view = new DataView(msg.buffer);
  view.setUint32(len - 4, data.length * 8);
  view.setUint32(len - 8, Math.floor(data.length / 0x20000000));
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let off = 0; off < len; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15] as number;
      const b = w[i - 2] as number;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[i] = ((w[i - 16] as number) + s0 + (w[i - 7] as number) + s1) | 0;
    }
    const s = Array.from(h); // a..h working variables
    for (let i = 0; i < 64; i++) {
      const [a, b, c, d, e, f, g, hh] = s as [number, number, number, number, number, number, number, number];
      const t1 =
        (hh +
          (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) +
          ((e & f) ^ (~e & g)) +
          (k[i] as number) +
          (w[i] as number)) |
        0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      s.splice(0, 8, (t1 + t2) | 0, a, b, c, (d + t1) | 0, e, f, g);
    }
    s.forEach((v, i) => (h[i] = ((h[i] as number) + v) | 0));
  }
  const out = new Uint8Array(32);
  const ov = new DataView(out.buffer);
  h.forEach((v, i) => ov.setUint32(i * 4, v));
  return out;
}

/** note.NewVerifier's checks on "name+hash+key"; returns the name or the error text. */
export function checkVerifierKey(vkey: string): { ok: true; name: string } | { ok: false; error: string } {
  const plus = vkey.indexOf('+');
  const name = plus < 0 ? vkey : vkey.slice(0, plus);
  const rest = plus < 0 ? '' : vkey.slice(plus + 1);
  const plus2 = rest.indexOf('+');
  const hash16 = plus2 < 0 ? rest : rest.slice(0, plus2);
  const key = base64Std(plus2 < 0 ? '' : rest.slice(plus2 + 1));
  const validName = name !== '' && ![...name].some((ch) => goIsSpace(ch.codePointAt(0) as number));
  if (!/^[0-9a-fA-F]{8}$/.test(hash16) || !key || key.length === 0 || !validName)
    return { ok: false, error: ERR_ID };
  const nameBytes = Uint8Array.from(toBytes(name), (c) => c.charCodeAt(0));
  const sum = sha256(Uint8Array.from([...nameBytes, 0x0a, ...key]));
  const want = new DataView(sum.buffer).getUint32(0);
  if (want !== parseInt(hash16, 16)) return { ok: false, error: 'invalid verifier hash' };
  if (key[0] !== 1) return { ok: false, error: 'unknown verifier algorithm' };
  if (key.length - 1 !== 32) return { ok: false, error: ERR_ID };
  return { ok: true, name };
}

/** GOSUMDB as go 1.19 reads it. Errors read as go prints them after "verifying module: ". */
export function parseGosumdb(value: string): GosumdbConfig {
  let v = value === '' ? 'sum.golang.org' : value;
  if (v === 'off') return { kind: 'off' };
  // sum.golang.google.cn is an alias, reachable inside mainland China, for sum.golang.org.
  if (v === 'sum.golang.google.cn') v = 'sum.golang.org https://sum.golang.google.cn';
  const fields = goFields(v);
  const known = fields[0] !== undefined ? KNOWN_GOSUMDB[fields[0]] : undefined;
  if (known !== undefined) fields[0] = known;
  if (fields.length === 0) return { kind: 'invalid', error: 'missing GOSUMDB' };
  if (fields.length > 2) return { kind: 'invalid', error: 'invalid GOSUMDB: too many fields' };
  const key = fields[0] as string;
  const verifier = checkVerifierKey(key);
  if (!verifier.ok) return { kind: 'invalid', error: `invalid GOSUMDB: ${verifier.error}` };
  const name = verifier.name;
  // "No funny business in the database name": it must be host[/path].
  const direct = parseGoUrl(toBytes(`https://${name}`));
  const d = direct.ok ? direct.url : undefined;
  if (
    !d ||
    name.endsWith('/') ||
    d.host === '' ||
    d.rawPath !== '' ||
    d.user !== undefined ||
    d.opaque !== '' ||
    d.omitHost ||
    d.forceQuery ||
    d.rawQuery !== '' ||
    d.fragment !== '' ||
    d.rawFragment !== ''
  ) {
    // go 1.19 also prints the parsed URL struct here (and crashes if the name does not parse).
    return { kind: 'invalid', error: `invalid sumdb name (must be host[/path]): ${name}` };
  }
  const config: GosumdbConfig = { kind: 'db', name, key, knownKey: known !== undefined };
  if (fields.length === 2) {
    const u = parseGoUrl(toBytes(fields[1] as string));
    if (!u.ok) return { kind: 'invalid', error: redactSecrets(`invalid GOSUMDB URL: ${u.error}`) };
    config.url = redactSecrets(goUrlString(u.url, true));
  }
  return config;
}
