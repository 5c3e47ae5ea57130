// The semver gate (scripts/check-contract.mjs): fixture edits of the released spec, each rated as
// docs/versioning.md says (redocly's rating where it agrees, the policy's where it does not), and the
// gate as `npm run check:contract` runs it: a breaking edit without its bump fails naming the rule.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContract, DEFAULTS, releaseVerdict } from '../../scripts/check-contract.mjs';
import { normalisePattern } from '../../scripts/contract-policy.mjs';
import { run } from '../support/index.js';
import { ROOT } from '../support/spec.js';

type Spec = {
  info: { version: string };
  paths: Record<string, { post: { responses: Record<string, unknown> } }>;
  components: { schemas: Record<string, Record<string, any>>; responses: Record<string, any> };
};
type Edit = (spec: Spec) => void;

const released = (): Spec => JSON.parse(readFileSync(DEFAULTS.base, 'utf8'));
const schemas = (spec: Spec) => spec.components.schemas;
const branches = (spec: Spec) => [schemas(spec)['ResetByOffset']!, schemas(spec)['ResetByTimestamp']!];
const operation = (spec: Spec) => Object.values(spec.paths)[0]!.post;

interface Case {
  name: string;
  edit: Edit;
  level: 'none' | 'patch' | 'minor' | 'major';
  rule: string;
  /** Where redocly reports the change: JSON pointers into the edited spec. */
  where: string[];
  /** Redocly's own rating, where the policy overrides it. */
  redocly?: string;
  /** Edits of the same place go into another fixture spec. */
  second?: true;
}

const RESPONSE_403 = `#/paths/${Object.keys(JSON.parse(readFileSync(DEFAULTS.base, 'utf8')).paths)[0]!.replaceAll('/', '~1')}/post/responses/403`;

