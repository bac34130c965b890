// Loads a profile from a file, an https URL or an onramp://import deep link, with its detached
// signature (<profile>.sig beside it), and checks both before anything looks at the settings.
// A preset goes through the same validation so it cannot be laxer than a published profile.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { OnrampError, parseError } from '../../common/errors';
import { MAX_PROFILE_BYTES, parseProfileText, type ParsedProfile } from '../../common/profile/parse';
import { presetProfileText, type PresetAnswers, type PresetName } from '../../common/profile/presets';
import type { SignatureStatus } from '../../common/profile/signature';
import { profileRef } from '../../common/profile/source-ref';
import type { Env } from '../paths';
import { fetchHttps } from './fetch';
import { verifyProfileSignature } from './signature';

export interface LoadOptions {
  cwd: string;
  /** the organisation's allowed_signers file */
  allowedSigners?: string;
  /** extra CA (PEM file) for fetching a profile from an intranet server */
  caFile?: string;
}

export interface LoadedProfile {
  parsed: ParsedProfile;
  /** file path or URL it came from */
  origin: string;
  /** sha256 of the exact bytes (what the onboarding record remembers) */
  sha256: string;
  signature: SignatureStatus;
}

/** Strict UTF-8, with the line of the first bad byte. */
export function decodeProfile(bytes: Buffer, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] !== 0x0a) continue;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, i));
      } catch {
        break;
      }
      line++;
      start = i + 1;
    }
    throw parseError(file, line, 'the file is not valid UTF-8');
  }
}

async function readSmall(path: string, what: string, max: number): Promise<Buffer | undefined> {
  try {
    const st = await stat(path);
    if (!st.isFile()) throw new OnrampError({ code: 'invalid-input', message: `${path} is not a file` });
    if (st.size > max)
      throw new OnrampError({
        code: 'invalid-input',
        message: `${what} ${path} is larger than ${max} bytes`,
        file: path,
      });
    return await readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

async function fromFile(path: string): Promise<{ bytes: Buffer; sig?: string }> {
  const bytes = await readSmall(path, 'profile', MAX_PROFILE_BYTES);
  if (!bytes) throw new OnrampError({ code: 'not-found', message: `no profile at ${path}`, file: path });
  const sig = await readSmall(`${path}.sig`, 'signature', 16 * 1024);
  return { bytes, sig: sig?.toString('utf8') };
}

async function fromUrl(
  url: string,
  caFile: string | undefined,
): Promise<{ bytes: Buffer; sig?: string; url: string }> {
  const r = await fetchHttps(url, { caFile });
  if (r.status !== 200 || !r.body)
    throw new OnrampError({ code: 'not-found', message: `${url} answered HTTP ${r.status}` });
  const s = await fetchHttps(`${r.url}.sig`, { caFile, maxBytes: 16 * 1024 });
  if (s.status !== 200 && s.status !== 404)
    throw new OnrampError({ code: 'io', message: `${r.url}.sig answered HTTP ${s.status}` });
  return { bytes: r.body, sig: s.status === 200 ? s.body?.toString('utf8') : undefined, url: r.url };
}

export interface ProfileSource {
  origin: string;
  bytes: Buffer;
  sig?: string;
}

/** The raw bytes (and .sig) of a profile named by a path, an https URL or a deep link. */
export async function readProfileSource(input: string, opts: LoadOptions): Promise<ProfileSource> {
  const ref = profileRef(input);
  if (ref.kind === 'url') {
    // The origin is where the bytes came from, after redirects (the .sig is fetched beside it).
    const { bytes, sig, url } = await fromUrl(ref.url, opts.caFile);
    return { origin: url, bytes, ...(sig !== undefined ? { sig } : {}) };
  }
  const origin = isAbsolute(ref.path) ? ref.path : resolve(opts.cwd, ref.path);
  const { bytes, sig } = await fromFile(origin);
  return { origin, bytes, ...(sig !== undefined ? { sig } : {}) };
}

/** A profile from a path, an https URL, or onramp://import?url=…, validated and signature-checked. */
export async function loadProfile(input: string, env: Env, opts: LoadOptions): Promise<LoadedProfile> {
  const { origin, bytes, sig } = await readProfileSource(input, opts);
  const text = decodeProfile(bytes, origin);
  const parsed = parseProfileText(text, origin);
  const allowed = opts.allowedSigners ? resolve(opts.cwd, opts.allowedSigners) : undefined;
  const signature = await verifyProfileSignature(bytes, sig, allowed, env);
  return { parsed, origin, sha256: createHash('sha256').update(bytes).digest('hex'), signature };
}

/** A built-in preset as a loaded profile. */
export function loadPreset(name: PresetName, answers: PresetAnswers): LoadedProfile {
  const text = presetProfileText(name, answers);
  const origin = `preset:${name}`;
  return {
    parsed: parseProfileText(text, origin),
    origin,
    sha256: createHash('sha256').update(text).digest('hex'),
    signature: { state: 'builtin' },
  };
}
