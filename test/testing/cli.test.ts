// The mock as a program: argument handling in-process, and `npm start` (the package's build, then the
// bin it built) as a real child process, stopped with SIGINT.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliOptions, USAGE } from '../../src/testing/cli-options.js';
import { runMockCli } from '../../src/testing/run-cli.js';
import { ROOT } from '../support/spec.js';
import { postJson } from '../support/index.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

describe('dms-kafka-reset-offset-mock arguments', () => {
  it('defaults to 127.0.0.1:4010', () => {
    expect(parseCliOptions([])).toEqual({ port: 4010, host: '127.0.0.1', help: false });
  });

  it('takes --port/--host, with a space or =, the last one winning', () => {
    expect(parseCliOptions(['--port', '0', '--host=::1'])).toEqual({ port: 0, host: '::1', help: false });
    expect(parseCliOptions(['--port=8080', '--port', '9090'])).toMatchObject({ port: 9090 });
  });

  it.each([
    [['--port'], '--port needs an integer from 0 to 65535, got nothing'],
    [['--port', 'abc'], '--port needs an integer from 0 to 65535, got "abc"'],
    [['--port', '70000'], 'got "70000"'],
    [['--port', '-1'], 'got "-1"'],
    [['--host'], '--host needs a host name or address'],
    [['--verbose'], 'unknown argument "--verbose"'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCliOptions(argv)).toThrow(message);
  });

  it('prints the usage for --help and exits 0, and exits 2 with the usage for a bad argument', async () => {
    const help = capture();
    expect(await runMockCli(['--help'], help.io)).toBe(0);
    expect(help.out).toEqual([USAGE]);
    const bad = capture();
    expect(await runMockCli(['--port', 'x'], bad.io)).toBe(2);
    expect(bad.err[0]).toContain('dms-kafka-reset-offset-mock: --port needs an integer');
    expect(bad.err[0]).toContain(USAGE);
  });

  it('exits 1 with the reason when the mock cannot start', async () => {
    const failed = capture();
    expect(await runMockCli(['--host', '203.0.113.1', '--port', '0'], failed.io)).toBe(1);
    expect(failed.err[0]).toMatch(/^dms-kafka-reset-offset-mock: listen EADDRNOTAVAIL/);
  });
});

describe('npm start', () => {
  let child: ChildProcessWithoutNullStreams;
  let stdout = '';
  let stderr = '';
  const exited = () =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null) resolve(child.exitCode);
      else child.once('exit', (code) => resolve(code));
    });
  const waitFor = async (pattern: RegExp): Promise<RegExpExecArray> => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const match = pattern.exec(stdout);
      if (match) return match;
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`no ${pattern} in:\n${stdout}\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  beforeAll(() => {
    // PORT and HOST are honoured, and an argument wins over them (PORT=1 would fail to listen).
    child = spawn('npm', ['start', '--', '--port', '0'], {
      cwd: ROOT,
      // Its own process group, so that a failed run can stop npm and the mock together.
      detached: true,
      env: { ...process.env, PORT: '1', HOST: '127.0.0.1' },
    });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  });
  afterAll(() => {
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
  });

  it('prints where it listens and an example call that the mock answers 204', async () => {
    const [, url] = await waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)\n/);
    const [, target, body] = await waitFor(/curl -i -X POST '([^']+)' \\\n.*\n {2}-d '([^']+)'/);
    expect(target?.startsWith(`${url}/v2/`)).toBe(true);
    const answer = await postJson(target!, JSON.parse(body!), { 'x-auth-token': 'any-token' });
    expect(answer.status).toBe(204);
    await waitFor(/POST \/v2\/\S+\/reset-message-offset -> 204 \(meets the contract\)\n/);
  });

  it("prints each request with the contract's verdict, never the credentials", async () => {
    const [, target] = await waitFor(/curl -i -X POST '([^']+)'/);
    const answer = await postJson(target!, { topic: 'orders', message_offset: -1 }, { 'x-auth-token': 'secret-value' });
    expect(answer.status).toBe(400);
    await waitFor(/-> 400 \(breaks the contract: \/body\/message_offset must be >= 0\)\n/);
    expect(stdout).not.toContain('secret-value');
  });

  it('stops on SIGINT and exits 0 by itself (close() leaves nothing open)', async () => {
    child.kill('SIGINT');
    expect(await exited()).toBe(0);
    expect(stderr).toBe('');
  });
});
