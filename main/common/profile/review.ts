// The security review of a profile, before anything is applied: every setting it would write
// (settings.ts computes them once, so the review sees exactly what apply writes), judged
// against the hosts the profile declares. Each item names the profile line that asked for it.
import { matchPrefixPatterns } from '../go-patterns';
import { lineOf } from './json-locate';
import type { ParsedProfile } from './parse';
import { reviewGit } from './review-git';
import { reviewGoEnv } from './review-go';
import { PUBLIC_CODE_HOSTS } from './review-scope';
import { reviewSsh } from './review-ssh';
import { sortReview, type ReviewItem } from './review-types';
import type { DesiredSettings } from './settings';

export * from './review-types';

type Item = Omit<ReviewItem, 'line'>;

function caItems(settings: DesiredSettings): Item[] {
  return settings.ca.map((c) => {
    const publicHost = PUBLIC_CODE_HOSTS.includes(c.host);
    return {
      id: `ca-install:${c.host}`,
      level: publicHost ? 'danger' : 'warning',
      title: `trust a private certificate authority for ${c.host}`,
      explanation: publicHost
        ? `${c.host} uses a public certificate; a private authority for it is how traffic interception works.`
        : `Onramp saves the certificate and makes git trust it for ${c.host} only. go has no per-host setting: once you export SSL_CERT_DIR as shown, go trusts this authority for every HTTPS site, so whoever holds its key could pose as any site to go.`,
      setting: `CA file ${c.fileName}`,
      pointer: c.pointer,
    };
  });
}

function pinItems(settings: DesiredSettings): Item[] {
  return settings.knownHosts.map((k) => ({
    id: `ssh-pin:${k.host}`,
    level: 'info' as const,
    title: `pin the SSH host key of ${k.host}`,
    explanation:
      k.hostKeys.length > 0
        ? 'The profile publishes the key itself; Onramp adds it to ~/.ssh/known_hosts.'
        : `Onramp asks ${k.host} for its key (ssh-keyscan) and adds it only if it matches a published fingerprint (${k.fingerprints.join(', ')}).`,
    pointer: k.pointer,
  }));
}

function testModuleItems(parsed: ParsedProfile, settings: DesiredSettings): Item[] {
  const env = (key: string) => settings.goEnv.find((s) => s.key === key)?.value ?? '';
  const nosum = env('GONOSUMDB') || env('GOPRIVATE');
  const modules = parsed.profile.testModules ?? [];
  if (modules.length === 0)
    return [
      {
        id: 'no-test-modules',
        level: 'info',
        title: 'no test module to verify with',
        explanation: 'Onramp can set the machine up but cannot prove that go mod download works at the end.',
        pointer: '',
      },
    ];
  return modules.flatMap((t, i) =>
    matchPrefixPatterns(nosum, t.module)
      ? []
      : [
          {
            id: `test-module-public:${t.module}`,
            level: 'warning' as const,
            title: `test module ${t.module} is not covered by the private patterns`,
            explanation:
              'go would look it up in the public checksum database, telling it the module name, and fail if it is private.',
            pointer: `/testModules/${i}`,
          },
        ],
  );
}

export function reviewProfile(parsed: ParsedProfile, settings: DesiredSettings, caDir: string): ReviewItem[] {
  const owned = settings.ownedHosts;
  const items: Item[] = [
    ...reviewGoEnv(settings.goEnv, owned),
    ...reviewGit(settings.git, owned, caDir),
    ...reviewSsh(settings.ssh, owned),
    ...caItems(settings),
    ...pinItems(settings),
    ...testModuleItems(parsed, settings),
  ];
  return sortReview(
    items.map((i) =>
      i.pointer === undefined
        ? i
        : { ...i, line: lineOf(parsed.lines, i.pointer.split('/').slice(1).map(unescapePointer)) },
    ),
  );
}

const unescapePointer = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');
