// Prism, in this process, serving the bundled spec on a private loopback port. Prism is an optional peer
// dependency: the client never needs it, so it is loaded only when a mock starts, and its absence is
// reported with the exact install command instead of a bare "module not found".
import { deferFakerLoading } from './lazy-faker.js';

/** The Prism packages the mock loads, at the versions this package is tested with. */
export const PRISM_PACKAGES = {
  '@stoplight/prism-http': '5.12.0',
  '@stoplight/prism-http-server': '5.12.2',
  '@stoplight/prism-core': '5.8.0',
} as const;

export interface PrismServer {
  /** Base URL, e.g. http://127.0.0.1:40123 */
  readonly url: string;
  close(): Promise<void>;
}

function missingPrism(cause: unknown): Error {
  const install = Object.entries(PRISM_PACKAGES)
    .map(([name, version]) => `${name}@${version}`)
    .join(' ');
  return new Error(
    'startMockServer needs Prism, an optional peer dependency of dms-kafka-reset-offset that is not installed. ' +
      `Install it in your project: npm install --save-dev ${install}`,
    { cause },
  );
}

function isModuleNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}

async function loadPrism() {
  deferFakerLoading();
  try {
    // Literal specifiers (not a loop) so bundlers and type-checkers see them.
    const [http, server, core] = await Promise.all([
      import('@stoplight/prism-http'),
      import('@stoplight/prism-http-server'),
      import('@stoplight/prism-core'),
    ]);
    return {
      getHttpOperationsFromSpec: http.getHttpOperationsFromSpec,
      createServer: server.createServer,
      createLogger: core.createLogger,
    };
  } catch (error) {
    throw isModuleNotFound(error) ? missingPrism(error) : error;
  }
}

/**
 * Starts Prism on 127.0.0.1 (a free port) with the settings of `prism mock`: request validation,
 * security check (a missing X-Auth-Token/Authorization gives 401), static examples, CORS.
 */
export async function startPrism(spec: object): Promise<PrismServer> {
  const { getHttpOperationsFromSpec, createServer, createLogger } = await loadPrism();
  const operations = await getHttpOperationsFromSpec(spec);
  const server = createServer(operations, {
    cors: true,
    config: {
      isProxy: false,
      validateRequest: true,
      validateResponse: true,
      checkSecurity: true,
      errors: false,
      upstreamProxy: undefined,
      mock: { dynamic: false },
    },
    // The recording front reports every request; Prism's own log would only repeat it on stdout.
    components: { logger: createLogger('dms-kafka-reset-offset-mock', { level: 'silent' }) },
  });
  const url = await server.listen(0, '127.0.0.1');
  return { url, close: () => server.close() };
}
