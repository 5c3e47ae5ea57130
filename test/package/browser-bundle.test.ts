// The client entry in a browser bundle (esbuild, platform browser): no node: import anywhere in it,
// each auth scheme tree-shaken away when unused, and the bundle works when run.
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/spec.js';

const ENTRY = `${ROOT}src/index.ts`;

async function bundle(contents: string) {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, sourcefile: 'browser-entry.ts', loader: 'ts' },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return { code: result.outputFiles[0]!.text, metafile: result.metafile };
}

function nodeImports(metafile: Metafile): string[] {
  return Object.entries(metafile.inputs).flatMap(([file, input]) =>
    input.imports.filter((i) => i.path.startsWith('node:') || i.external).map((i) => `${file} -> ${i.path}`),
  );
}

/** The source files that contributed code to the output (esbuild lists tree-shaken ones with 0 bytes). */
function inOutput(metafile: Metafile): string[] {
  return Object.values(metafile.outputs).flatMap((out) =>
    Object.entries(out.inputs)
      .filter(([, i]) => i.bytesInOutput > 0)
      .map(([f]) => f),
  );
}

describe('browser bundle', () => {
  it('the whole package root bundles for the browser with no node: (or external) import', async () => {
    const { metafile } = await bundle(`export * from ${JSON.stringify(ENTRY)};`);
    expect(nodeImports(metafile)).toEqual([]);
    expect(Object.keys(metafile.inputs).some((f) => f.includes('src/testing'))).toBe(false);
  });

  it('a token-only call leaves the AK/SK signer out, and an AK/SK call the token code', async () => {
    const token = await bundle(`import { createResetOffsetClient, tokenAuth } from ${JSON.stringify(ENTRY)};
      export const c = createResetOffsetClient({ endpoint: 'https://dms.example', projectId: 'p', auth: tokenAuth('t') });`);
    expect(
      inOutput(token.metafile)
        .filter((f) => f.includes('src/auth/'))
        .sort(),
    ).toEqual(['src/auth/credential.ts', 'src/auth/request-body.ts', 'src/auth/sent-secrets.ts', 'src/auth/token.ts']);
    expect(token.code).not.toContain('SDK-HMAC-SHA256');
    // Retries are opt-in through retryPolicy(): a client without them ships none of their code.
    expect(inOutput(token.metafile)).not.toContain('src/client/retry.ts');
    const aksk = await bundle(`import { createResetOffsetClient, akskAuth } from ${JSON.stringify(ENTRY)};
      export const c = createResetOffsetClient({ endpoint: 'https://dms.example', projectId: 'p', auth: akskAuth({ accessKey: 'a', secretKey: 's' }) });`);
    expect(aksk.code).toContain('SDK-HMAC-SHA256');
    expect(aksk.code).not.toContain('X-Auth-Token');
    expect(inOutput(aksk.metafile)).not.toContain('src/auth/token.ts');
    expect(nodeImports(aksk.metafile)).toEqual([]);
  });

  it('a client with retryPolicy() carries the retry code', async () => {
    const { metafile } =
      await bundle(`import { createResetOffsetClient, retryPolicy, tokenAuth } from ${JSON.stringify(ENTRY)};
      export const c = createResetOffsetClient({ endpoint: 'https://dms.example', projectId: 'p', auth: tokenAuth('t'), retry: retryPolicy() });`);
    expect(inOutput(metafile)).toContain('src/client/retry.ts');
  });

  it('the bundle runs: a call through an injected fetch', async () => {
    const { code } =
      await bundle(`import { createResetOffsetClient, akskAuth, toEarliest } from ${JSON.stringify(ENTRY)};
      export async function run(fetch) {
        const client = createResetOffsetClient({ endpoint: 'https://dms.example', projectId: '0123456789abcdef0123456789abcdef',
          auth: akskAuth({ accessKey: 'AK', secretKey: 'SK' }), fetch });
        await client.resetMessageOffset({ instanceId: '11111111-2222-3333-4444-555555555555', group: 'a/b', body: toEarliest('orders') });
      }`);
    const mod = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as {
      run: (f: (r: Request) => Promise<Response>) => Promise<void>;
    };
    const seen: Request[] = [];
    await mod.run(async (request) => {
      seen.push(request);
      return new Response(null, { status: 204 });
    });
    expect(seen).toHaveLength(1);
    expect(new URL(seen[0]!.url).pathname).toContain('/groups/a%2Fb/');
    expect(seen[0]!.headers.get('Authorization')).toMatch(/^SDK-HMAC-SHA256 /);
  });
});
