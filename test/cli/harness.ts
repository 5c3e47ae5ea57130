// The CLI as an operator gets it: the bin of the packed tarball, installed into a fresh project outside
// the repository, run as a child process with an environment of exactly what each test gives it (no
// credential from the developer's shell can leak in), and a small node:http API stand-in on 127.0.0.1
// that answers from a script and records what arrived. runInProcess runs the same dispatcher the bin
// runs (src/cli/command.ts) inside the test's process with the same environment, for the many cases
// that need no process of their own; the suites check that it answers as the installed bin does.
import type { IncomingHttpHeaders } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from '../../src/cli/command.js';
import { PRISM_PACKAGES } from '../../src/testing/prism-server.js';
import { createConsumerProject, type ConsumerProject } from '../support/consumer-project.js';
import { INSTANCE_ID, PROJECT_ID, run, SECRET_KEY, startServer, TOKEN } from '../support/index.js';
import { ROOT } from '../support/spec.js';

/** A fake security token of temporary AK/SK credentials (long enough to be blanked wherever echoed). */
export const SECURITY_TOKEN = 'FakeSecurityToken-0123456789abcdef';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * A consumer project with the packed tarball installed; with `prism`, also Prism (the optional peer
 * dependencies), which only the `mock` command needs.
 */
export function installCli({ prism = true } = {}): Promise<ConsumerProject> {
  return createConsumerProject({ linkFromRepo: prism ? Object.keys(PRISM_PACKAGES) : [] });
}

/** The installed bin's path in `project` (node_modules/.bin links to dist/cli/main.js). */
export function binOf(project: ConsumerProject): string {
  return join(project.dir, 'node_modules/.bin/dms-kafka-reset-offset');
}

/** The environment of a configured operator: a token, the project and instance, an endpoint. */
export function operatorEnv(endpoint: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    OS_AUTH_TOKEN: TOKEN,
    OS_PROJECT_ID: PROJECT_ID,
    DMS_INSTANCE_ID: INSTANCE_ID,
    DMS_ENDPOINT: endpoint,
    ...extra,
  };
}

/** The environment a run gets: exactly `env`, plus a HOME and NO_COLOR (and, for a child process, PATH). */
function runEnv(env: Record<string, string>): Record<string, string> {
  return { HOME: process.env['HOME'] ?? '/tmp', NO_COLOR: '1', ...env };
}

/** Runs `file` (a bin path, or 'npx') with `args` and exactly `env` (plus PATH and a throwaway HOME). */
export function runCli(
  file: string,
  args: readonly string[],
  env: Record<string, string>,
  options: { cwd?: string; timeoutMs?: number } = {},
): Promise<CliRun> {
  const [command, argv] = file === 'npx' ? ['npx', [...args]] : ['node', [file, ...args]];
  return run(command, argv, {
    cleanEnv: true,
    env: runEnv(env),
    timeoutMs: options.timeoutMs ?? 60_000,
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
  });
}

/**
 * Runs the command line in this process with `args` and exactly the environment runCli would give the
 * bin (PATH included), its stdout and stderr captured. For commands that neither serve the mock nor
 * depend on the process itself (its time zone, its signals): those run through the bin.
 */
export async function runInProcess(args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCommand(args, {
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', ...runEnv(env) },
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

/**
 * One run of the command line: in this process (runInProcess), or with `{ bin: true }` through `project`'s
 * installed bin, in the project's folder. Either way, no credential may appear in what it printed.
 */
export async function runOnce(
  project: ConsumerProject,
  args: readonly string[],
  env: Record<string, string>,
  { bin = false } = {},
): Promise<CliRun> {
  const run = bin ? await runCli(binOf(project), args, env, { cwd: project.dir }) : await runInProcess(args, env);
  expectNoSecrets(run);
  return run;
}

export interface Arrived {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
}

/** How the stand-in answers one request: a status, headers and a body; `hang` never answers. */
export interface Answer {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  readonly hang?: boolean;
}

export interface StandIn {
  readonly url: string;
  /** The requests received, in order. */
  readonly requests: Arrived[];
  close(): Promise<void>;
}

/** A node:http server on 127.0.0.1 answering the n-th request with `answers[n]` (the last one repeats). */
export async function startStandIn(answers: readonly (Answer | ((request: Arrived) => Answer))[]): Promise<StandIn> {
  const requests: Arrived[] = [];
  const server = await startServer((wire, res) => {
    const arrived: Arrived = {
      method: wire.method,
      url: wire.rawUrl,
      headers: wire.headers,
      body: wire.body ? JSON.parse(wire.body) : undefined,
    };
    requests.push(arrived);
    const scripted = answers[Math.min(requests.length, answers.length) - 1] ?? { status: 204 };
    const answer = typeof scripted === 'function' ? scripted(arrived) : scripted;
    if (answer.hang) return;
    const body = answer.body === undefined ? '' : JSON.stringify(answer.body);
    res.writeHead(answer.status ?? 204, {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...answer.headers,
    });
    res.end(body);
  });
  return { url: server.url, requests, close: () => server.close() };
}

export function resetPath(group: string): string {
  return `/v2/${PROJECT_ID}/instances/${INSTANCE_ID}/management/groups/${encodeURIComponent(group)}/reset-message-offset`;
}

/** The --json document's shape. */
export interface JsonDocument {
  dryRun: boolean;
  resets: Array<{
    group: string;
    topic: string;
    partition: number;
    body: Record<string, unknown>;
    status: 'planned' | 'done' | 'failed' | 'skipped';
    error?: {
      name: string;
      status: number | null;
      errorCode: string | null;
      requestId: string | null;
      message: string;
    };
  }>;
}

/** Credential values the tests use; no output may contain them. */
export const SECRETS = [TOKEN, SECRET_KEY, SECURITY_TOKEN] as const;

/** Fails the test if any credential value appears in a run's output. */
export function expectNoSecrets(run: CliRun): void {
  for (const secret of SECRETS) {
    if (run.stdout.includes(secret) || run.stderr.includes(secret))
      throw new Error(`a credential appeared in the output:\n${run.stdout}\n${run.stderr}`);
  }
}

/** A `console` block of the README: the variables it exports, the command's arguments, what it prints. */
export interface ReadmeRun {
  readonly env: Record<string, string>;
  readonly args: string[];
  /** The printed lines: stderr's, then stdout's, as a terminal shows them here. */
  readonly output: string;
}

/** The README's console block whose command contains `marker` (`...` values become the test token). */
export function readmeRun(marker: string): ReadmeRun {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = [...readme.matchAll(/^```console\n([\s\S]*?)^```$/gm)]
    .map((m) => m[1] ?? '')
    .find((b) => b.includes(marker));
  if (!block) throw new Error(`no console block with ${marker} in README.md`);
  const env: Record<string, string> = {};
  const args: string[] = [];
  const output: string[] = [];
  for (const line of block.trimEnd().split('\n')) {
    if (line.startsWith('$ export ')) {
      for (const pair of line.slice('$ export '.length).split(' ')) {
        const [name, value] = pair.split('=') as [string, string];
        env[name] = value === '...' ? TOKEN : value;
      }
    } else if (line.startsWith('$ ')) {
      const words = line.slice(2).split(' ');
      while (/^[A-Z_]+=/.test(words[0] ?? '')) {
        const [name, value] = words.shift()!.split('=') as [string, string];
        env[name] = value;
      }
      if (words.shift() !== 'dms-kafka-reset-offset') throw new Error(`not the command: ${line}`);
      args.push(...words);
    } else output.push(line);
  }
  return { env, args, output: `${output.join('\n')}\n` };
}
