// How a profile's review and onboarding plan read in a terminal, and their JSON shape. Secrets
// never reach either: diffs are redacted by the planner, tokens are not part of any field.
import type { ReviewItem } from '../../common/profile/review-types';
import type { SignatureStatus } from '../../common/profile/signature';
import type { ProfileApplyResult, ProfilePlanResult } from '../../core/profile/onboard';
import type { CliIo } from '../io';
import { planView, printPlan } from '../print-plan';

const marks = { danger: 'DANGER ', warning: 'warning', info: 'info   ' } as const;

export function signatureLine(s: SignatureStatus): string {
  switch (s.state) {
    case 'good':
      return `signed by ${s.signer} (${s.keyType} key ${s.fingerprint})`;
    case 'unsigned':
      return 'NOT SIGNED';
    case 'untrusted':
      return `signed by an untrusted key${s.fingerprint ? ` (${s.keyType ?? ''} ${s.fingerprint})` : ''}: ${s.reason}`;
    case 'bad':
      return `BAD SIGNATURE: ${s.reason}`;
    case 'builtin':
      return 'built-in preset';
  }
}

export function printReview(io: CliIo, items: readonly ReviewItem[]): void {
  io.out('\nSecurity review:\n');
  if (items.length === 0) io.out('  nothing to flag\n');
  for (const i of items) {
    io.out(`  [${marks[i.level]}] ${i.title}${i.line !== undefined ? ` (line ${i.line})` : ''}\n`);
    io.out(`      ${i.explanation}\n`);
    if (i.setting) io.out(`      setting: ${i.setting}\n`);
    if (i.level === 'danger')
      io.out(
        i.overridable === false ? '      cannot be overridden\n' : `      blocked unless: --allow ${i.id}\n`,
      );
  }
}

function list(io: CliIo, title: string, lines: readonly string[]): void {
  if (lines.length === 0) return;
  io.out(`\n${title}:\n`);
  for (const l of lines) io.out(`  - ${l}\n`);
}

export function printProfilePlan(io: CliIo, r: ProfilePlanResult): void {
  io.out(`Profile: ${r.profile.name} (${r.profile.id}) from ${r.profile.origin}\n`);
  io.out(`Signature: ${signatureLine(r.signature)}\n`);
  printReview(io, r.review);
  list(io, 'Already done', r.done);
  list(io, 'Will change', r.todo);
  list(io, 'Still needed before applying', r.needs);
  list(io, 'Notes', r.notes);
  if (r.plan) {
    io.out('\n');
    printPlan(io, r.plan);
  } else io.out('\nNothing to change: this machine already has every setting of the profile.\n');
  if (r.caExport)
    io.out(
      `\ngo has no setting for a CA: add this line to your shell profile so go trusts it:\n  ${r.caExport}\n`,
    );
  if (r.testModules.length > 0) io.out(`\nVerification: go mod download ${r.testModules.join(' ')}\n`);
}

export function printProfileApply(io: CliIo, r: ProfileApplyResult): void {
  if (r.resumed) io.out(`Resuming: ${r.resumed}.\n\n`);
  printProfilePlan(io, r);
  if (r.applied && r.journalId)
    io.out(`\nApplied as one change. Undo all of it with: onramp undo ${r.journalId}\n`);
  if (!r.applied) io.out('\nAlready set up: 0 changes.\n');
  if (r.verification) {
    io.out('\nVerification:\n');
    for (const s of r.verification.steps) {
      io.out(`  ${s.ok ? 'ok  ' : 'FAIL'} ${s.title}\n`);
      if (!s.ok) for (const l of s.lines.slice(-8)) io.out(`       ${l}\n`);
    }
    io.out(
      r.verification.ok
        ? '\nAll test modules downloaded: onboarding is complete.\n'
        : '\nVerification failed: run `onramp doctor` or `onramp support-bundle`.\n',
    );
  }
}

export function planJson(r: ProfilePlanResult) {
  return {
    profile: r.profile,
    signature: r.signature,
    review: r.review,
    consent: r.consent,
    done: r.done,
    todo: r.todo,
    needs: r.needs,
    notes: r.notes,
    upToDate: r.upToDate,
    changes: r.plan
      ? r.plan.changes.filter((c) => c.before.sha256 !== c.after.sha256 || c.before.mode !== c.after.mode)
          .length
      : 0,
    plan: r.plan ? planView(r.plan) : null,
    testModules: r.testModules,
    ...(r.caExport ? { caExport: r.caExport } : {}),
  };
}

export function applyJson(r: ProfileApplyResult) {
  return {
    ...planJson(r),
    applied: r.applied,
    ...(r.journalId ? { journalId: r.journalId } : {}),
    ...(r.resumed ? { resumed: r.resumed } : {}),
    recovery: r.recovery,
    verification: r.verification
      ? {
          ok: r.verification.ok,
          steps: r.verification.steps.map((s) => ({
            title: s.title,
            ok: s.ok,
            exitCode: s.exitCode,
            lines: s.ok ? [] : s.lines.slice(-20),
          })),
        }
      : null,
  };
}
