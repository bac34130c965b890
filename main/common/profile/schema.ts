// The team profile, version 1: what an organisation publishes so that a developer machine (or a
// CI job) can fetch its private Go modules. Strict on purpose: a profile comes from outside and
// its settings end up in files that run tools, so unknown keys, oversized values, control or
// bidi characters and URLs that do not parse are refused, not ignored. The published JSON Schema
// (schema/onramp-profile.v1.schema.json) is generated from this file; checks JSON Schema cannot
// express (URL parsing, Go pattern syntax, cross-field rules) are refinements here.
import { z } from 'zod';
import { isKnownGoVar } from '../go-vars';
import { validatePatternList } from '../go-patterns';

export const PROFILE_VERSION = 1;
export const hostKinds = ['github', 'github-enterprise', 'gitlab', 'gitea', 'bitbucket', 'generic'] as const;
export type HostKind = (typeof hostKinds)[number];
export const publicMirrors = ['proxy.golang.org', 'goproxy.cn', 'goproxy.io', 'none'] as const;
export const sumdbPolicies = ['sum.golang.org', 'sum.golang.google.cn', 'off'] as const;

// C0, DEL, C1, line/paragraph separators and the bidi controls that make text display in an
// order other than the one tools read it in ("Trojan Source").
const forbiddenChars = '\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
const noControl = new RegExp(`^[^${forbiddenChars}]*$`);

export const text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(noControl, { message: 'must not contain control, line-break or bidi characters' });

const hostnameRe = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;
export const hostname = z
  .string()
  .max(253)
  .regex(hostnameRe, { message: 'must be a lower-case DNS name with at least one dot' });

function httpsUrlProblem(s: string): string | undefined {
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return 'is not a URL';
  }
  if (u.protocol !== 'https:') return 'must use https://';
  if (u.username !== '' || u.password !== '') return 'must not contain a user name or password';
  if (u.hash !== '') return 'must not contain a #fragment';
  if (!hostnameRe.test(u.hostname)) return 'must name a lower-case DNS host';
  return undefined;
}

export const httpsUrl = z
  .string()
  .max(2048)
  .regex(/^https:\/\/[^\s]+$/, { message: 'must be an https:// URL without spaces' })
  .superRefine((s, ctx) => {
    if (!/^https:\/\/[^\s]+$/.test(s)) return; // the pattern above already said why
    const problem = httpsUrlProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: `URL ${problem}` });
  });

const pem = z
  .string()
  .max(65536)
  .regex(
    /^(-----BEGIN CERTIFICATE-----\r?\n([A-Za-z0-9+/=]{1,76}\r?\n)+-----END CERTIFICATE-----(\r?\n)?)+$/,
    { message: 'must be one or more PEM certificates (-----BEGIN CERTIFICATE----- …)' },
  );

const fingerprint = z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/, {
  message: 'must be a SHA256:… fingerprint as ssh-keygen -l prints it',
});
const hostKey = z
  .string()
  .max(8192)
  .regex(
    /^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\.com|sk-ecdsa-sha2-nistp256@openssh\.com) [A-Za-z0-9+/]+={0,3}$/,
    { message: 'must be "<key type> <base64>" as in a .pub file, without a comment' },
  );
// A netrc token: Go's netrc parser splits on whitespace and breaks on quotes.
const login = z
  .string()
  .regex(/^[A-Za-z0-9._@+-]{1,128}$/, { message: 'must be 1–128 of A-Z a-z 0-9 . _ @ + -' });

const modulePattern = z
  .string()
  .max(256)
  .regex(/^[^\s,]+$/, { message: 'one pattern per entry, without spaces or commas' })
  .superRefine((p, ctx) => {
    for (const problem of validatePatternList('GOPRIVATE', p))
      if (problem.severity === 'error') ctx.addIssue({ code: 'custom', message: problem.message });
  });

const sshSettings = z.strictObject({
  host: hostname.describe('SSH host name (may differ from the web host)'),
  port: z.number().int().min(1).max(65535).optional(),
  user: z
    .string()
    .regex(/^[a-z_][a-z0-9_.-]{0,31}$/, { message: 'must be a plain user name such as git' })
    .optional(),
  hostKeys: z.array(hostKey).min(1).max(8).optional().describe('published host public keys (pinned as-is)'),
  fingerprints: z
    .array(fingerprint)
    .min(1)
    .max(8)
    .optional()
    .describe('published host key fingerprints (ssh-keyscan result must match one)'),
});

const hostSchema = z.strictObject({
  kind: z.enum(hostKinds),
  webUrl: httpsUrl.describe('web address; its host is the module path prefix'),
  apiUrl: httpsUrl.optional(),
  protocol: z.enum(['https', 'ssh']).describe('how git should fetch'),
  ssh: sshSettings.optional(),
  caCertificate: pem.optional().describe('PEM of the CA that signed this host’s HTTPS certificate'),
  discoveryNeedsAuth: z
    .boolean()
    .optional()
    .describe('go’s ?go-get=1 request needs credentials (private GitLab subgroups): a netrc entry is made'),
  token: z
    .strictObject({
      login: login.optional().describe('user name to pair with the token (e.g. oauth2 for GitLab)'),
      scopes: z.array(text(64)).max(16).optional(),
      createUrl: httpsUrl.optional().describe('where a developer creates the token'),
    })
    .optional(),
});

