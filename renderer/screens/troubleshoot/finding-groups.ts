// Doctor findings grouped the way flutter doctor groups them: one line per area with the worst
// verdict in it ([✓] [!] [✗]), the findings underneath. Areas follow the route order.
import type { Finding, Severity } from '../../../main/common/doctor-report';

export interface FindingGroup {
  key: string;
  title: string;
  worst: Severity;
  findings: Finding[];
}

const areas: { key: string; title: string; checks: string[] }[] = [
  { key: 'tools', title: 'Tools and module mode', checks: ['tools', 'module-mode', 'modcache'] },
  { key: 'env', title: 'go env, proxies and checksum DB', checks: ['env-override', 'coverage', 'proxy'] },
  { key: 'network', title: 'Network and TLS', checks: ['network', 'tls', 'tls-go', 'tls-git'] },
  { key: 'discovery', title: 'Discovery and repository URLs', checks: ['discovery', 'insteadof'] },
  { key: 'auth', title: 'Credentials', checks: ['auth'] },
  { key: 'content', title: 'Module content', checks: ['content'] },
];

const rank: Record<Severity, number> = { error: 0, warning: 1, ok: 2 };

export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    const area = areas.find((a) => a.checks.includes(f.check)) ?? {
      key: f.check,
      title: f.check,
      checks: [],
    };
    let g = groups.get(area.key);
    if (!g) groups.set(area.key, (g = { key: area.key, title: area.title, worst: 'ok', findings: [] }));
    g.findings.push(f);
    if (rank[f.severity] < rank[g.worst]) g.worst = f.severity;
  }
  const order = (k: string) => {
    const i = areas.findIndex((a) => a.key === k);
    return i < 0 ? areas.length : i;
  };
  for (const g of groups.values()) g.findings.sort((a, b) => rank[a.severity] - rank[b.severity]);
  return [...groups.values()].sort((a, b) => order(a.key) - order(b.key));
}

export const severityVerdict = { error: 'error', warning: 'warning', ok: 'ok' } as const;
