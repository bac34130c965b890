// Turns signals into ranked causes: one cause per id, symptoms folded into the root cause that
// explains them (design.md: report the first thing that breaks once, fold its symptoms).
import { explanationFor, fixesFor } from './describe';
import { moduleHost } from './extract';
import { fixCatalog, type FixId } from './fixes';
import { redactLine } from './redact';
import { routeOrder, taxonomyTitles, type TaxonomyId } from './taxonomy';
import type { Cause, ExplainContext, Signal } from './types';

const MAX_EVIDENCE = 5;
/** A fold needs a root at least this sure of itself. */
const MIN_ROOT = 0.4;

/** root → symptoms it explains when both are present. Order matters: earlier roots fold first. */
const folds: [TaxonomyId, TaxonomyId[]][] = [
  [
    'vcs-missing',
    ['unrecognized-import-path', 'https-no-credentials', 'repo-not-found', 'unknown-revision', 'other'],
  ],
  ['env-override', ['proxy-leak', 'sumdb-leak']],
  ['insteadof-malformed', ['dns-failure', 'repo-not-found', 'ssh-publickey-denied', 'connection-refused']],
  ['http-proxy-misconfig', ['timeout', 'connection-refused', 'unrecognized-import-path', 'forbidden']],
  [
    'dns-failure',
    [
      'connection-refused',
      'timeout',
      'ssh-port-blocked',
      'unrecognized-import-path',
      'public-proxy-unreachable',
    ],
  ],
  ['public-proxy-unreachable', ['timeout', 'connection-refused', 'unrecognized-import-path']],
  ['tls-unknown-authority', ['unrecognized-import-path', 'tls-bad-cert']],
  ['tls-bad-cert', ['unrecognized-import-path']],
  ['connection-refused', ['unrecognized-import-path', 'timeout']],
  ['timeout', ['unrecognized-import-path']],
  ['ssh-port-blocked', ['timeout']],
  ['insecure-protocol', ['unrecognized-import-path']],
  [
    'proxy-leak',
    [
      'https-no-credentials',
      'auth-rejected',
      'repo-not-found',
      'forbidden',
      'unrecognized-import-path',
      'dns-failure',
    ],
  ],
  [
    'sumdb-leak',
    [
      'https-no-credentials',
      'auth-rejected',
      'repo-not-found',
      'forbidden',
      'unrecognized-import-path',
      'dns-failure',
    ],
  ],
  [
    'private-proxy-misconfig',
    ['https-no-credentials', 'auth-rejected', 'repo-not-found', 'forbidden', 'unrecognized-import-path'],
  ],
  [
    'discovery-wrong-root',
    ['repo-not-found', 'https-no-credentials', 'auth-rejected', 'unrecognized-import-path'],
  ],
  ['ssh-key-permissions', ['ssh-publickey-denied']],
  ['ssh-agent-problem', ['ssh-publickey-denied']],
  ['credential-precedence', ['auth-rejected', 'forbidden', 'repo-not-found', 'https-no-credentials']],
  ['repo-not-found', ['https-no-credentials']],
  ['auth-rejected', ['https-no-credentials']],
  ['module-path-mismatch', ['unrecognized-import-path', 'unknown-revision']],
  ['modules-off', ['unrecognized-import-path']],
];

interface Group {
  id: TaxonomyId;
  confidence: number;
  signals: Signal[];
  firstLine: number;
  secondary: Set<TaxonomyId>;
  folded: boolean;
}

function order(id: TaxonomyId): number {
  return routeOrder.indexOf(id);
}

