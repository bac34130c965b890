// Security review of the go env a profile would write. The risks: turning off checksum
// verification, making go treat other people's modules as private (no checksum DB, fetched
// from wherever insteadOf points), sending module fetches to an unexpected or plain-HTTP proxy,
// and settings that make every `go` command run another program.
import { parseGoproxy } from '../go-proxy';
import { parseGosumdb } from '../go-sumdb';
import type { GoEnvSetting } from './settings';
import { PUBLIC_MIRROR_HOSTS, patternScope } from './review-scope';
import type { ReviewItem } from './review-types';

type Item = Omit<ReviewItem, 'line'>;

const patternVars: Record<string, string> = {
  GOPRIVATE: 'go skips the public proxy and checksum database for',
  GONOSUMDB: 'go skips checksum verification for',
  GONOPROXY: 'go fetches directly from the source (bypassing the proxy) for',
  GOINSECURE: 'go accepts plain HTTP and unverified certificates for',
};

function patternItems(s: GoEnvSetting, owned: readonly string[]): Item[] {
  const out: Item[] = [];
  if (s.key === 'GONOPROXY' && s.value === 'none') return out;
  for (const pattern of s.value.split(',').filter(Boolean)) {
    const scope = patternScope(pattern, owned);
    const base = { setting: `go env -w ${s.key}=${s.value}`, pointer: s.pointer };
    const what = `${patternVars[s.key] ?? 'go changes behaviour for'} every module matching "${pattern}"`;
    if (scope === 'owned') {
      if (s.key === 'GOINSECURE')
        out.push({
          ...base,
          id: `go-insecure:${pattern}`,
          level: 'warning',
          title: `GOINSECURE for ${pattern}`,
          explanation: `${what}. Anyone on the network path could serve altered code for these modules.`,
        });
      continue;
    }
    const danger = s.key === 'GOINSECURE' || scope !== 'wider';
    const reach =
      scope === 'everything'
        ? 'That is every module, including public ones.'
        : scope === 'public-host'
          ? 'That covers a whole public code host, including code from people outside your organisation.'
          : scope === 'foreign'
            ? `The profile does not declare that host (it declares ${owned.join(', ')}).`
            : `That reaches past the hosts the profile declares (${owned.join(', ')}) to every host it matches.`;
    out.push({
      ...base,
      id: `go-pattern-wide:${s.key}:${pattern}`,
      level: danger ? 'danger' : 'warning',
      title: `${s.key} covers more than the profile's hosts: ${pattern}`,
      explanation: `${what}. ${reach} Without the checksum database, a tampered module would go unnoticed.`,
    });
  }
  return out;
}

function goproxyItems(s: GoEnvSetting, owned: readonly string[]): Item[] {
  const base = { setting: `go env -w GOPROXY=${s.value}`, pointer: s.pointer };
  const list = parseGoproxy(s.value);
  if (list.error)
    return [
      {
        ...base,
        id: 'goproxy-invalid',
        level: 'warning',
        title: 'GOPROXY that go rejects',
        explanation: `go would refuse every module download: ${list.error}.`,
      },
    ];
  const out: Item[] = [];
  // The raw entries, not parseGoproxy's display form (it redacts passwords, which are a finding).
  for (const raw of s.value.split(/[,|]/).map((x) => x.trim())) {
    if (raw === '') continue;
    if (raw === 'direct' || raw === 'off') break;
    const withScheme = raw.includes(':/') || raw.startsWith('/') ? raw : `https://${raw}`;
    let u: URL;
    try {
      u = new URL(withScheme);
    } catch {
      continue;
    }
    if (u.username !== '' || u.password !== '')
      out.push({
        ...base,
        id: `goproxy-credentials:${u.host}`,
        level: 'danger',
        title: 'a password inside the GOPROXY URL',
        explanation:
          'The credential would be stored in plain text in the go env file and shown by `go env`. Use a netrc entry instead.',
      });
    if (u.protocol === 'http:')
      out.push({
        ...base,
        id: `goproxy-http:${u.host}`,
        level: 'danger',
        title: `GOPROXY over plain HTTP: ${u.host}`,
        explanation:
          'Module downloads would travel unencrypted; anyone on the network could read or replace them, and credentials sent to it would be exposed.',
      });
    else if (u.protocol === 'file:')
      out.push({
        ...base,
        id: 'goproxy-file',
        level: 'danger',
        title: 'GOPROXY from a local directory',
        explanation:
          'go would take modules from files on this machine instead of your organisation’s servers.',
      });
    else if (!owned.includes(u.hostname) && !PUBLIC_MIRROR_HOSTS.includes(u.hostname))
      out.push({
        ...base,
        id: `goproxy-unexpected:${u.hostname}`,
        level: 'danger',
        title: `GOPROXY sends module requests to ${u.hostname}`,
        explanation: `That host is neither declared by the profile nor a known public mirror. It would see which modules you use and could serve different code.`,
      });
  }
  return out;
}

