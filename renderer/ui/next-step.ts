// No dead ends: every error code the contract can return maps to what the person does next.
// The service's own hint (when it sent one) is shown first; this is the fallback and the action.
import type { ErrorCode } from '../../main/common/errors';

export interface NextStep {
  text: string;
  /** the obvious action: retrying, re-planning, or going to the doctor */
  action: 'retry' | 'replan' | 'doctor' | 'reload';
}

export const nextSteps: Record<ErrorCode, NextStep> = {
  usage: {
    text: 'Check the value you entered (the message names the field), then try again.',
    action: 'retry',
  },
  parse: {
    text: 'Open the file named above at that line, fix or remove it, then try again.',
    action: 'retry',
  },
  'invalid-input': {
    text: 'Correct the value (the message says what is wrong) and try again.',
    action: 'retry',
  },
  'changed-since-plan': {
    text: 'Something else changed the file after the plan was made. Make the plan again to see the new diff.',
    action: 'replan',
  },
  'changed-since-apply': {
    text: 'The file was edited after Onramp changed it. Review it; undoing anyway discards those edits.',
    action: 'retry',
  },
  'lock-busy': {
    text: 'Another program (git, go, or a second Onramp) is writing the file. Wait a moment and try again.',
    action: 'retry',
  },
  'tool-missing': {
    text: 'Install the missing tool (go, git or ssh) or put it on PATH, then run the doctor.',
    action: 'doctor',
  },
  'tool-failed': {
    text: 'The tool failed; its message is above. Run the doctor to find the cause.',
    action: 'doctor',
  },
  timeout: { text: 'It took too long. Check the network or VPN, then try again.', action: 'retry' },
  'not-found': {
    text: 'It no longer exists (it may have been applied or discarded). Start again.',
    action: 'replan',
  },
  io: {
    text: 'Onramp could not read or write something, or lost its connection. Try again; reload if it persists.',
    action: 'reload',
  },
  internal: {
    text: 'This is a bug in Onramp. Try again; if it repeats, the CLI (`onramp doctor`) shows more detail.',
    action: 'retry',
  },
};