const CASES: Case[] = [
  {
    name: 'an optional request field added',
    where: [
      '#/components/schemas/ResetByOffset/properties/note',
      '#/components/schemas/ResetByTimestamp/properties/note',
    ],
    edit: (s) => branches(s).forEach((b) => (b['properties'].note = { type: 'string', description: 'A note.' })),
    level: 'minor',
    rule: 'request-property-added',
  },
  {
    name: 'partition made required',
    where: ['#/components/schemas/ResetByOffset/required', '#/components/schemas/ResetByTimestamp/required'],
    edit: (s) => branches(s).forEach((b) => b['required'].push('partition')),
    level: 'major',
    rule: 'required-properties-added',
  },
  {
    name: 'a maximum lowered',
    where: ['#/components/schemas/ResetByOffset/properties/message_offset/maximum'],
    edit: (s) => (schemas(s)['ResetByOffset']!['properties'].message_offset.maximum = 1000),
    level: 'major',
    rule: 'schema-constraint-changed',
  },
  {
    name: 'a documented response removed',
    where: [RESPONSE_403],
    edit: (s) => delete operation(s).responses['403'],
    level: 'major',
    rule: 'response-removed',
  },
  {
    name: 'an enum widened (a value leaves the group ID’s `not: {enum}`)',
    where: ['#/components/schemas/Group/not/enum'],
    edit: (s) => (schemas(s)['Group']!['not'].enum = ['.']),
    level: 'minor',
    rule: 'request-accepts-more',
    redocly: 'major',
  },
  {
    name: 'a pattern widened (project IDs in upper case too)',
    where: ['#/components/schemas/ProjectId/pattern'],
    edit: (s) => (schemas(s)['ProjectId']!['pattern'] = '^[0-9a-fA-F]{32}$'),
    level: 'minor',
    rule: 'request-accepts-more',
    redocly: 'major',
  },
  {
    name: 'a description changed',
    where: ['#/components/schemas/Topic/description'],
    edit: (s) => (schemas(s)['Topic']!['description'] = 'The topic.'),
    level: 'patch',
    rule: 'docs-changed',
  },
  // Where redocly 2.77 and the policy disagree, beyond the required cases.
  {
    name: 'a pattern narrowed',
    where: ['#/components/schemas/ProjectId/pattern'],
    edit: (s) => (schemas(s)['ProjectId']!['pattern'] = '^[0-9a-f]{31}$'),
    level: 'major',
    rule: 'schema-constraint-changed',
    second: true,
  },
  {
    name: 'a request maximum raised',
    where: ['#/components/schemas/Partition/maximum'],
    edit: (s) => (schemas(s)['Partition']!['maximum'] = 2147483648),
    level: 'minor',
    rule: 'request-accepts-more',
    redocly: 'patch',
  },
  {
    name: 'a value added to the group ID’s `not: {enum}`',
    where: ['#/components/schemas/Group/not/enum'],
    edit: (s) => schemas(s)['Group']!['not'].enum.push('...'),
    level: 'major',
    rule: 'request-accepts-less',
    redocly: 'patch',
    second: true,
  },
  {
    name: 'a `false` property schema removed (additionalProperties: false forbids it anyway)',
    where: ['#/components/schemas/ResetByTimestamp/properties'],
    edit: (s) => delete schemas(s)['ResetByTimestamp']!['properties'].message_offset,
    level: 'patch',
    rule: 'forbidden-property-removed',
  },
  {
    name: 'a pattern rewritten with the same meaning (`\\u0000` escapes spelled `\\x00`)',
    where: ['#/components/schemas/Group/pattern'],
    edit: (s) => (schemas(s)['Group']!['pattern'] = '^[^\\x00-\\x1f\\x7F]+$'),
    level: 'patch',
    rule: 'pattern-rewritten',
    redocly: 'major',
  },
  {
    name: 'a component schema renamed (the generated types lose the old name)',
    where: ['#/components/schemas/ErrorBody'],
    edit: (s) => {
      const spec = s as unknown as Record<string, unknown>;
      const renamed = JSON.parse(
        JSON.stringify(s).replaceAll('"#/components/schemas/Error"', '"#/components/schemas/ErrorBody"'),
      );
      Object.assign(spec, renamed);
      schemas(s)['ErrorBody'] = schemas(s)['Error']!;
      delete schemas(s)['Error'];
    },
    level: 'major',
    rule: 'schema-renamed',
    redocly: 'patch',
    second: true,
  },
  {
    name: 'partition’s default changed',
    where: ['#/components/schemas/Partition/default'],
    edit: (s) => (schemas(s)['Partition']!['default'] = 0),
    level: 'major',
    rule: 'default-changed',
    redocly: 'patch',
  },
  {
    name: 'partition deprecated',
    where: ['#/components/schemas/Partition/deprecated'],
    edit: (s) => (schemas(s)['Partition']!['deprecated'] = true),
    level: 'minor',
    rule: 'deprecated-added',
    redocly: 'patch',
  },
  {
    name: 'a documented error example removed',
    where: ['#/components/responses/BadRequest/content/application~1json/examples/InvalidTimestamp'],
    edit: (s) => delete s.components.responses['BadRequest'].content['application/json'].examples.InvalidTimestamp,
    level: 'major',
    rule: 'error-example-removed',
    redocly: 'patch',
  },
];

let dir: string;
const write = (name: string, content: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
};
const edited = (name: string, edit: Edit, version?: string) => {
  const spec = released();
  edit(spec);
  if (version) spec.info.version = version;
  return write(`${name}.json`, spec);
};
const CHANGELOG = '# Changelog\n\n## [Unreleased]\n\n### Changed\n\n- A fixture edit.\n\n## [1.0.0] - 2026-12-01\n';