function goflagsItems(s: GoEnvSetting): Item[] {
  const base = { setting: `go env -w GOFLAGS=${s.value}`, pointer: s.pointer };
  const risky = s.value
    .split(/\s+/)
    .map((f) => /^--?(toolexec|exec|overlay|modfile|insecure)(=|$)/.exec(f)?.[1])
    .filter((f): f is string => f !== undefined);
  if (risky.length > 0)
    return risky.map((flag) => ({
      ...base,
      id: `goflags-exec:-${flag}`,
      level: 'danger' as const,
      title: `GOFLAGS adds -${flag} to every go command`,
      explanation:
        flag === 'toolexec' || flag === 'exec'
          ? `-${flag} makes go run another program around every compiler or test run: whoever wrote the profile chooses what runs on this machine.`
          : flag === 'insecure'
            ? '-insecure lets go fetch over plain HTTP and skip certificate checks.'
            : `-${flag} makes go read source or go.mod from a file other than the one in your project, so a build no longer uses the code you see.`,
    }));
  return [
    {
      ...base,
      id: 'goflags',
      level: 'warning',
      title: `GOFLAGS=${s.value}`,
      explanation: 'These flags are added to every go command on this machine, in every project.',
    },
  ];
}

function sumdbItems(s: GoEnvSetting): Item[] {
  const base = { setting: `go env -w GOSUMDB=${s.value}`, pointer: s.pointer };
  const db = parseGosumdb(s.value);
  if (db.kind === 'off')
    return [
      {
        ...base,
        id: 'go-sumdb-off',
        level: 'danger',
        title: 'GOSUMDB=off turns off checksum verification',
        explanation:
          'go would no longer check downloaded public modules against the checksum database, so a tampered module from any proxy or host would be accepted.',
      },
    ];
  if (db.kind === 'invalid')
    return [
      {
        ...base,
        id: 'go-sumdb-invalid',
        level: 'warning',
        title: 'a GOSUMDB value go rejects',
        explanation: `go would fail every download of a public module: ${db.error}.`,
      },
    ];
  if (!db.knownKey)
    return [
      {
        ...base,
        id: 'go-sumdb-custom',
        level: 'danger',
        title: `a different checksum database: ${db.name}`,
        explanation: 'That database (and its key) would decide which module contents go accepts as genuine.',
      },
    ];
  const url = db.url ? new URL(db.url) : undefined;
  if (url && url.hostname !== 'sum.golang.org' && url.hostname !== 'sum.golang.google.cn')
    return [
      {
        ...base,
        id: `go-sumdb-url:${url.hostname}`,
        level: 'warning',
        title: `checksum lookups go to ${url.hostname}`,
        explanation:
          'The answers are still checked against the sum.golang.org key, but that host sees the name of every public module you fetch.',
      },
    ];
  return [];
}

const runsProgram =
  /^(CC|CXX|FC|AR|PKG_CONFIG|GOCACHEPROG|GOROOT|GOEXPERIMENT|GCCGO|CGO_[A-Z]+FLAGS(_ALLOW|_DISALLOW)?)$/;

function otherItems(s: GoEnvSetting): Item[] {
  const base = { setting: `go env -w ${s.key}=${s.value}`, pointer: s.pointer };
  if (s.key === 'GOSUMDB') return sumdbItems(s);
  if (s.key === 'GOAUTH') {
    const cmd = !/^(off|netrc|git( .*)?)$/.test(s.value.trim());
    return [
      {
        ...base,
        id: 'goauth',
        level: cmd ? 'danger' : 'warning',
        title: `GOAUTH=${s.value}`,
        explanation: cmd
          ? 'GOAUTH names a command go runs to get credentials for every request.'
          : 'Changes where go (1.24 and later) takes credentials from.',
      },
    ];
  }
  if (s.key === 'GOTOOLCHAIN' || s.key === 'GOVCS')
    return [
      {
        ...base,
        id: s.key === 'GOTOOLCHAIN' ? 'gotoolchain' : 'govcs',
        level: 'warning',
        title: `${s.key}=${s.value}`,
        explanation:
          s.key === 'GOTOOLCHAIN'
            ? 'Changes which Go toolchain runs; go may download and run another version.'
            : 'Changes which version control tools go may run for which modules.',
      },
    ];
  if (runsProgram.test(s.key))
    return [
      {
        ...base,
        id: `go-env-program:${s.key}`,
        level: 'danger',
        title: `${s.key} changes the programs go runs`,
        explanation: `${s.key} decides which compiler, toolchain or flags go uses for every build on this machine.`,
      },
    ];
  return [
    {
      ...base,
      id: `go-env:${s.key}`,
      level: 'warning',
      title: `${s.key}=${s.value}`,
      explanation: 'A go setting for every project on this machine, beyond what private modules need.',
    },
  ];
}

export function reviewGoEnv(settings: readonly GoEnvSetting[], owned: readonly string[]): Item[] {
  return settings.flatMap((s) => {
    if (s.key in patternVars) return patternItems(s, owned);
    if (s.key === 'GOPROXY') return goproxyItems(s, owned);
    if (s.key === 'GOFLAGS') return goflagsItems(s);
    return otherItems(s);
  });
}
