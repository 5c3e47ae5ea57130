// Cold start of the dms-kafka-reset-offset bin: from spawning `node dist/cli/main.js reset ... --execute`
// to the moment its first request arrives at a local server, against a bare
// `node --input-type=module -e "await fetch(...)"` sending the same POST. One self-contained file:
// node: modules only, the built bin (run `npm run build` first).
//
//   node bench/cli-cold-start.mjs [rounds]     (default 21 rounds; the children alternate)
//
// Goal: the CLI's median at most 1.3x the bare fetch's. Reported, like the bench's other goals; a missed
// goal does not fail the run (npm run bench runs this before bench/run.mjs, which takes its arguments).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const GOAL = 1.3;
const rounds = Number(process.argv[2] ?? 21);
const bin = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(bin)) throw new Error('dist/cli/main.js is missing: run npm run build first');

const PROJECT = '0123456789abcdef0123456789abcdef';
const INSTANCE = '11111111-2222-3333-4444-555555555555';
const TOKEN = 'bench-token-0123456789abcdef';

// The server notes when each request arrives; the child waiting on it is then told to go away.
let arrived;
const server = createServer((req, res) => {
  arrived?.(performance.now());
  req.resume();
  req.on('end', () => {
    res.writeHead(204);
    res.end();
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const endpoint = `http://127.0.0.1:${server.address().port}`;
const path = `/v2/${PROJECT}/instances/${INSTANCE}/management/groups/orders-consumer/reset-message-offset`;
const body = JSON.stringify({ topic: 'orders', partition: -1, message_offset: 0 });

const peers = {
  'bare fetch': [
    '--input-type=module',
    '-e',
    `await fetch(${JSON.stringify(endpoint + path)}, { method: 'POST', headers: { 'content-type': 'application/json', 'x-auth-token': ${JSON.stringify(TOKEN)} }, body: ${JSON.stringify(body)} });`,
  ],
  'cli (token)': [bin, 'reset', '--group', 'orders-consumer', '--topic', 'orders', '--to-earliest', '--execute'],
};
const env = {
  PATH: process.env.PATH,
  OS_AUTH_TOKEN: TOKEN,
  OS_PROJECT_ID: PROJECT,
  DMS_INSTANCE_ID: INSTANCE,
  DMS_ENDPOINT: endpoint,
};

// CPU time (user + system) of a running process, from /proc (Linux; clock ticks of 10 ms): wall-clock
// time on a machine shared with other work says more about that work than about this program.
function cpuMsOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/** Milliseconds from spawn to the child's first request at the server, and the child's CPU ms by then. */
function once(args) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let elapsed;
    arrived = (at) => {
      elapsed = { wallMs: at - start, cpuMs: cpuMsOf(child.pid) };
      arrived = undefined;
    };
    child.on('exit', (code) => {
      if (elapsed !== undefined) resolve(elapsed);
      else reject(new Error(`${args.join(' ').slice(0, 80)} exited ${code} before sending:\n${stderr}`));
    });
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const names = Object.keys(peers);
const samples = Object.fromEntries(names.map((name) => [name, []]));
for (const name of names) await once(peers[name]); // page cache, uncounted
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? names : [...names].reverse();
  for (const name of order) samples[name].push(await once(peers[name]));
}
server.close();

const cell = (values) =>
  `${median(values).toFixed(1)} (${Math.min(...values).toFixed(1)}-${Math.max(...values).toFixed(1)})`;
console.log(
  `Node ${process.version}, ${cpus().length} cores, load ${loadavg()[0].toFixed(1)}, ${rounds} rounds: median (min-max) from spawn to first request`,
);
console.log(`  ${'peer'.padEnd(12)} ${'wall ms'.padEnd(24)} CPU ms (user + system, 10 ms ticks)`);
for (const name of names) {
  const s = samples[name];
  console.log(`  ${name.padEnd(12)} ${cell(s.map((x) => x.wallMs)).padEnd(24)} ${cell(s.map((x) => x.cpuMs))}`);
}
const ratioOf = (key) =>
  median(samples['cli (token)'].map((x) => x[key])) / median(samples['bare fetch'].map((x) => x[key]));
const ratio = ratioOf('wallMs');
console.log(
  `  ratio        ${ratio.toFixed(2)}x wall, ${ratioOf('cpuMs').toFixed(2)}x CPU (goal: wall <= ${GOAL}x): ${ratio <= GOAL ? 'met' : 'NOT met'}`,
);