function group(signals: Signal[]): Map<TaxonomyId, Group> {
  const groups = new Map<TaxonomyId, Group>();
  const add = (id: TaxonomyId, weight: number, s: Signal, parent?: TaxonomyId) => {
    let g = groups.get(id);
    if (!g) {
      g = { id, confidence: 0, signals: [], firstLine: s.line, secondary: new Set(), folded: false };
      groups.set(id, g);
    }
    g.confidence = Math.max(g.confidence, weight);
    g.firstLine = Math.min(g.firstLine, s.line);
    // An alternative carries the line as evidence but not the parent's note or fixes.
    g.signals.push(
      parent ? { ...s, cause: id, weight, note: undefined, fixes: undefined, alternatives: undefined } : s,
    );
  };
  for (const s of signals) {
    if (s.weight <= 0) continue;
    add(s.cause, s.weight, s);
    for (const alt of s.alternatives ?? [])
      if (alt.id !== s.cause) add(alt.id, Math.min(alt.weight, s.weight), s, s.cause);
  }
  // Several independent rules agreeing raise confidence a little.
  for (const g of groups.values()) {
    const rules = new Set(g.signals.filter((s) => s.weight >= 0.5).map((s) => s.rule)).size;
    g.confidence = Math.min(0.99, g.confidence + 0.03 * Math.max(0, rules - 1));
  }
  // Each signal's alternatives are secondary to its own cause.
  for (const s of signals)
    for (const alt of s.alternatives ?? [])
      if (alt.id !== s.cause) groups.get(s.cause)?.secondary.add(alt.id);
  return groups;
}

function applyFolds(groups: Map<TaxonomyId, Group>, signals: Signal[]): void {
  // Quoted symptoms belong to the cause of the event that quoted them.
  for (const s of signals) {
    if (!s.nested || s.nested.owner < 0) continue;
    const owner = signals[s.nested.owner];
    if (owner && owner.cause !== s.cause) groups.get(owner.cause)?.secondary.add(s.cause);
  }
  for (const [rootId, symptoms] of folds) {
    const root = groups.get(rootId);
    if (!root || root.confidence < MIN_ROOT) continue;
    for (const id of symptoms) {
      const sym = groups.get(id);
      if (!sym || sym === root || sym.folded) continue;
      sym.confidence = Math.min(sym.confidence * 0.5, Math.max(0.05, root.confidence - 0.05));
      sym.folded = true;
      root.secondary.add(id);
    }
  }
}

function pickSubject(g: Group): { host?: string; module?: string } {
  const sorted = [...g.signals].sort((a, b) => b.weight - a.weight || a.line - b.line);
  const module = sorted.find((s) => s.module)?.module;
  // go-level errors name only the module; its first path element is the host that serves it.
  const host = sorted.find((s) => s.host)?.host ?? moduleHost(module);
  return { host, module };
}

function build(g: Group, ctx: ExplainContext, all: Map<TaxonomyId, Group>): Cause {
  const byLine = [...g.signals].sort((a, b) => a.line - b.line);
  const evidence: string[] = [];
  for (const s of byLine) {
    const line = redactLine(s.text.replace(/\s+$/, ''));
    if (!evidence.includes(line)) evidence.push(line);
    if (evidence.length >= MAX_EVIDENCE) break;
  }
  const notes: string[] = [];
  const strongest = [...g.signals].sort((a, b) => b.weight - a.weight || a.line - b.line);
  for (const s of strongest) {
    const note = s.note;
    if (note && !notes.some((n) => n.includes(note) || note.includes(n))) notes.push(note);
  }
  const subject = pickSubject(g);
  const signalFixes = strongest.flatMap((s) => s.fixes ?? []);
  const fixes = fixesFor(g.id, signalFixes, ctx).map((id: FixId) => ({ id, title: fixCatalog[id].title }));
  const cause: Cause = {
    id: g.id,
    confidence: Math.round(g.confidence * 100) / 100,
    title: taxonomyTitles[g.id],
    evidence,
    explanation: explanationFor(g.id, subject, notes.slice(0, 3)),
    fixes,
  };
  if (subject.host) cause.host = subject.host;
  if (subject.module) cause.module = subject.module;
  const secondary = [...g.secondary]
    .filter((id) => id !== g.id)
    .sort((a, b) => (all.get(b)?.confidence ?? 0) - (all.get(a)?.confidence ?? 0) || order(a) - order(b));
  if (secondary.length > 0) cause.secondary = secondary;
  return cause;
}

export function rank(signals: Signal[], ctx: ExplainContext): Cause[] {
  const groups = group(signals);
  applyFolds(groups, signals);
  const sorted = [...groups.values()]
    .filter((g) => g.confidence > 0)
    .sort((a, b) => b.confidence - a.confidence || order(a.id) - order(b.id) || a.firstLine - b.firstLine);
  return sorted.map((g) => build(g, ctx, groups));
}
