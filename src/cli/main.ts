#!/usr/bin/env node
// The `dms-kafka-reset-offset` bin: `reset` (also when the first argument is a flag, so that a
// kafka-consumer-groups.sh command line reads naturally), `mock`, --help and --version. The mock
// is imported only when asked for: resetting never loads Prism.
import { readFileSync } from 'node:fs';
import { nearest } from './nearest.js';
import { safeIo } from './output.js';
import { runReset } from './reset.js';
import { secretValues } from './settings.js';
import { HELP, USAGE } from './usage.js';

const NAME = 'dms-kafka-reset-offset';
const COMMANDS = ['reset', 'mock', 'help'];

async function main(argv: readonly string[]): Promise<number> {
  const secrets = secretValues(process.env);
  const io = safeIo(process, secrets);
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
  if (first === 'reset') return runReset(rest, io, process.env, secrets);
  if (first.startsWith('-')) return runReset(argv, io, process.env, secrets);
  io.err(`${NAME}: unknown command '${first}'; did you mean '${nearest(first, COMMANDS)}'? (${NAME} --help)`);
  return 2;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // A bug, not a usage error: say what it was without a stack (it could quote a request's details).
  const io = safeIo(process, secretValues(process.env));
  io.err(`${NAME}: unexpected error: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  process.exitCode = 1;
}
