// The one interface every place a secret can be kept implements (keychain, session cache,
// opt-in file), so the rest of Onramp never knows which one it talks to.
import type { StoreKind } from '../../common/credentials/inventory-model';

/** A keychain item's address: service and account, as every OS keychain names items. */
export interface SecretName {
  service: string;
  account: string;
}

export interface SecretStore {
  kind: StoreKind;
  /** how a person recognises it, e.g. "Secret Service (D-Bus)" */
  label: string;
  get(name: SecretName): Promise<string | null>;
  set(name: SecretName, secret: string): Promise<void>;
  /** true when something was deleted */
  delete(name: SecretName): Promise<boolean>;
  /** accounts stored under a service (to find items no record points at) */
  list(service: string): Promise<string[]>;
}
