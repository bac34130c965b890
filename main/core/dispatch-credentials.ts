// The credentials half of the contract: inventory, add, remove, rotate. Tokens arrive from the
// renderer (pasted), are registered as secrets so no reply can carry them back, and go only to
// the credential services.
import type { Input, Output } from '../common/contract';
import { addToken } from './credentials/token-add';
import { removeToken } from './credentials/token-remove';
import { rotateToken } from './credentials/rotate';
import { secretsView } from './credentials/secrets-view';
import type { HostKind } from '../common/credentials/host-kinds';
import { viewOf } from './contract-mapping';
import type { Env } from './paths';

export function credentialHandlers(env: Env, remember: (secret: string) => void) {
  return {
    list: (): Promise<Output<'secrets.list'>> => secretsView(env),
    async add(i: Input<'token.add'>): Promise<Output<'token.add'>> {
      remember(i.token);
      const r = await addToken(env, {
        host: i.host,
        token: i.token,
        account: i.account,
        kind: i.kind as HostKind | undefined,
        module: i.module,
        repo: i.repo,
      });
      return {
        journalId: r.journalId,
        plan: viewOf(r.plan),
        problems: r.problems,
        notes: r.notes,
        checkedWith: r.checkedWith,
        storeLabel: r.storeLabel,
      };
    },
    async remove(i: Input<'token.remove'>): Promise<Output<'token.remove'>> {
      const r = await removeToken(env, { host: i.host, account: i.account });
      return { journalId: r.journalId, removed: r.removed, notes: r.notes };
    },
    rotate(i: Input<'token.rotate'>): Promise<Output<'token.rotate'>> {
      remember(i.token);
      return rotateToken(env, {
        host: i.host,
        token: i.token,
        account: i.account,
        module: i.module,
        repo: i.repo,
        revoke: i.revoke,
      });
    },
  };
}
