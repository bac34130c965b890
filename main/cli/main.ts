// `onramp`: the command line on the same services the app uses.
import { usageError } from '../common/errors';
import { processIo, printError, exitCodeFor, type CliIo } from './io';
import { commands, helpText } from './commands/index';

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const json = argv.includes('--json');
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
      io.out(helpText());
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === 'version') {
      io.out('onramp 0.1.0\n');
      return 0;
    }
    const command = commands[name];
    if (!command)
      throw usageError(`unknown command ${JSON.stringify(name)}`, 'run `onramp help` for the list');
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(`usage: ${command.spec.usage}\n`);
      return 0;
    }
    return await command.run(rest, io);
  } catch (err) {
    return exitCodeFor(printError(io, err, json));
  }
}
