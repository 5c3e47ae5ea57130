// Rates each change that `redocly diff` reports by this package's semver policy (docs/versioning.md).
//
// Redocly's rating is the starting point. Where it disagrees with the policy, the policy wins, and each
// such place is one named rule below (the same names are listed in docs/versioning.md). What redocly
// 2.77 gets wrong for this contract:
// - it does not know which side of the wire a bound is on for "widening": raising a request maximum,
//   lowering a minimum, removing a pattern is rated patch, but the contract then accepts more (minor);
// - it cannot compare regular expressions (every pattern change is major) nor read `not` (values
//   leaving a `not: {enum}` are "enum values removed", major, though the contract accepts more);
// - a removed property schema that accepts nothing (`{not: {}}`) is "property-removed" (major), though
//   with `additionalProperties: false` no verdict changes (it rates `false` patch, which agrees);
// - a changed `default`, a removed error example and a new `deprecated` are all patch to it;
// - a renamed component schema is patch to it, though the generated types lose the old name;
// - it matches servers by their whole object, so a changed description is "server-removed" (major);
// - a pattern whose escapes are only spelled differently (`\u0000` for `\x00`) is a change of pattern (major).
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';

export const LEVELS = /** @type {const} */ (['none', 'patch', 'minor', 'major']);

/** The policy's own rules: where they apply, the rating is theirs, whatever redocly said. */
export const POLICY_RULES = {
  'version-field': 'info.version itself is the version, not a change of the contract',
  'forbidden-property-removed':
    'a property schema that accepts nothing, removed where additionalProperties: false forbids it anyway: no verdict changes',
  'request-accepts-more': 'a request bound, pattern or enum widened: the contract accepts more',
  'request-accepts-less': 'a request bound, pattern or enum narrowed: a value that was valid is refused',
  'default-changed': 'a default changed: the request goes out differently',
  'deprecated-added': 'a deprecation is announced in a minor release',
  'error-example-removed': 'a documented error example removed: the mock can no longer answer with it',
  'schema-renamed': "a component schema renamed: the generated types name it (components['schemas'][name])",
  'server-docs-changed': 'only the descriptions of a server or its variables changed: the same URL and variables',
  'pattern-rewritten':
    'a pattern written differently with the same meaning (\\uXXXX and \\xXX escapes of one character)',
};

const atMost = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'];
const atLeast = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'];
const SAMPLES = 1000;

/** Whether a schema accepts no value at all (`false`, `{not: {}}`, `{not: true}`). */
export function acceptsNothing(schema) {
  if (schema === false) return true;
  if (!schema || typeof schema !== 'object' || Object.keys(schema).length !== 1) return false;
  const not = schema.not;
  return not === true || (typeof not === 'object' && not !== null && Object.keys(not).length === 0);
}

/** Reads a `#/a/b~1c` pointer in a document; undefined when it leads nowhere. */
export function resolvePointer(doc, pointer) {
  if (!pointer?.startsWith('#')) return undefined;
  let node = doc;
  for (const raw of pointer.slice(1).split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = node[raw.replaceAll('~1', '/').replaceAll('~0', '~')];
  }
  return node;
}

/**
 * Whether a pattern change lets more strings through ('more'), fewer ('less'), or neither is shown
 * ('unknown'). Regular expressions cannot be compared in general, so this samples: strings generated
 * from the old pattern that the new one refuses prove it narrower (any one is enough); failing that,
 * strings of the new pattern that the old one refused show it wider. The seed is fixed, so a run is
 * repeatable; a pattern fast-check cannot generate from stays 'unknown' (redocly's major stands).
 */
export function patternDirection(before, after) {
  try {
    const [old, now] = [new RegExp(before, 'u'), new RegExp(after, 'u')];
    const sample = (re) => fc.sample(fc.stringMatching(re), { numRuns: SAMPLES, seed: 20_250_101 });
    const refused = sample(old).find((s) => !now.test(s));
    if (refused !== undefined) return { direction: 'less', example: refused };
    const admitted = sample(now).find((s) => !old.test(s));
    return admitted !== undefined ? { direction: 'more', example: admitted } : { direction: 'unknown' };
  } catch {
    return { direction: 'unknown' };
  }
}

