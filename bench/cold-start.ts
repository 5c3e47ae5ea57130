// Fresh processes, timed from just before spawn until the child says it is ready: a peer's first call
// done (the 204 arrived), a mock listening. Includes Node's own start and loading everything from disk
// as a user's install has it (our package from dist/, packages from node_modules). Children of the
// different kinds alternate one by one.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { DONE } from './one-call.js';
import { roundOrder } from './stats.js';

/** A child process to time, and the stdout line that says it is ready. */
export interface Child {
  readonly args: readonly string[];
  /** Matches once the child is ready; a first capture group, if any, is its CPU µs by then. */
  readonly ready: RegExp;
}

/** A child of bench/run.mjs's build (one-call.ts), which reports DONE with its CPU µs. */
export function builtChild(script: string): Child {
  return { args: [script], ready: new RegExp(`^${DONE} (\\d+)\\n`, 'm') };
}

export interface ColdStartOptions {
  /** Counted children per kind (the issue asks for at least 11). */
  readonly children: number;
  /** Environment for every child: BENCH_ENDPOINT, and HOME pointed at a temporary folder. */
  readonly env: NodeJS.ProcessEnv;
}

/** Never let a credential through, should a child print its request on failure (the official SDK does). */
export function redact(text: string): string {
  return text
    .replace(/(authorization|x-auth-token|x-security-token)(["']?\s*[:=]\s*["']?)[^"'\n,}]+/gi, '$1$2[redacted]')
    .replace(/(Access=|Signature=)[^,\s"']+/g, '$1[redacted]');
}

/** Wall-clock ms from spawn to ready, and the child's own CPU ms by then (when it reports it). */
export interface ColdStart {
  readonly wallMs: number;
  readonly cpuMs: number | undefined;
}

/** A child that is not ready by then is killed and fails the run: the bench stays bounded. */
const CHILD_TIMEOUT_MS = 30_000;

export function coldStartOnce(child: Child, env: NodeJS.ProcessEnv): Promise<ColdStart> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const proc = spawn(process.execPath, child.args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let elapsed: ColdStart | undefined;
    const timer = setTimeout(() => proc.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const ready = elapsed === undefined ? child.ready.exec(stdout) : null;
      if (ready) {
        elapsed = { wallMs: performance.now() - start, cpuMs: ready[1] ? Number(ready[1]) / 1000 : undefined };
        // The figure is taken; open sockets and servers must not keep the child around.
        proc.kill('SIGKILL');
      }
    });
    proc.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      clearTimeout(timer);
      const name = child.args.join(' ');
      if (elapsed !== undefined) resolve(elapsed);
      else if (signal === 'SIGKILL') reject(new Error(`${name} was not ready after ${CHILD_TIMEOUT_MS} ms`));
      else
        reject(
          new Error(
            `${name} exited (${String(code)}) before it was ready:\n${redact((stderr || stdout).slice(-2000))}`,
          ),
        );
    });
  });
}

/** Samples for each id; one uncounted child per id first (page cache). */
export async function measureColdStart<Id extends string>(
  children: ReadonlyMap<Id, Child>,
  options: ColdStartOptions,
): Promise<Map<Id, ColdStart[]>> {
  const ids = [...children.keys()];
  const samples = new Map<Id, ColdStart[]>(ids.map((id) => [id, []]));
  for (const id of ids) await coldStartOnce(children.get(id)!, options.env);
  for (let round = 0; round < options.children; round += 1) {
    for (const id of roundOrder(ids, round)) samples.get(id)!.push(await coldStartOnce(children.get(id)!, options.env));
  }
  return samples;
}
