// Shared set-up for credential tests: the sandbox Git host, its host-API stand-in, a real
// keyring (test/helpers/keyring.ts) and a temp HOME whose env reaches all three.
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { useTestKeyring, type TestKeyring } from '../helpers/keyring';
import { makeTempHome, type TempHome } from '../helpers/temp-home';
import { keychainStore } from '../../main/core/credentials/keychain-store';
import { clientEnv, credentialHosts } from '../sandbox/client-env';
import { startHostApi, type HostApiStandIn } from '../sandbox/host-api';
import { startSandbox, type Sandbox } from '../sandbox/sandbox';

export interface CredFixture {
  sb: Sandbox;
  api: HostApiStandIn;
  kr: TestKeyring;
  t: TempHome;
  /** HOME, data dir, CA, go settings and the keyring's bus address */
  env: Record<string, string>;
}

/** Registers hooks: sandbox + stand-in + keyring per file, a fresh HOME per test. */
export function useCredFixture(): CredFixture {
  const keyring = useTestKeyring();
  const f = {} as CredFixture;
  beforeAll(async () => {
    f.sb = await startSandbox();
    f.api = await startHostApi(f.sb);
  });
  afterAll(async () => {
    await f.api?.stop();
  });
  beforeEach(() => {
    f.kr = keyring.kr;
    f.t = makeTempHome();
    f.env = {
      ...clientEnv(f.sb, f.t.home),
      ONRAMP_DATA_DIR: f.t.dataDir,
      XDG_CONFIG_HOME: `${f.t.home}/.config`,
      ...f.kr.env,
    };
  });
  afterEach(async () => {
    f.t.cleanup();
    // The keyring lives for the whole file, HOMEs per test: forget this test's items.
    const store = keychainStore();
    for (const host of credentialHosts(f.sb)) {
      const service = `onramp:token:${host}`;
      for (const account of await store.list(service).catch(() => []))
        await store.delete({ service, account }).catch(() => false);
    }
  });
  return f;
}
