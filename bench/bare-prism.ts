// Bare Prism, the floor of any mock built on it: its own packages started in this process with the
// settings of `prism mock` (the mock's Prism settings) on the bundled spec, nothing else: no recording
// front, no verdicts. Timed in a fresh process beside startMockServer() and the `prism mock` CLI.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '@stoplight/prism-core';
import { getHttpOperationsFromSpec } from '@stoplight/prism-http';
import { createServer } from '@stoplight/prism-http-server';
import { ROOT } from './paths.js';

export async function startBarePrism(): Promise<void> {
  const spec: unknown = JSON.parse(readFileSync(join(ROOT, 'generated', 'openapi.json'), 'utf8'));
  const server = createServer(await getHttpOperationsFromSpec(spec as object), {
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
    components: { logger: createLogger('bare-prism', { level: 'silent' }) },
  });
  await server.listen(0, '127.0.0.1');
}
