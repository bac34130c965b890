// Cheap line screening so a 10 MB `go mod download -x` log explains in well under 300 ms.
// Two stages: (1) skip the line shapes `-x` prints by the thousand (request traces, commands,
// timings, "go: downloading"), looking only at the first characters; (2) one regular
// expression of short anchors that every rule gate contains (a unit test enforces that), so a
// line reaches the rules only if some rule could match it. V8 runs an alternation of literals
// at every position, so fewer, shorter anchors are much faster than the full gate list.

export const anchors = [
  'reading ',
  'status',
  'cannot',
  'Cannot',
  'disabled',
  'GO111MODULE',
  'GOPROXY',
  'vendor',
  'not found',
  'Not Found',
  'missing',
  'override',
  'ermission',
  'declares',
  'hostname',
  'malformed',
  'v0 or v1',
  'version',
  'incompatible',
  'revision',
  'checksum',
  'ERROR',
  'import',
  'meta tag',
  'secure',
  'credentials',
  'HTTP response',
  'could not',
  'uthentication',
  'rror',
  'RPC failed',
  'ccess',
  'appear to be',
  'SSL',
  'ertificate',
  'IP SANs',
  'Common Name',
  'resol',
  'look up',
  'lookup ',
  'connect to',
  'CONNECT',
  'extraheader',
  'nvalid',
  'nauthorized',
  'SAML',
  'not allowed',
  'TF401019',
  'stopped supporting',
  'rate limit',
  'rate-limit',
  'Too Many',
  'IDENTIFICATION',
  'SPOOFING',
  'ost key',
  "can't",
  'has changed',
  'UNPROTECTED',
  'too open',
  'agent',
  'Agent',
  'signing failed',
  'passphrase',
  'accepts key',
  'banner',
  'kex_exchange',
  'ad port',
  'proxyconnect',
  'Proxy',
  'such host',
  'refused',
  'imeout',
  'timed out',
  'deadline',
  'unreachable',
  'route to host',
  'x509',
  'Forbidden',
  'Bad Gateway',
  'Unavailable',
  'server response',
  'parsing',
  'requires',
  'updating',
  'fatal',
] as const;

export const anchorRe = new RegExp(anchors.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

// Line starts that `go … -x` and `go get -v` print for every request and command.
const noiseStarts = [
  '# get ',
  '# lock ',
  '# unlock ',
  'cd ',
  'mkdir ',
  'rm -',
  'touch ',
  'go: downloading ',
  'go: extracting ',
  'go: finding ',
  'go: found ',
  'go: added ',
  'go: upgraded ',
  'go: creating ',
];
const timing = /\d+(?:\.\d+)?m?s # /y;

/** True for a line (starting at `pos`) that is a trace line and can never carry a cause. */
export function isNoiseLine(text: string, pos: number): boolean {
  const c = text.charCodeAt(pos);
  if (c >= 48 && c <= 57) {
    timing.lastIndex = pos;
    return timing.test(text);
  }
  if (c !== 35 && c !== 99 && c !== 109 && c !== 114 && c !== 116 && c !== 103) return false; // # c m r t g
  for (const s of noiseStarts) if (text.startsWith(s, pos)) return true;
  return false;
}
