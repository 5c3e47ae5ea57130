// The mock as a program (the bin and `npm start`): start, print where and how to call it, print each
// request with the contract's verdict, stop cleanly on Ctrl-C / SIGTERM.
import { readBundledSpec, specOperation } from './bundled-spec.js';
import { parseCliOptions, USAGE } from './cli-options.js';
import { startMockServer } from './mock-server.js';
import type { RecordedRequest } from './recorded-request.js';

/** One line per request: method, path, answer, and the violations if the request broke the contract. */
export function describeRequest(r: RecordedRequest): string {
  const line = `${r.method || '(unreadable request)'} ${r.path} -> ${r.response.status}`;
  if (r.kind === 'preflight')
    return `${line} (CORS preflight${r.contract.valid ? '' : ' for something the API does not offer'})`;
  if (r.kind === 'test-setup-error') {
    return `${line} (test-setup error: ${r.contract.valid ? '' : r.contract.errors.at(-1)?.message})`;
  }
  if (r.contract.valid) return `${line} (meets the contract)`;
  return `${line} (breaks the contract: ${r.contract.errors.map((e) => `${e.path || 'request'} ${e.message}`).join('; ')})`;
}

function exampleValue(examples: readonly unknown[] | undefined, what: string): string {
  const value = examples?.[0];
  if (typeof value !== 'string') throw new Error(`the bundled spec has no example ${what}`);
  return value;
}

/** A ready-to-paste call built from the spec's own examples. */
async function exampleCall(url: string): Promise<string> {
  const spec = await readBundledSpec();
  const { method, template } = specOperation(spec);
  const { schemas, examples } = spec.components;
  const params: Record<string, string> = {
    project_id: exampleValue(schemas['ProjectId']?.examples, 'project ID'),
    instance_id: exampleValue(schemas['InstanceId']?.examples, 'instance ID'),
    group: exampleValue(schemas['Group']?.examples, 'group'),
  };
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  const body = JSON.stringify(examples['ResetMessageOffsetToOffset']?.value);
  return (
    `curl -i -X ${method} '${url}${path}' \\\n` +
    `  -H 'Content-Type: application/json' -H 'X-Auth-Token: any-token' \\\n` +
    `  -d '${body}'`
  );
}

export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

const consoleIo: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) };

/**
 * Runs the mock until SIGINT/SIGTERM; resolves with the exit code (0 after a clean stop, 2 for bad
 * arguments, 1 when the mock cannot start).
 */
export async function runMockCli(argv: readonly string[], io: CliIo = consoleIo): Promise<number> {
  let options;
  try {
    options = parseCliOptions(argv);
  } catch (error) {
    io.err(`dms-kafka-reset-offset-mock: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    io.out(USAGE);
    return 0;
  }
  let mock;
  try {
    mock = await startMockServer({
      port: options.port,
      host: options.host,
      onRequest: (r) => io.out(describeRequest(r)),
    });
  } catch (error) {
    io.err(`dms-kafka-reset-offset-mock: ${(error as Error).message}`);
    return 1;
  }
  io.out(`Mock of ResetMessageOffset listening on ${mock.url}\n`);
  io.out(`Try it (answers 204):\n\n${await exampleCall(mock.url)}\n`);
  io.out(`Select a documented error with a Prefer header, e.g. -H 'Prefer: code=404'. Ctrl-C to stop.`);
  const running = mock;
  return new Promise<number>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      running.close().then(
        () => resolve(0),
        (error: unknown) => {
          io.err(`dms-kafka-reset-offset-mock: ${(error as Error).message}`);
          resolve(1);
        },
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
