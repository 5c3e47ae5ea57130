#!/usr/bin/env node
// Memory of the mock under load, in a child process of its own, so the client's buffers never count:
//   npm run build && node test/hostile/mock-measure.mjs bodies    # five 50 MiB bodies
//   npm run build && node test/hostile/mock-measure.mjs soak 20   # 20 s at about 1,000 req/s
//   npm run build && node test/hostile/mock-measure.mjs fill 5000 16000  # heap per record, 16 kB bodies
// MOCK_MODULE=path/to/dist/testing/index.js measures another build (e.g. an older commit's);
// MOCK_MAX_RECORDS=n starts the mock with that maxRecords.
// Prints the mock's RSS and heap (MiB) before, at the peak and after, and its log's length and drops.
import { fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { pathToFileURL } from 'node:url';

const MiB = 1024 * 1024;
const PATH =
  '/v2/a4a5d4098fb4474fa22cd05f897d6b99/instances/5d5ab6a3-cf61-4b3c-9a4c-f3f1e3a0b8c2/management/groups/orders-consumer/reset-message-offset';

if (process.argv[2] === '--child') {
  const module = process.env.MOCK_MODULE ?? new URL('../../dist/testing/index.js', import.meta.url).href;
  const { startMockServer } = await import(module.startsWith('file:') ? module : pathToFileURL(module).href);
  const maxRecords = process.env.MOCK_MAX_RECORDS ? { maxRecords: Number(process.env.MOCK_MAX_RECORDS) } : {};
  const mock = await startMockServer(maxRecords);
  let peakRss = 0;
  setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 10).unref();
  process.on('message', (message) => {
    if (message === 'close') return void mock.close().then(() => process.exit(0));
    if (message === 'reset-peak') peakRss = 0;
    globalThis.gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    process.send({
      rss: rss / MiB,
      heapUsed: heapUsed / MiB,
      peakRss: Math.max(peakRss, rss) / MiB,
      records: mock.requests().length,
      dropped: typeof mock.droppedRequests === 'function' ? mock.droppedRequests() : undefined,
    });
  });
  process.send({ url: mock.url });
} else {
  const [scenario = 'bodies', seconds = '20'] = process.argv.slice(2);
  const child = fork(new URL(import.meta.url).pathname, ['--child'], { execArgv: ['--expose-gc'] });
  const next = () => new Promise((resolve) => child.once('message', resolve));
  const { url } = await next();
  const { port } = new URL(url);
  const stats = async (message = 'stats') => (child.send(message), next());
  const fmt = (s) =>
    `rss ${s.rss.toFixed(0)} MiB, peak rss ${s.peakRss.toFixed(0)} MiB, heap ${s.heapUsed.toFixed(1)} MiB, ` +
    `${s.records} records${s.dropped === undefined ? '' : `, ${s.dropped} dropped`}`;
  const headers = 'content-type: application/json\r\nx-auth-token: t\r\nconnection: close\r\n';
  // One request over a raw socket: answers are read while the body is still being written.
  const send = (body) =>
    new Promise((resolve) => {
      const socket = connect(Number(port), '127.0.0.1');
      let answer = '';
      socket.setEncoding('latin1').on('data', (d) => (answer += d));
      socket.on('error', () => {});
      socket.on('close', () => resolve(answer.split('\r\n')[0]));
      socket.write(`POST ${PATH} HTTP/1.1\r\nhost: x\r\n${headers}content-length: ${body.length}\r\n\r\n`);
      socket.end(body);
    });
  // Warm up: the first requests load the validators and Prism's routing.
  for (let i = 0; i < 20; i++) await send(Buffer.from('{"topic":"t","message_offset":1}'));
  const before = await stats('reset-peak');
  console.log(`before:  ${fmt(before)}`);
  /** One POST of `body` to the operation over `agent`; resolves when the answer has been read. */
  function post(agent, body) {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          port,
          host: '127.0.0.1',
          path: PATH,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'x-auth-token': 't' },
        },
        (res) => res.resume().on('end', resolve),
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  if (scenario === 'bodies') {
    const body = Buffer.alloc(50 * MiB, 0x20);
    body.write('{"topic":"t","message_offset":1,"pad":"');
    body.write('"}', body.length - 2);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push(await send(body));
    console.log(`answers: ${statuses.join(' | ')}`);
  } else if (scenario === 'fill') {
    // Heap per record: N requests with a body of (about) the given size, padded with spaces.
    const count = Number(seconds);
    const size = Number(process.argv[4] ?? 50);
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    const json = '{"topic":"orders","partition":0,"message_offset":10}';
    const body = json.slice(0, -1) + ' '.repeat(Math.max(0, size - json.length)) + '}';
    const one = () => post(agent, body);
    for (let i = 0; i < count; i += 8) await Promise.all(Array.from({ length: Math.min(8, count - i) }, one));
    agent.destroy();
    const after = await stats();
    const perRecord = ((after.heapUsed - before.heapUsed) * 1024) / (after.records - before.records);
    console.log(
      `fill:    ${count} requests of ${body.length} B bodies: ${perRecord.toFixed(1)} KiB of heap per record`,
    );
  } else {
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    const body = '{"topic":"orders","partition":0,"message_offset":10}';
    const end = Date.now() + Number(seconds) * 1000;
    let sent = 0;
    const one = () => post(agent, body);
    // About 1,000 requests a second: 100 every 100 ms, 8 at a time.
    while (Date.now() < end) {
      const tick = Date.now();
      const batch = [];
      for (let i = 0; i < 100; i++) batch.push(one());
      await Promise.all(batch);
      sent += 100;
      const wait = 100 - (Date.now() - tick);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    agent.destroy();
    console.log(`sent:    ${sent} requests in ${seconds} s (${Math.round(sent / Number(seconds))} req/s)`);
  }
  console.log(`after:   ${fmt(await stats())}`);
  child.send('close');
}
