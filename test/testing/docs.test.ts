// docs/testing.md stays true: its Prefer table lists exactly the spec's error examples, its install
// command the peer versions the kit is tested with. (Its vitest example runs in tarball.test.ts.)
import { describe, expect, it } from 'vitest';
import { PRISM_PACKAGES } from '../../src/testing/prism-server.js';
import { responseExamples } from '../support/spec.js';
import { consumerExample, docSection, TESTING_DOC } from './testing-doc.js';

describe('docs/testing.md', () => {
  it('lists every error example of the spec for Prefer, with its status and error_code', () => {
    const rows = docSection('prefer-examples')
      .split('\n')
      .filter((line) => /^\| \d{3} /.test(line))
      .map((line) => {
        const [status, name, code] = line
          .split('|')
          .slice(1, 4)
          .map((cell) => cell.trim().replaceAll('`', ''));
        return { status, name, code };
      });
    const fromSpec = responseExamples.flatMap(({ status, examples }) =>
      examples.map(({ name, value }) => ({ status, name, code: (value as { error_code: string }).error_code })),
    );
    expect(rows).toEqual(fromSpec);
  });

  it('gives the install command with the Prism versions the kit is tested with', () => {
    const install = Object.entries(PRISM_PACKAGES)
      .map(([name, version]) => `${name}@${version}`)
      .join(' ');
    expect(TESTING_DOC).toContain(`npm install --save-dev dms-kafka-reset-offset ${install}`);
  });

  it('has a complete vitest example that starts the mock and uses the client', () => {
    const { path, source } = consumerExample();
    expect(path).toMatch(/\.test\.ts$/);
    for (const needle of [
      "from 'vitest'",
      "from 'dms-kafka-reset-offset'",
      "from 'dms-kafka-reset-offset/testing'",
      'startMockServer()',
      'mock.close()',
      'mock.requests()',
      'createResetOffsetClient(',
    ]) {
      expect(source).toContain(needle);
    }
  });
});