/**
 * A pattern with every escape of one character below U+0100 spelled `\xHH` (upper-case hex) and every
 * other `\uHHHH` in upper case: `^[^\u0000-\u001f]+$` and `^[^\x00-\x1F]+$` normalise to the same text.
 * They mean the same in ECMA-262 with or without the `u` flag. An escaped backslash stays one unit, so
 * `\\u0041` (a backslash, then `u0041`) is left as it is.
 */
export function normalisePattern(pattern) {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] !== '\\') {
      out += pattern[i];
      continue;
    }
    const u = /^u([0-9a-fA-F]{4})/.exec(pattern.slice(i + 1));
    const x = /^x([0-9a-fA-F]{2})/.exec(pattern.slice(i + 1));
    const hex = u?.[1] ?? x?.[1];
    if (hex !== undefined) {
      const code = parseInt(hex, 16);
      out += code < 0x100 ? `\\x${hex.slice(-2).toUpperCase()}` : `\\u${hex.toUpperCase()}`;
      i += hex.length + 1;
    } else {
      out += pattern.slice(i, i + 2);
      i += 1;
    }
  }
  return out;
}

/** Whether changing `keyword` from `before` to `after` makes a schema accept more, less, or unknown. */
export function constraintDirection(keyword, before, after) {
  const had = before !== undefined;
  const has = after !== undefined;
  if (atMost.includes(keyword) || atLeast.includes(keyword)) {
    if (!had || !has) return { direction: has ? 'less' : 'more' };
    if (before === after || typeof before !== 'number' || typeof after !== 'number') return { direction: 'unknown' };
    return { direction: after > before === atMost.includes(keyword) ? 'more' : 'less' };
  }
  if (keyword === 'pattern') {
    if (!had || !has) return { direction: has ? 'less' : 'more' };
    if (normalisePattern(before) === normalisePattern(after)) return { direction: 'same' };
    return patternDirection(before, after);
  }
  if (keyword === 'enum' || keyword === 'required') {
    const [old, now] = [new Set(before ?? []), new Set(after ?? [])];
    const lost = [...old].some((v) => !now.has(v));
    const gained = [...now].some((v) => !old.has(v));
    // An enum losing a value refuses it; a required list gaining a name refuses bodies without it.
    const narrower = keyword === 'enum' ? lost || !had : gained;
    const wider = keyword === 'enum' ? (gained && !lost) || !has : lost && !gained;
    return { direction: narrower ? 'less' : wider ? 'more' : 'unknown' };
  }
  if (keyword === 'additionalProperties') {
    if (before === false && after !== false) return { direction: 'more' };
    if (after === false && before !== false) return { direction: 'less' };
  }
  return { direction: 'unknown' };
}

function sideOf(path) {
  if (/\/responses(\/|$)/.test(path)) return 'response';
  if (/\/(requestBody|parameters)(\/|$)/.test(path)) return 'request';
  return 'document';
}

const segments = (path) => path.split('/');
const DOC_FIELDS = ['description', 'summary', 'title', 'examples', 'example', 'externalDocs', 'contact', 'license'];

/** A name for a change that no diff rule judged, e.g. 'docs-changed', 'request-property-added'. */
function defaultName(change) {
  if (DOC_FIELDS.includes(change.property) || change.path.includes('/x-codeSamples')) return 'docs-changed';
  const last = segments(change.path);
  const what = last.at(-2) === 'properties' ? 'property' : last.at(-2) === 'responses' ? 'response' : 'entry';
  return what === 'response' ? `response-${change.kind}` : `${sideOf(change.path)}-${what}-${change.kind}`;
}
const value = (end) => (end && 'value' in end ? end.value : undefined);

/** A server object without its own and its variables' descriptions (what a client never sees). */
function withoutDescriptions(server) {
  if (!server || typeof server !== 'object') return server;
  const { description: _description, variables, ...rest } = server;
  if (!variables) return rest;
  const vars = Object.fromEntries(
    Object.entries(variables).map(([name, { description: _d, ...variable }]) => [name, variable]),
  );
  return { ...rest, variables: vars };
}