const goproxySchema = z.strictObject({
  url: httpsUrl,
  login: login.optional().describe('user name for the proxy (with the developer’s token)'),
  kind: z.enum(['athens', 'nexus', 'artifactory', 'goproxy', 'other']).optional(),
  auth: z.boolean().describe('requests need the developer’s credentials (netrc)'),
  servesPrivate: z.boolean().optional().describe('private modules come from this proxy (GONOPROXY=none)'),
});

const gitConfigKey = z
  .string()
  .max(512)
  .regex(noControl, { message: 'must not contain control characters' })
  .regex(/^[A-Za-z0-9-]+(\..*)?\.[A-Za-z][A-Za-z0-9-]*$/, {
    message: 'must look like section[.subsection].name',
  });

const advancedSchema = z.strictObject({
  goEnv: z
    .record(
      z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/, { message: 'must be an upper-case variable name' }),
      z.string().max(4096).regex(noControl, { message: 'must not contain control characters' }),
    )
    .optional(),
  gitConfig: z
    .array(z.strictObject({ key: gitConfigKey, value: text(4096) }))
    .max(64)
    .optional(),
  sshOptions: z
    .record(
      hostname,
      z.record(
        z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/, { message: 'must be an ssh_config keyword' }),
        text(1024),
      ),
    )
    .optional(),
});

const link = z.strictObject({ title: text(100), url: httpsUrl });
const contact = z.strictObject({
  name: text(100),
  email: z
    .string()
    .max(254)
    .regex(/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/, { message: 'must be an e-mail address' })
    .optional(),
  url: httpsUrl.optional(),
});

export const profileSchema = z
  .strictObject({
    $schema: z.string().max(2048).regex(noControl).optional(),
    version: z.literal(PROFILE_VERSION),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'must be 1–63 of a-z 0-9 -' }),
    name: text(100),
    description: text(1000).optional(),
    hosts: z.array(hostSchema).min(1).max(16),
    modules: z.strictObject({
      private: z.array(modulePattern).min(1).max(64).describe('GOPRIVATE'),
      noSumDb: z.array(modulePattern).max(64).optional().describe('GONOSUMDB (default: private)'),
    }),
    goproxy: goproxySchema.optional(),
    publicMirror: z.enum(publicMirrors),
    sumdb: z.enum(sumdbPolicies),
    testModules: z
      .array(
        z.strictObject({
          module: z
            .string()
            .max(256)
            .regex(/^[a-z0-9][^\s@,]*$/, { message: 'must be a module path' }),
          version: z
            .string()
            .regex(/^(v\d+\.\d+\.\d+([-+][0-9A-Za-z.+-]+)?|latest)$/, { message: 'must be vX.Y.Z or latest' })
            .optional(),
        }),
      )
      .max(32)
      .optional()
      .describe('modules `go mod download` must fetch at the end of onboarding'),
    support: z
      .strictObject({
        contacts: z.array(contact).max(16).optional(),
        links: z.array(link).max(16).optional(),
      })
      .optional(),
    advanced: advancedSchema.optional(),
  })
  .superRefine((p, ctx) => {
    p.hosts.forEach((h, i) => {
      if (h.protocol === 'ssh' && !h.ssh)
        ctx.addIssue({
          code: 'custom',
          path: ['hosts', i, 'ssh'],
          message: 'protocol ssh needs an ssh section',
        });
      if (h.ssh && !h.ssh.hostKeys && !h.ssh.fingerprints)
        ctx.addIssue({
          code: 'custom',
          path: ['hosts', i, 'ssh'],
          message: 'publish hostKeys or fingerprints: Onramp never trusts an SSH host key on first use',
        });
    });
    const webHosts = p.hosts.map((h) => (httpsUrlProblem(h.webUrl) ? undefined : new URL(h.webUrl).hostname));
    webHosts.forEach((h, i) => {
      if (h !== undefined && webHosts.indexOf(h) !== i)
        ctx.addIssue({ code: 'custom', path: ['hosts', i, 'webUrl'], message: `host ${h} is listed twice` });
    });
    for (const [host, opts] of Object.entries(p.advanced?.sshOptions ?? {}))
      for (const kw of Object.keys(opts))
        if (['host', 'match', 'include'].includes(kw.toLowerCase()))
          ctx.addIssue({
            code: 'custom',
            path: ['advanced', 'sshOptions', host, kw],
            message: `${kw} cannot be an option: Match exec runs commands and Include reads other files`,
          });
    for (const key of Object.keys(p.advanced?.goEnv ?? {}))
      if (!isKnownGoVar(key))
        ctx.addIssue({
          code: 'custom',
          path: ['advanced', 'goEnv', key],
          message: `${key} is not a Go environment variable`,
        });
  });

export type Profile = z.infer<typeof profileSchema>;
export type ProfileHost = Profile['hosts'][number];
export type ProfileGoproxy = NonNullable<Profile['goproxy']>;
