// Settings Onramp reads (shell exports, go env, process env) are shown in the UI, the CLI and
// logs, and some carry credentials: GOPROXY and HTTPS_PROXY accept `user:pass@` in the URL,
// GIT_CONFIG_VALUE_<n> / GIT_CONFIG_PARAMETERS often hold an `http.extraheader` Authorization
// header, and people export tokens under GIT_* names. The shapes (userinfo, headers, token
// prefixes) are redact.ts's job; this file adds what only the variable's name and value reveal,
// so a setting is masked even when its secret has no recognisable shape.
import { MASK, redactSecrets } from './redact';

export { MASK as SECRET_MASK } from './redact';

// Names whose whole value is a credential.
const SECRET_NAME = /(TOKEN|PASSWORD|PASSWD|SECRET|CREDENTIAL|API_?KEY|AUTH_HEADER)/i;

// `scheme://<user>@host` where the user name is a token (GitHub accepts a token as user name).
const URL_USER = /[a-z][a-z0-9+.-]*:\/\/([^/\s:@,|'"]+)@/gi;

function looksLikeToken(s: string): boolean {
  return s.length >= 20 && /^[A-Za-z0-9_-]+$/.test(s);
}

/** Secret substrings of one setting that redact.ts's shapes would not find on their own. */
export function settingSecrets(name: string, value: string): string[] {
  const found = new Set<string>();
  for (const m of value.matchAll(URL_USER)) if (m[1] && looksLikeToken(m[1])) found.add(m[1]);
  // A secret-named variable is masked whole, unless it only names where the secret comes from
  // (`$(pass show x)`, `$OTHER`): that text is useful and not itself a credential.
  const trimmed = value.trim().replace(/^(["'])(.*)\1$/s, '$2');
  if (SECRET_NAME.test(name) && trimmed.length > 0 && !/^[$`]/.test(trimmed)) found.add(trimmed);
  return [...found];
}

/** Masks a text that shows the setting (its value, or the statement that sets it). */
export function redactSetting(name: string, values: readonly string[], text: string): string {
  return redactSecrets(
    text,
    values.flatMap((v) => settingSecrets(name, v)),
  );
}

export interface RedactedValue {
  value: string;
  redacted: boolean;
}

/** A setting value safe to show: credentials masked, everything else as it was. */
export function redactSettingValue(name: string, value: string): RedactedValue {
  const out = redactSetting(name, [value], value);
  return { value: out, redacted: out !== value };
}

/** True when a text shows a mask (used to tell callers a value was redacted). */
export function isMasked(text: string): boolean {
  return text.includes(MASK);
}