type Result = Awaited<ReturnType<typeof checkContract>>;
// Redocly reports each edit at its own place, so the edits share two fixture specs (two redocly runs
// instead of one per edit: each run is a Node start on a shared 2-core machine).
const GROUPS = [CASES.filter((c) => !c.second), CASES.filter((c) => c.second)];
const results: Result[] = [];
const changesOf = (c: Case) => results[c.second ? 1 : 0]!.changes.filter((change) => c.where.includes(change.where));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'check-contract-test-'));
  const packageJson = write('package.json', { version: released().info.version });
  const changelog = write('CHANGELOG.md', CHANGELOG);
  const runs = GROUPS.map((group, i) => {
    const revision = edited(`group-${i}`, (spec) => group.forEach((c) => c.edit(spec)));
    return checkContract({ revision, packageJson, changelog });
  });
  results.push(...(await Promise.all(runs)));
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fixture edits of the released spec are rated by the policy', () => {
  it.each(CASES)('$name: $level ($rule)', (c) => {
    const changes = changesOf(c);
    expect(changes.map((change) => change.where).sort()).toEqual([...c.where].sort());
    for (const change of changes) {
      expect(change).toMatchObject({ impact: c.level, rule: c.rule, overridden: c.redocly !== undefined });
      if (c.redocly) expect(change.redocly.impact).toBe(c.redocly);
    }
  });

  it('a forbidden property written `{not: {}}` and removed: patch (redocly: major, property-removed)', async () => {
    // The released spec writes it `false`; this base writes the same "never" as a schema.
    const base = edited('never-base', (s) => (schemas(s)['ResetByOffset']!['properties'].timestamp = { not: {} }));
    const revision = edited('never-removed', (s) => delete schemas(s)['ResetByOffset']!['properties'].timestamp);
    const result = await checkContract({
      base,
      revision,
      packageJson: write('pkg-never.json', { version: '1.0.0' }),
      changelog: write('changelog-never.md', CHANGELOG),
    });
    expect(result.changes).toEqual([
      expect.objectContaining({
        where: '#/components/schemas/ResetByOffset/properties/timestamp',
        impact: 'patch',
        rule: 'forbidden-property-removed',
        redocly: { impact: 'major', rules: ['property-removed'] },
        overridden: true,
      }),
    ]);
    expect(result.problems).toEqual([]);
  });

  it('a server whose descriptions alone changed: patch (redocly: server-removed, major, and an added server)', async () => {
    const revision = edited('server-described', (s) => {
      const [server] = (s as unknown as { servers: Array<Record<string, any>> }).servers;
      server!['description'] = `${server!['description']} Regions: eu-de, eu-nl.`;
      delete server!['variables'].endpoint.description;
    });
    const result = await checkContract({
      revision,
      packageJson: write('pkg-server.json', { version: '1.0.0' }),
      changelog: write('changelog-server.md', CHANGELOG),
    });
    expect(result.changes).toEqual([
      expect.objectContaining({ where: '#/servers/0', impact: 'patch', rule: 'server-docs-changed' }),
      expect.objectContaining({ where: '#/servers/0', impact: 'patch', rule: 'server-docs-changed' }),
    ]);
    expect(result.changes.map((c) => c.redocly.impact).sort()).toEqual(['major', 'minor']);
    // A server whose URL changed stays major, whatever the descriptions.
    const moved = edited('server-moved', (s) => {
      (s as unknown as { servers: Array<Record<string, any>> }).servers[0]!['url'] = 'https://dms.example.invalid';
    });
    const other = await checkContract({
      revision: moved,
      packageJson: write('pkg-moved.json', { version: '1.0.0' }),
      changelog: write('changelog-moved.md', CHANGELOG),
    });
    expect(other.level).toBe('major');
    expect(other.changes.map((c) => c.rule)).not.toContain('server-docs-changed');
  });

  it('every change in the fixture specs belongs to one of the edits', () => {
    GROUPS.forEach((group, i) => {
      const expected = group.flatMap((c) => c.where).sort();
      expect(results[i]!.changes.map((change) => change.where).sort()).toEqual(expected);
    });
  });
});

