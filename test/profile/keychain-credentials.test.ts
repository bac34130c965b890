// Units of onboarding's credential step through the credentials service: which hosts go itself
// needs the token for, the no-keychain fallback (netrc, said in the notes), and one inventory
// write when a generated ssh key and a token record land in the same plan.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  emptyInventory,
  serializeInventory,
  upsertRecord,
  type SshKeyRecord,
  type TokenRecord,
} from '../../main/common/credentials/inventory-model';
import type { Step } from '../../main/common/plan';
import { inventoryPath } from '../../main/core/credentials/inventory';
import { goNeedsToken, serviceCredentialPart } from '../../main/core/profile/keychain-credentials';
import { withGeneratedKey } from '../../main/core/profile/ssh-keygen-step';
import { makeTempHome, type TempHome } from '../helpers/temp-home';
import { baseProfile } from './profile-helpers';

let t: TempHome;
beforeEach(() => (t = makeTempHome()));
afterEach(() => t.cleanup());

describe('where go itself needs the token', () => {
  it('discovery that needs auth and an authenticated GOPROXY; plain git over HTTPS does not', () => {
    const p = baseProfile();
    expect(goNeedsToken(p, 'git.corp.test')).toBeUndefined();
    p.hosts[0].discoveryNeedsAuth = true;
    expect(goNeedsToken(p, 'git.corp.test')).toMatch(/discovery/);
    p.goproxy = { url: 'https://proxy.corp.test', auth: true, servesPrivate: true };
    expect(goNeedsToken(p, 'proxy.corp.test')).toMatch(/GOPROXY/);
  });
});

describe('no keychain', () => {
  it('falls back to the managed netrc entry and says so in the notes', async () => {
    const env = { ...t.env };
    delete env.DBUS_SESSION_BUS_ADDRESS;
    const r = await serviceCredentialPart(
      env,
      [{ host: 'a.test', login: 'alice', why: 'git fetches over HTTPS with it', pointer: '/hosts/0' }],
      { token: 'tok-a' },
      { profile: baseProfile(), testModules: [], ca: [], placeholders: false },
    );
    expect(r.pending).toEqual([]);
    expect(r.steps).toMatchObject([
      { kind: 'file-edit', content: 'machine a.test login alice password tok-a\n' },
    ]);
    expect(r.notes.join('\n')).toMatch(
      /^No OS keychain: there is no D-Bus session bus.*managed ~\/\.netrc entry/,
    );
  });
});

describe('one inventory write', () => {
  it('merges the generated key record into the credential step’s inventory', () => {
    const file = inventoryPath(t.env);
    const key = {
      kind: 'ssh-key',
      host: 'h.test',
      account: 'git',
      keyFile: '/k',
      fingerprint: 'SHA256:x',
      publicKey: 'ssh-ed25519 AAAA',
      places: [],
      createdAt: 'now',
    } as SshKeyRecord;
    const token = {
      kind: 'token',
      host: 'h.test',
      account: 'alice',
      hostKind: 'gitlab',
      store: 'keychain',
      generation: 'g1',
      places: [],
      createdAt: 'now',
    } as TokenRecord;
    const inv = (r: SshKeyRecord | TokenRecord) => serializeInventory(upsertRecord(emptyInventory(), r));
    const keyFile: Step = { kind: 'file-edit', file: '/k', content: 'PRIVATE', mode: 0o600 };
    const steps = withGeneratedKey(
      t.env,
      {
        file: '/k',
        todo: [],
        notes: [],
        steps: [keyFile, { kind: 'file-edit', file, content: inv(key), mode: 0o600 }],
      },
      [{ kind: 'file-edit', file, content: inv(token), mode: 0o600 }],
    );
    expect(steps.filter((s) => s.kind === 'file-edit' && s.file === file)).toHaveLength(1);
    const last = steps[steps.length - 1] as Extract<Step, { kind: 'file-edit' }>;
    expect(
      JSON.parse(last.content)
        .records.map((r: { kind: string }) => r.kind)
        .sort(),
    ).toEqual(['ssh-key', 'token']);
    expect(steps[0]).toBe(keyFile);
  });
});
