// The command table: one entry per `onramp <command>`.
import type { CommandSpec } from '../args';
import type { CliIo } from '../io';
import { statusCommand } from './status';
import { routeCommand } from './route';
import { setCommand, planCommand } from './set';
import { undoCommand, historyCommand } from './journal';
import { doctorCommand } from './doctor';
import { explainCommand } from './explain';
import { fixCommand } from './fix';
import { applyCommand } from './onboard';
import { profileCommand } from './profile';
import { exportCiCommand } from './export-ci';
import { supportBundleCommand } from './support-bundle';
import { tokenCommand } from './token';
import { sshCommand } from './ssh';
import { secretsCommand } from './secrets';
import { rotateCommand } from './rotate';
import { webCommand } from './web';

export interface Command {
  summary: string;
  spec: CommandSpec;
  run(argv: string[], io: CliIo): Promise<number>;
}

export const commands: Record<string, Command> = {
  status: statusCommand,
  route: routeCommand,
  set: setCommand,
  plan: planCommand,
  undo: undoCommand,
  history: historyCommand,
  explain: explainCommand,
  doctor: doctorCommand,
  fix: fixCommand,
  apply: applyCommand,
  profile: profileCommand,
  'export-ci': exportCiCommand,
  'support-bundle': supportBundleCommand,
  token: tokenCommand,
  ssh: sshCommand,
  secrets: secretsCommand,
  rotate: rotateCommand,
  web: webCommand,
};

export function helpText(): string {
  const lines = ['onramp — private Go modules that just work', '', 'usage: onramp <command> [options]', ''];
  const width = Math.max(...Object.keys(commands).map((k) => k.length));
  for (const [name, c] of Object.entries(commands)) lines.push(`  ${name.padEnd(width)}  ${c.summary}`);
  lines.push('', 'Every command takes --json for machine-readable output and --help for its usage.', '');
  return lines.join('\n');
}