// Each case is its own process: they run side by side.
describe.concurrent('the gate, as npm run check:contract runs it', () => {
  const gate = (args: string[]) => run('node', ['scripts/check-contract.mjs', ...args]);
  const lowered: Edit = (s) => (schemas(s)['ResetByOffset']!['properties'].message_offset.maximum = 1000);

  it('passes on the repository as it is', async () => {
    const run = await gate([]);
    expect(run.stdout + run.stderr).toMatch(/\nOK$/m);
    expect(run.code).toBe(0);
  });

  it('fails on a lowered maximum without a major bump, naming the rule and the version it needs', async () => {
    const run = await gate([
      '--revision',
      edited('lowered', lowered),
      '--package',
      write('pkg-lowered.json', { version: '1.0.0' }),
      '--changelog',
      write('changelog-lowered.md', CHANGELOG),
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'FAIL: the changes need a major release: version 2.0.0 or later over the released 1.0.0, but info.version is 1.0.0. Forced by: schema-constraint-changed.',
    );
    expect(run.stderr).toContain("Upper bound of `message_offset` changed from '<= 9007199254740991' to '<= 1000'.");
  });
});

// The gate's verdict on the same rated changes, without another redocly run each: the changes of one
// fixture edit (from the fixture specs above), judged against other versions and changelogs.
describe('the verdict on rated changes (releaseVerdict)', () => {
  const changesNamed = (name: string) => changesOf(CASES.find((c) => c.name === name)!);
  const verdict = (name: string, versions: { version: string; packageVersion?: string }, changelog = CHANGELOG) =>
    releaseVerdict({
      changes: changesNamed(name),
      released: '1.0.0',
      packageVersion: versions.version,
      ...versions,
      changelog,
      title: name,
    });
  const NO_ENTRY = '# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-12-01\n';

  it('fails on a minor bump for a major change too', () => {
    const result = verdict('a maximum lowered', { version: '1.1.0' });
    expect(result.problems).toEqual([
      'the changes need a major release: version 2.0.0 or later over the released 1.0.0, but info.version is 1.1.0. Forced by: schema-constraint-changed.',
    ]);
    expect(result.report).toContain('Bump it with `npm version major`');
  });

  it('passes the same edit with the major bump (info.version and package.json)', () => {
    const result = verdict('a maximum lowered', { version: '2.0.0' });
    expect(result.problems).toEqual([]);
    expect(result.report).toContain('major  schema-constraint-changed');
    expect(result.report).toMatch(/\nOK$/);
  });

  it('passes a description-only edit without a bump (and without a changelog entry)', () => {
    const result = verdict('a description changed', { version: '1.0.0' }, NO_ENTRY);
    expect(result.problems).toEqual([]);
    expect(result.report).toContain('patch  docs-changed');
    expect(result.report).toContain('Rated: patch (forced by docs-changed), which needs no version bump of its own');
  });

  it('fails when package.json and info.version differ, or a bumped change has no changelog entry', () => {
    const result = verdict('a maximum lowered', { version: '2.0.0', packageVersion: '1.0.0' }, NO_ENTRY);
    expect(result.problems).toEqual([
      "package.json's version 1.0.0 differs from the spec's info.version 2.0.0",
      'the contract changed (major), but CHANGELOG.md has no entry under "## [Unreleased]"',
    ]);
  });
});

it('the released spec is a bundled OpenAPI 3.1 document of a released version, in package.json’s line', () => {
  const spec = released();
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  expect(spec.info.version).toMatch(/^\d+\.\d+\.\d+$/);
  expect(JSON.stringify(spec)).not.toContain('"$ref":"./');
  expect(Number(pkg.version.split('.')[0])).toBeGreaterThanOrEqual(Number(spec.info.version.split('.')[0]));
});

describe('normalisePattern', () => {
  it.each([
    ['^[^\\u0000-\\u001F\\u007F]+$', '^[^\\x00-\\x1F\\x7F]+$'],
    ['\\u00e9', '\\xE9'],
    ['\\x7f', '\\x7F'],
    ['\\u4e2d', '\\u4E2D'],
    ['\\\\u0041', '\\\\u0041'],
    ['\\\\\\u0041', '\\\\\\x41'],
    ['\\d\\.\\u{41}', '\\d\\.\\u{41}'],
  ])('%s -> %s', (pattern, normal) => {
    expect(normalisePattern(pattern)).toBe(normal);
  });

  it('tells an escape from the character it stands for only where they mean the same', () => {
    expect(normalisePattern('^\\u0041$')).not.toBe(normalisePattern('^A$'));
    expect(normalisePattern('[\\u0000-\\u001f]')).not.toBe(normalisePattern('[\\u0000-\\u002f]'));
  });
});
