// dropped.corp.test must time out, not be refused. Without iptables/nft (not installed) or the
// dummy driver (not in this kernel), the address is routed over a veth pair into a network
// namespace of our own that has no address for it and forwarding off: the kernel there drops
// such packets without an ICMP reply (ip_error() skips the ICMP when forwarding is disabled),
// so a connect() waits until the caller's timeout. Nothing leaves the machine.
// Addresses: 198.18.0.0/15 is reserved for benchmarking (RFC 2544), unused on real networks.
import { runTool, runToolChecked } from '../../main/core/tool-runner';

export const NETNS = 'onramp-sbx';
const HOST_IF = 'onr-sbx0';
const NS_IF = 'onr-sbx1';
const HOST_ADDR = '198.18.200.1/30';
const NS_ADDR = '198.18.200.2/30';
const GATEWAY = '198.18.200.2';

const env = { PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin', LC_ALL: 'C' };
const ip = (args: string[]) => runToolChecked('ip', args, { env, timeoutMs: 10_000 });

export async function netnsExists(): Promise<boolean> {
  const r = await runTool('ip', ['netns', 'list'], { env, timeoutMs: 10_000 });
  return r.stdout.split('\n').some((l) => l.split(' ')[0] === NETNS);
}

/** Creates the namespace and routes `droppedAddress` (a /32) into it. */
export async function createDropRoute(droppedAddress: string): Promise<void> {
  await removeDropRoute();
  await ip(['netns', 'add', NETNS]);
  await ip(['link', 'add', HOST_IF, 'type', 'veth', 'peer', 'name', NS_IF, 'netns', NETNS]);
  await ip(['addr', 'add', HOST_ADDR, 'dev', HOST_IF]);
  await ip(['link', 'set', HOST_IF, 'up']);
  await ip(['-n', NETNS, 'addr', 'add', NS_ADDR, 'dev', NS_IF]);
  await ip(['-n', NETNS, 'link', 'set', NS_IF, 'up']);
  await ip(['route', 'add', `${droppedAddress}/32`, 'via', GATEWAY, 'dev', HOST_IF]);
}

/** Deleting the namespace deletes the veth pair, and with it the route. */
export async function removeDropRoute(): Promise<void> {
  if (await netnsExists()) await ip(['netns', 'delete', NETNS]);
  // A host-side link left over from a crash halfway through createDropRoute.
  await runTool('ip', ['link', 'delete', HOST_IF], { env, timeoutMs: 10_000 });
}
