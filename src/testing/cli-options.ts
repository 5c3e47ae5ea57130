// Command-line options of dms-kafka-reset-offset-mock, read with node:util's parseArgs.
import { parseArgs } from 'node:util';

export interface CliOptions {
  readonly port: number;
  readonly host: string;
  readonly help: boolean;
}

export const DEFAULT_PORT = 4010;
export const DEFAULT_HOST = '127.0.0.1';

export const USAGE = `Usage: dms-kafka-reset-offset-mock [--port N] [--host H]

Serves a mock of DMS for Kafka's ResetMessageOffset API (Prism, the spec bundled in this package).
  --port N   port to listen on (default ${DEFAULT_PORT}; 0 picks a free port)
  --host H   interface to listen on (default ${DEFAULT_HOST})
  --help     show this text
Each request is printed with the contract's verdict. Ctrl-C stops the mock.`;

function parsePort(text: string | undefined): number {
  const port = Number(text);
  if (text === undefined || !/^\d+$/.test(text) || port > 65535) {
    throw new Error(
      `--port needs an integer from 0 to 65535, got ${text === undefined ? 'nothing' : JSON.stringify(text)}`,
    );
  }
  return port;
}

/** Parses `--port N`, `--port=N`, `--host H`, `--host=H`, `--help`/`-h`; throws with a message on anything else. */
export function parseCliOptions(argv: readonly string[]): CliOptions {
  // Not strict: parseArgs' own errors would say "--port -1" is ambiguous instead of naming the bad
  // value, so its tokens are checked here, each with a message that says what was expected.
  const { tokens } = parseArgs({
    args: [...argv],
    options: { port: { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  let port = DEFAULT_PORT;
  let host = DEFAULT_HOST;
  let help = false;
  for (const token of tokens) {
    if (token.kind === 'positional') throw new Error(`unknown argument ${JSON.stringify(token.value)}`);
    if (token.kind !== 'option') continue; // the `--` terminator
    if (token.name === 'port') port = parsePort(token.value);
    else if (token.name === 'host') {
      if (!token.value) throw new Error('--host needs a host name or address');
      host = token.value;
    } else if (token.name === 'help' && token.value === undefined) help = true;
    else throw new Error(`unknown argument ${JSON.stringify(argv[token.index])}`);
  }
  return { port, host, help };
}
