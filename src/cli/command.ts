// The command line's dispatcher: `reset` (also when the first argument is a flag, so that a
// kafka-consumer-groups.sh command line reads naturally), `mock`, --help and --version. It takes its
// arguments, environment and output streams as parameters, so the bin (main.ts) passes the process's
// own and a test can run it in process. The mock is imported only when asked for: resetting never
// loads Prism.
import { readFileSync } from 'node:fs';
import { nearest } from './nearest.js';
import { safeIo, type Streams } from './output.js';
import { runReset } from './reset.js';
import { secretValues, type Env } from './settings.js';
import { HELP, USAGE } from './usage.js';

const NAME = 'dms-kafka-reset-offset';
const COMMANDS = ['reset', 'mock', 'help'];

/** Where a run of the command line reads its settings and writes its output. */
export interface Host extends Streams {
  readonly env: Env;
}

/**
 * Runs the command line with `argv` (without node and the script); resolves with the exit code.
 *
 * @example process.exitCode = await runCommand(process.argv.slice(2), process);
 */
export async function runCommand(argv: readonly string[], host: Host): Promise<number> {
  try {
    return await dispatch(argv, host);
  } catch (error) {
    // A bug, not a usage error: say what it was without a stack (it could quote a request's details).
    const io = safeIo(host, secretValues(host.env));
    io.err(`${NAME}: unexpected error: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    return 1;
  }
}

async function dispatch(argv: readonly string[], host: Host): Promise<number> {
  const secrets = secretValues(host.env);
  const io = safeIo(host, secrets);
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.err(`${USAGE}\n\n${NAME} --help says more.`);
    return 2;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    io.out(HELP);
    return 0;
  }
  if (first === '--version' || first === '-V') {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    io.out(pkg.version);
    return 0;
  }
  if (first === 'mock') {
    const { runMockCli } = await import('../testing/run-cli.js');
    return runMockCli(rest);
  }
  if (first === 'reset') return runReset(rest, io, host.env, secrets);
  if (first.startsWith('-')) return runReset(argv, io, host.env, secrets);
  io.err(`${NAME}: unknown command '${first}'; did you mean '${nearest(first, COMMANDS)}'? (${NAME} --help)`);
  return 2;
}
