// Hostile servers on 127.0.0.1 for the client's hostile-answer suites: a node:http server whose
// answers a test chooses by the request's group ID, and a node:net server that writes raw bytes.
// Big bodies are written chunk by chunk with backpressure, so the servers themselves hold little memory.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { brotliCompressSync, constants, deflateSync, gzipSync } from 'node:zlib';

const CHUNK = Buffer.alloc(64 * 1024, 'x');
const MIB = 1024 * 1024;

/** Compression bombs: a few hundred bytes to 1 MB on the wire, far more once decoded. */
export interface Bombs {
  /** 64 gzip members of 16 MiB of zeros each: about 1 MB on the wire, 1 GiB decoded. */
  readonly gzip: Buffer;
  /** 16 MiB of zeros, zlib deflate (about 16 KB). */
  readonly deflate: Buffer;
  /** 16 MiB of zeros, brotli (about a hundred bytes). */
  readonly br: Buffer;
}

export function makeBombs(): Bombs {
  const zeros = Buffer.alloc(16 * MIB);
  // gzip allows concatenated members, and decoders read them all: one member repeated gives 1 GiB
  // without compressing 1 GiB here.
  const member = gzipSync(zeros, { level: 9 });
  return {
    gzip: Buffer.concat(Array.from({ length: 64 }, () => member)),
    deflate: deflateSync(zeros, { level: 9 }),
    br: brotliCompressSync(zeros, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
  };
}

/** Writes `total` bytes (Infinity: until the client goes away) of 'x', chunk by chunk, then ends. */
export function streamBody(res: ServerResponse, total: number): void {
  let sent = 0;
  const pump = () => {
    while (!res.destroyed && sent < total) {
      const chunk = total - sent >= CHUNK.length ? CHUNK : CHUNK.subarray(0, total - sent);
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

export type Answer = (res: ServerResponse, group: string, req: IncomingMessage) => void;

/**
 * The big and broken bodies, by group ID: `gzip-bomb`, `deflate-bomb`, `br-bomb` (500, encoded bombs),
 * `plain-100mb` (500, 100 MiB with a Content-Length), `endless` (500, chunked, never ends), `cut-short`
 * (500, Content-Length 1000, 10 bytes, then the socket is destroyed); anything else gets a 204.
 */
export function bigBodies(bombs: Bombs): Answer {
  return (res, group) => {
    const bomb = { 'gzip-bomb': bombs.gzip, 'deflate-bomb': bombs.deflate, 'br-bomb': bombs.br }[group];
    if (bomb) {
      res.writeHead(500, { 'Content-Type': 'application/json', 'Content-Encoding': group.split('-')[0]! });
      res.end(bomb);
    } else if (group === 'plain-100mb') {
      res.writeHead(500, { 'Content-Type': 'text/plain', 'Content-Length': 100 * MIB });
      streamBody(res, 100 * MIB);
    } else if (group === 'endless') {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      streamBody(res, Infinity);
    } else if (group === 'cut-short') {
      res.writeHead(500, { 'Content-Type': 'application/json', 'Content-Length': 1000 });
      res.write('{"error_co', () => res.destroy());
    } else {
      res.writeHead(204);
      res.end();
    }
  };
}

export interface HostileServer {
  readonly url: string;
  close(): Promise<void>;
}

async function listen(server: Server | ReturnType<typeof createServer>, scheme = 'http'): Promise<HostileServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A node:http server answering every request with `answer`, given the request's group ID. */
export function startHostileServer(answer: Answer): Promise<HostileServer> {
  const server = createServer((req, res) => {
    req.resume();
    // A client that stops reading closes the socket under us: that is the point, not an error.
    res.on('error', () => {});
    const group = /\/groups\/([^/]+)\/reset-message-offset/.exec(req.url ?? '')?.[1] ?? '';
    answer(res, decodeURIComponent(group), req);
  });
  return listen(server);
}

/** A node:net server that hands each connection to `onSocket` (raw bytes, no HTTP), on `scheme`'s URL. */
export function startRawServer(onSocket: (socket: Socket) => void, scheme = 'http'): Promise<HostileServer> {
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    onSocket(socket);
  });
  const started = listen(server, scheme);
  return started.then(({ url, close }) => ({
    url,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return close();
    },
  }));
}
