// Command-line options of dms-kafka-reset-offset-mock.

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

/** Parses `--port N`, `--port=N`, `--host H`, `--host=H`, `--help`; throws with a message on anything else. */
export function parseCliOptions(argv: readonly string[]): CliOptions {
  let port = DEFAULT_PORT;
  let host = DEFAULT_HOST;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (name === '--port') port = parsePort(value());
    else if (name === '--host') {
      const h = value();
      if (!h) throw new Error('--host needs a host name or address');
      host = h;
    } else if (name === '--help' || name === '-h') help = true;
    else throw new Error(`unknown argument ${JSON.stringify(arg)}`);
  }
  return { port, host, help };
}
