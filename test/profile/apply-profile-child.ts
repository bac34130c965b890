// Test-only entry point: `onramp apply …` in a child process with the environment the test gives
// it (ONRAMP_FAULT included), so a run can be killed at a chosen point of the change engine.
import { runProfileApply } from '../../main/cli/commands/onboard';
import { exitCodeFor, printError, processIo } from '../../main/cli/io';

const io = processIo();
const argv = process.argv.slice(2);
try {
  process.exitCode = await runProfileApply(argv, io);
} catch (err) {
  process.exitCode = exitCodeFor(printError(io, err, argv.includes('--json')));
}
