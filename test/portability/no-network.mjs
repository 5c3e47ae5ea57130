// Preloaded (`node --import`) into every tool the portability suite runs. A generator has no reason to
// open a connection or resolve a name (the spec is a local file); any attempt is refused and reported
// on stderr, where the runner counts it as a complaint. Local sockets (a `path`) stay allowed.
import dns from 'node:dns';
import net from 'node:net';

function refuse(what) {
  const message = `portability: network access refused (${what})`;
  process.stderr.write(`${message}\n`);
  return new Error(message);
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const [first, second] = args;
  const options = typeof first === 'object' && first !== null ? (Array.isArray(first) ? first[0] : first) : undefined;
  if (options?.path !== undefined || (typeof first === 'string' && Number.isNaN(Number(first))))
    return connect.apply(this, args);
  const target = options ? `${options.host ?? 'localhost'}:${options.port}` : `${second ?? 'localhost'}:${first}`;
  const error = refuse(`connect ${target}`);
  process.nextTick(() => this.destroy(error));
  return this;
};

dns.lookup = (hostname, ...rest) => {
  const callback = rest.at(-1);
  const error = refuse(`lookup ${hostname}`);
  if (typeof callback === 'function') process.nextTick(() => callback(error));
};
dns.promises.lookup = async (hostname) => {
  throw refuse(`lookup ${hostname}`);
};
