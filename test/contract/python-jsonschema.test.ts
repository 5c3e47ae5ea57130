// The identifier and name schemas in a non-JavaScript engine: Python's jsonschema (Draft 2020-12, its
// `re` module), where `$` also matches before a final newline. Every value gets the verdict our shipped
// validators give it, so the contract means the same there: a trailing newline is refused everywhere.
// Python with jsonschema is Debian's python3-jsonschema (.ci/run installs it); where no python3 here
// imports jsonschema the suite skips locally with the reason, and fails when CI is set.
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateGroupSchema, validateInstanceIdSchema, validateProjectIdSchema } from '../../generated/validators.js';
import { schemaValidator } from '../support/ajv.js';
import { spec } from '../support/spec.js';

// Debian's interpreter first: a pyenv or venv python3 earlier on PATH may lack jsonschema.
const CANDIDATES = ['/usr/bin/python3', 'python3'];

function findPython(): { python?: string; missing?: string } {
  for (const python of CANDIDATES) {
    const probe = spawnSync(python, ['-c', 'import jsonschema'], { encoding: 'utf8' });
    if (probe.status === 0) return { python };
  }
  return {
    missing: `no python3 that imports jsonschema (tried ${CANDIDATES.join(', ')}): apt-get install -y python3-jsonschema`,
  };
}

// Reads {defs, cases: [[schema name, value], ...]} on stdin; prints one verdict per case (and, for
// InstanceId, the verdict with format assertion on: `format: uuid` must agree with the pattern).
const SCRIPT = String.raw`
import json, sys
import jsonschema
from jsonschema import Draft202012Validator as V
checker = getattr(V, "FORMAT_CHECKER", None) or jsonschema.draft202012_format_checker
job = json.load(sys.stdin)
def verdict(name, value, formats=False):
    schema = {"$defs": job["defs"], "$ref": "#/$defs/" + name}
    return V(schema, format_checker=checker if formats else None).is_valid(value)
print(json.dumps({
    "verdicts": [verdict(n, v) for n, v in job["cases"]],
    "withFormats": [verdict(n, v, True) for n, v in job["cases"]],
    "dollarBeforeNewline": V({"pattern": "^a$"}).is_valid("a\n"),
}))
`;

type Name = 'ProjectId' | 'InstanceId' | 'Group' | 'Topic';
const ok = (name: Name, value: string): [Name, string, boolean] => [name, value, true];
const bad = (name: Name, value: string): [Name, string, boolean] => [name, value, false];
const PROJECT = 'a4a5d4098fb4474fa22cd05f897d6b99';
const INSTANCE = '5d5ab6a3-cf61-4b3c-9a4c-f3f1e3a0b8c2';

const CASES: Array<[Name, string, boolean]> = [
  ok('ProjectId', PROJECT),
  bad('ProjectId', `${PROJECT}\n`),
  bad('ProjectId', PROJECT.toUpperCase()),
  bad('ProjectId', PROJECT.slice(1)),
  ok('InstanceId', INSTANCE),
  ok('InstanceId', INSTANCE.toUpperCase()),
  bad('InstanceId', `${INSTANCE}\n`),
  bad('InstanceId', `urn:uuid:${INSTANCE}`),
  bad('InstanceId', INSTANCE.replaceAll('-', '')),
  ok('Group', 'orders-consumer'),
  ok('Group', 'team/a b'),
  ok('Group', 'Gruppe-ü-主'),
  ok('Group', '...'),
  bad('Group', 'orders-consumer\n'),
  bad('Group', '\n'),
  bad('Group', '.'),
  bad('Group', '..'),
  bad('Group', ''),
  bad('Group', 'a\u0000b'),
  bad('Group', 'del\u007f'),
  ok('Topic', 'orders'),
  ok('Topic', 'Orders_2.v-1'),
  ok('Topic', 'a'.repeat(249)),
  ok('Topic', '...'),
  bad('Topic', 'orders\n'),
  bad('Topic', 'a'.repeat(250)),
  bad('Topic', '.'),
  bad('Topic', '..'),
  bad('Topic', ''),
  bad('Topic', 'team/orders'),
  bad('Topic', '主题'),
];

const SHIPPED: Record<Name, (value: unknown) => boolean> = {
  ProjectId: validateProjectIdSchema,
  InstanceId: validateInstanceIdSchema,
  Group: validateGroupSchema,
  // No validator of its own ships for the topic; the request validator holds it. This is the spec's.
  Topic: schemaValidator('Topic'),
};

const { python, missing } = findPython();
const skip = missing !== undefined && !process.env['CI'];
const title = "Python's jsonschema gives the identifier and name schemas our verdicts";
if (skip) console.warn(`SKIPPED ${title}: ${missing} (this fails when CI is set)`);

describe.skipIf(skip)(skip ? `${title} (SKIPPED: ${missing})` : title, () => {
  let answer: { verdicts: boolean[]; withFormats: boolean[]; dollarBeforeNewline: boolean };

  beforeAll(() => {
    if (python === undefined) throw new Error(`CI is set and Python's jsonschema is missing: ${missing}`);
    const defs = JSON.parse(JSON.stringify(spec.components.schemas).replaceAll('"#/components/schemas/', '"#/$defs/'));
    const run = spawnSync(python, ['-c', SCRIPT], {
      input: JSON.stringify({ defs, cases: CASES.map(([name, value]) => [name, value]) }),
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`${python} failed (${run.status}): ${run.stderr}`);
    answer = JSON.parse(run.stdout) as typeof answer;
  });

  it('runs an engine whose `$` matches before a final newline (so the newline cases prove something)', () => {
    expect(answer.dollarBeforeNewline).toBe(true);
  });

  it.each(CASES.map(([name, value, valid], i) => [name, JSON.stringify(value).slice(0, 40), valid, i] as const))(
    '%s %s -> valid=%s',
    (name, _label, valid, i) => {
      const value = CASES[i]![1];
      expect(SHIPPED[name](value), 'our validator').toBe(valid);
      expect(answer.verdicts[i], 'Python jsonschema').toBe(valid);
      // With format assertion on, `format: uuid` agrees with the pattern beside it.
      expect(answer.withFormats[i], 'Python jsonschema, formats asserted').toBe(valid);
    },
  );
});
