// The shape of a benchmark report: sections of metrics, each a min/median/max over runs with an
// optional target. The JSON report is this, serialized; the markdown report renders it.

export type Unit = 'ms' | 'x' | 'KB' | 'MB' | '%' | 'count' | 'inputs' | 'commands';

export interface Stat {
  min: number;
  median: number;
  max: number;
  /** how many samples */
  n: number;
}

export interface Target {
  op: '<=' | '<';
  value: number;
}

export type Verdict = 'met' | 'missed' | 'no target';

export interface Metric {
  id: string;
  label: string;
  unit: Unit;
  stat: Stat;
  target?: Target;
  verdict: Verdict;
  /** when missed: by how much, in words ("+0.42× (32 % over)") */
  missedBy?: string;
  /** when missed: what limits it */
  limit?: string;
  note?: string;
}

export type SectionStatus = 'measured' | 'not measurable yet' | 'failed';

export interface SectionResult {
  id: string;
  title: string;
  status: SectionStatus;
  /** for 'not measurable yet' / 'failed': what is missing or what went wrong */
  reason?: string;
  metrics: Metric[];
  /** how it was measured, what the run saw */
  notes: string[];
  durationMs: number;
  /** raw samples and anything else worth keeping in the JSON only */
  raw?: Record<string, unknown>;
}

export interface MachineInfo {
  hostname: string;
  os: string;
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  go: string;
  git: string;
  loadAverage: number[];
}

export interface BenchReport {
  tool: 'onramp-bench';
  version: 1;
  startedAt: string;
  finishedAt: string;
  mode: 'full' | 'smoke';
  runs: number;
  machine: { before: MachineInfo; loadAverageAfter: number[] };
  sections: SectionResult[];
}

/** What every section gets: how many runs, smoke or not, and a progress line printer. */
export interface BenchContext {
  smoke: boolean;
  runs: number;
  log: (line: string) => void;
}

export interface Section {
  id: string;
  title: string;
  run(ctx: BenchContext): Promise<Omit<SectionResult, 'id' | 'title' | 'durationMs'>>;
}
