// Prism loads @faker-js/faker (every locale of it) when it starts, for dynamic mocking only; the mock
// serves the spec's static examples, so faker is never called. Loading it is still about two thirds of
// a cold mock's start (0.8 s of 1.3 s on a quiet machine). This puts a stand-in in the CommonJS module
// cache that loads the real faker on first use, so Prism behaves the same if it ever needs it.
import { createRequire, Module } from 'node:module';

const require = createRequire(import.meta.url);

/** Installs the stand-in once, before Prism is loaded; does nothing when faker cannot be found. */
export function deferFakerLoading(): void {
  let prismRequire: ReturnType<typeof createRequire>;
  let path: string;
  try {
    prismRequire = createRequire(require.resolve('@stoplight/prism-http'));
    path = prismRequire.resolve('@faker-js/faker');
  } catch {
    return; // Prism missing (reported by the caller) or laid out otherwise: load it as it comes
  }
  if (require.cache[path]) return;
  let real: Record<PropertyKey, unknown> | undefined;
  const load = (): Record<PropertyKey, unknown> => {
    if (!real) {
      // From here on the real module is the cached one: later require()s get it directly.
      delete require.cache[path];
      real = prismRequire(path) as Record<PropertyKey, unknown>;
    }
    return real;
  };
  // Prism reads `.default` when it loads and keeps it: that faker object stays lazy. Anything else
  // (e.g. another package of the process importing faker's other exports) loads the real module.
  const lazyFaker = new Proxy({}, { get: (_target, key) => Reflect.get(load()['faker'] as object, key) as unknown });
  const stand = new Module(path);
  stand.filename = path;
  stand.loaded = true;
  stand.exports = new Proxy(
    {},
    {
      get: (_target, key) =>
        key === 'default' || key === 'faker' ? lazyFaker : key === '__esModule' ? true : load()[key],
    },
  );
  require.cache[path] = stand;
}
