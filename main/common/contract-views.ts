// Shapes that cross the contract as replies and events. Some are defined by the services in
// main/core; importing their types here is type-only (erased at build time), so main/common
// still carries no Node code.
import type { FileState } from './plan';

export type { MachineStatus as StatusView } from '../core/status';
export type { HistoryItem } from '../core/undo';

export interface AppInfo {
  version: string;
  platform: string;
  transport: 'electron' | 'browser';
  home: string;
}

export interface PlanView {
  planId: string;
  title: string;
  steps: string[];
  changes: { file: string; before: FileState; after: FileState; changed: boolean; diff: string }[];
  notes: string[];
}

export interface FixPlanView {
  primary: string | null;
  plan?: PlanView;
  skipped: { fix: string; reason: string; needs?: string }[];
}

export interface HistoryView {
  entries: import('../core/undo').HistoryItem[];
}

export interface UndoView {
  id: string;
  undid: string;
  title: string;
  restored: string[];
}

export interface VerifyEventView {
  runId: string;
  stepId: string;
  type: 'step-start' | 'output' | 'step-end';
  stream?: 'stdout' | 'stderr';
  line?: string;
  title?: string;
  ok?: boolean;
  summary?: string;
}

export interface VerifyStepView {
  runId: string;
  stepId: string;
  title: string;
  ok: boolean;
  durationMs: number;
}

export interface VerifyRunView {
  runId: string;
  ok: boolean;
  steps: VerifyStepView[];
  durationMs: number;
}

export interface ProfileOpenView {
  /** names the opened profile in onboard.plan/apply (kept in main for this session) */
  handle: string;
  id: string;
  name: string;
  origin: string;
  signature: import('./profile/signature').SignatureStatus;
  hosts: string[];
  testModules: string[];
}

export interface OnboardPlanView {
  review: import('./profile/review-types').ReviewItem[];
  consentOk: boolean;
  blocked: string[];
  done: string[];
  todo: string[];
  needs: string[];
  notes: string[];
  plan: PlanView | null;
  caExport?: string;
  upToDate: boolean;
}

export interface OnboardApplyView extends OnboardPlanView {
  applied: boolean;
  journalId?: string;
  resumed?: string;
  verification?: { ok: boolean; steps: { title: string; ok: boolean; durationMs: number }[] };
  ok: boolean;
}