/** The policy rule that rates this change, if one applies: { rule, impact, note? }. */
function policyVerdict(change, docs) {
  const { path, kind, property } = change;
  if (path === '#/info' && property === 'version') return { rule: 'version-field', impact: 'none' };

  // A never-matching property schema removed (reported as a removed property, or, for `false`, as a
  // changed entry of `properties`): harmless when additionalProperties: false refuses the name anyway.
  const basePointer = change.base?.pointer ?? '';
  const removedName =
    kind === 'removed' && segments(path).at(-2) === 'properties'
      ? segments(path).at(-1)
      : kind === 'modified' &&
          segments(path).at(-1) === 'properties' &&
          change.revision &&
          !('value' in change.revision)
        ? property
        : undefined;
  if (removedName !== undefined) {
    const parentPointer = basePointer.replace(/\/properties\/[^/]+$/, '');
    const removed = resolvePointer(docs.base, basePointer);
    const parent = resolvePointer(docs.revision, parentPointer);
    if (
      parentPointer !== basePointer &&
      acceptsNothing(removed) &&
      parent?.additionalProperties === false &&
      parent.patternProperties === undefined &&
      parent.properties?.[removedName] === undefined
    )
      return { rule: 'forbidden-property-removed', impact: 'patch' };
  }

  if (kind === 'modified' && property === 'key' && /^#\/components\/schemas\/[^/]+$/.test(path))
    return { rule: 'schema-renamed', impact: 'major' };
  if (change.typeName === 'Server' && /^#\/servers\/\d+$/.test(path) && (kind === 'removed' || kind === 'added')) {
    const server = value(kind === 'removed' ? change.base : change.revision);
    const others = (kind === 'removed' ? docs.revision : docs.base).servers ?? [];
    if (others.some((other) => isDeepStrictEqual(withoutDescriptions(other), withoutDescriptions(server))))
      return { rule: 'server-docs-changed', impact: 'patch' };
  }

  if (property === 'default') return { rule: 'default-changed', impact: 'major' };
  if (property === 'deprecated' && value(change.revision) === true)
    return { rule: 'deprecated-added', impact: 'minor' };
  if (kind === 'removed' && /\/responses\/[^/]+\/content\/[^/]+\/examples(\/[^/]+)?$/.test(path))
    return { rule: 'error-example-removed', impact: 'major' };

  if (sideOf(path) === 'request' && kind === 'modified' && property) {
    const found = constraintDirection(property, value(change.base), value(change.revision));
    if (found.direction === 'same') return { rule: 'pattern-rewritten', impact: 'patch' };
    if (found.direction === 'unknown') return undefined;
    // Inside an odd number of `not`s, accepting more of the inner schema means accepting less.
    const flipped = segments(path).filter((s) => s === 'not').length % 2 === 1;
    const more = (found.direction === 'more') !== flipped;
    const note = found.example === undefined ? undefined : `e.g. ${JSON.stringify(found.example)}`;
    return more
      ? { rule: 'request-accepts-more', impact: 'minor', note }
      : { rule: 'request-accepts-less', impact: 'major', note };
  }
  return undefined;
}

/**
 * Rates one change of redocly's JSON report. `docs` holds both parsed specs, for the rules that look
 * around the change. Returns where it is, redocly's rating, the policy's rating and the rule deciding it.
 */
export function rateChange(change, docs) {
  const redocly = { impact: change.impact, rules: change.verdicts.map((v) => v.ruleId) };
  const where = change.revision?.pointer ?? change.base?.pointer ?? change.path;
  const said = change.verdicts.map((v) => v.message).join(' ');
  const described = said || `${change.kind} ${change.property ? `\`${change.property}\`` : 'entry'}`;
  const policy = policyVerdict(change, docs);
  if (!policy || policy.impact === redocly.impact) {
    // Redocly's rating stands: named by its rule, or, for a change no rule judged, by what it is.
    const rule = redocly.rules.length > 0 ? redocly.rules.join(', ') : (policy?.rule ?? defaultName(change));
    return { where, impact: policy?.impact ?? redocly.impact, rule, message: described, redocly, overridden: false };
  }
  const message = [described, policy.note].filter(Boolean).join(' ');
  return { where, impact: policy.impact, rule: policy.rule, message, redocly, overridden: true };
}

/** The highest level among rated changes ('none' when there is none). */
export function bumpOf(rated) {
  return rated.reduce((level, c) => (LEVELS.indexOf(c.impact) > LEVELS.indexOf(level) ? c.impact : level), 'none');
}
