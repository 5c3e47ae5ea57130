// Cold start: a fresh `node bench/cold/<peer>` per sample, timed from just before spawn until the child
// reports that its first call is done (the 204 arrived). Includes Node's own start, loading the peer's
// modules from disk as a user's install would (our client from dist/, packages from node_modules),
// setting it up and the first request. Peers alternate child by child.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { DONE } from './one-call.js';
import { roundOrder } from './stats.js';

export interface ColdStartOptions {
  /** Counted children per peer (the issue asks for at least 11). */
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

/** One cold start: wall-clock ms from spawn to the first completed call, and the child's CPU ms by then. */
export interface ColdStart {
  readonly wallMs: number;
  readonly cpuMs: number;
}

const DONE_LINE = new RegExp(`${DONE} (\\d+)\\n`);
/** A child that is not done by then is killed and fails the run: the bench stays bounded. */
const CHILD_TIMEOUT_MS = 30_000;

export function coldStartOnce(script: string, env: NodeJS.ProcessEnv): Promise<ColdStart> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let elapsed: ColdStart | undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const done = elapsed === undefined ? DONE_LINE.exec(stdout) : null;
      if (done) {
        elapsed = { wallMs: performance.now() - start, cpuMs: Number(done[1]) / 1000 };
        // The figure is taken; idle keep-alive sockets must not keep the child around.
        child.kill('SIGKILL');
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (elapsed !== undefined) resolve(elapsed);
      else if (signal === 'SIGKILL') reject(new Error(`${script} was not done after ${CHILD_TIMEOUT_MS} ms`));
      else
        reject(
          new Error(
            `${script} exited (${String(code)}) before its first call was done:\n${redact((stderr || stdout).slice(-2000))}`,
          ),
        );
    });
  });
}

/** Cold-start samples for each peer id; one uncounted child per peer first (page cache). */
export async function measureColdStart<Id extends string>(
  scripts: ReadonlyMap<Id, string>,
  options: ColdStartOptions,
): Promise<Map<Id, ColdStart[]>> {
  const ids = [...scripts.keys()];
  const samples = new Map<Id, ColdStart[]>(ids.map((id) => [id, []]));
  for (const id of ids) await coldStartOnce(scripts.get(id)!, options.env);
  for (let round = 0; round < options.children; round += 1) {
    for (const id of roundOrder(ids, round)) samples.get(id)!.push(await coldStartOnce(scripts.get(id)!, options.env));
  }
  return samples;
}
