// One card per host the machine knows about, gathered from every layer of status.read: git
// credential helpers, netrc machines, url.insteadOf rules, per-host CA settings and ssh Host
// aliases. Pure, so the card logic is testable without a browser.
import type { StatusView } from '../../../main/common/contract-views';
import { matchPrefixPatterns } from '../../../main/common/go-path-match';
import type { Verified } from '../../app/verified-hosts';

export interface HostCredential {
  kind: 'netrc' | 'helper' | 'ssh';
  text: string;
  detail?: string;
}

export interface HostCard {
  host: string;
  role: 'code host' | 'module proxy';
  protocol: 'https' | 'ssh' | 'unknown';
  credentials: HostCredential[];
  ca?: string;
  rewrites: { from: string; to: string; file?: string }[];
  /** covered by GONOPROXY / GONOSUMDB (GOPRIVATE implies both) */
  coverage: { noproxy: boolean; nosumdb: boolean } | null;
  verified?: Verified;
  verdict: 'ok' | 'warning' | 'error';
  notes: string[];
}

/** Host of an https/ssh/scp-like URL, or undefined. */
export function hostOfUrl(url: string): string | undefined {
  const full = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/]+)/i.exec(url);
  if (full) return full[1]?.toLowerCase();
  const scp = /^(?:[^@/:]+@)?([^:/]+):/.exec(url);
  return scp?.[1]?.toLowerCase();
}

const isSshUrl = (u: string) => /^(ssh|git\+ssh):\/\//i.test(u) || /^[^/:]+@[^:/]+:/.test(u);

function setting(status: StatusView, key: string): string {
  if (!status.goEnv.ok) return '';
  const s = status.goEnv.value.settings.find((x) => x.key === key);
  return s?.effective ?? s?.osValue ?? s?.fileValue ?? '';
}

export function hostCards(status: StatusView, verified: Record<string, Verified>): HostCard[] {
  const cards = new Map<string, HostCard>();
  const card = (host: string): HostCard => {
    let c = cards.get(host);
    if (!c) {
      c = {
        host,
        role: 'code host',
        protocol: 'unknown',
        credentials: [],
        rewrites: [],
        coverage: null,
        verdict: 'ok',
        notes: [],
      };
      cards.set(host, c);
    }
    return c;
  };
  const globalHelpers: string[] = [];

  if (status.netrc.ok)
    for (const m of status.netrc.value.summary?.machines ?? []) {
      const c = card(m.host.toLowerCase());
      c.credentials.push({
        kind: 'netrc',
        text: m.login ? `netrc login ${m.login}` : 'netrc entry without login',
        detail: `${status.netrc.value.file}:${m.line}`,
      });
      if (!m.login || !m.hasPassword)
        c.notes.push('The netrc entry lacks a login or password: go ignores it.');
    }

  if (status.git.ok) {
    const g = status.git.value.summary;
    for (const h of g.credentialHelpers) {
      if (h.reset) continue;
      const host = h.urlScope ? hostOfUrl(h.urlScope) : undefined;
      if (!h.urlScope) globalHelpers.push(h.helper);
      else if (host)
        card(host).credentials.push({ kind: 'helper', text: `git helper ${h.helper}`, detail: h.file });
    }
    for (const r of g.insteadOf) {
      if (r.push) continue;
      const host = hostOfUrl(r.prefix) ?? hostOfUrl(r.baseDisplay);
      if (!host) continue;
      const c = card(host);
      c.rewrites.push({ from: r.prefix, to: r.baseDisplay, file: r.file });
      if (isSshUrl(r.baseDisplay)) c.protocol = 'ssh';
    }
    for (const s of g.http)
      if (s.key === 'sslcainfo' && s.url && s.value) {
        const host = hostOfUrl(s.url);
        if (host) card(host).ca = s.value;
      }
  }

  for (const s of status.sshHosts) {
    const c = card(s.host.toLowerCase());
    const e = s.effective;
    if (e)
      c.credentials.push({
        kind: 'ssh',
        text: `ssh ${e.user}@${e.hostname}:${e.port}`,
        detail: e.identityFiles.join(', ') || 'default identity files',
      });
    else if (s.error) c.notes.push(s.error);
  }

  const goproxy = setting(status, 'GOPROXY');
  const noproxy = setting(status, 'GONOPROXY') || setting(status, 'GOPRIVATE');
  const nosumdb = setting(status, 'GONOSUMDB') || setting(status, 'GOPRIVATE');

  for (const c of cards.values()) {
    if (goproxy.split(/[,|]/).some((u) => hostOfUrl(u) === c.host)) c.role = 'module proxy';
    if (c.protocol === 'unknown')
      c.protocol = c.credentials.some((x) => x.kind !== 'ssh')
        ? 'https'
        : c.credentials.length
          ? 'ssh'
          : 'unknown';
    if (c.protocol === 'https' && globalHelpers.length)
      c.credentials.push({
        kind: 'helper',
        text: `git helper ${globalHelpers.join(', ')}`,
        detail: 'for every host',
      });
    if (status.goEnv.ok && c.role === 'code host') {
      c.coverage = {
        noproxy: matchPrefixPatterns(noproxy, c.host),
        nosumdb: matchPrefixPatterns(nosumdb, c.host),
      };
      if (!c.coverage.noproxy)
        c.notes.push(
          'Not in GOPRIVATE/GONOPROXY: go asks the public proxy for its modules (a leak, and a 404).',
        );
      else if (!c.coverage.nosumdb)
        c.notes.push('Not in GONOSUMDB: go checks its modules against the public sumdb.');
    }
    if (c.credentials.length === 0)
      c.notes.push('No credential: private repositories on this host will fail.');
    c.verified = verified[c.host];
    c.verdict =
      c.coverage && !c.coverage.noproxy
        ? 'error'
        : c.notes.length > 0 || c.verified?.ok === false
          ? 'warning'
          : 'ok';
  }
  return [...cards.values()].sort((a, b) => a.role.localeCompare(b.role) || a.host.localeCompare(b.host));
}
