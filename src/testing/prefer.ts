// The Prefer header of a consumer's test scenario (`Prefer: code=404, example=InstanceNotFound`),
// checked against the spec before Prism sees it: a mistyped scenario must fail loudly, not be answered
// with a 204 (an example Prism cannot find) or with Prism's own "no such response" document.
import type { DocumentedResponses } from './bundled-spec.js';

export type PreferCheck =
  /** No Prefer header (or an empty one). */
  | { readonly kind: 'none' }
  /** A documented scenario; `forward` is the Prefer header to give Prism, in the form it reads. */
  | { readonly kind: 'scenario'; readonly forward: string }
  /** A scenario the spec does not document: what was asked, why it cannot be served, what exists. */
  | {
      readonly kind: 'setup-error';
      readonly asked: string;
      readonly detail: string;
      readonly documented: Readonly<Record<string, readonly string[]>>;
    };

const SUPPORTED = ['code', 'example'];

/** `name=value` pairs (RFC 7240: names are case-insensitive, values may be quoted). */
function preferences(header: string): Array<{ name: string; value: string | undefined; raw: string }> {
  return header
    .split(',')
    .map((raw) => raw.trim())
    .filter((raw) => raw !== '')
    .map((raw) => {
      const eq = raw.indexOf('=');
      const name = (eq < 0 ? raw : raw.slice(0, eq)).trim().toLowerCase();
      const value =
        eq < 0
          ? undefined
          : raw
              .slice(eq + 1)
              .trim()
              .replace(/^"(.*)"$/, '$1');
      return { name, value, raw };
    });
}

function list(names: readonly string[]): string {
  return names.length === 0 ? 'none' : names.join(', ');
}

/** Checks a Prefer header against the documented responses. */
export function checkPrefer(header: string | undefined, documented: DocumentedResponses): PreferCheck {
  if (header === undefined || header.trim() === '') return { kind: 'none' };
  const asked = header.trim();
  const all = Object.fromEntries(documented);
  const fail = (detail: string, only?: string): PreferCheck => ({
    kind: 'setup-error',
    asked,
    detail,
    documented: only !== undefined && documented.has(only) ? { [only]: documented.get(only) ?? [] } : all,
  });
  const chosen = new Map<string, string>();
  for (const { name, value, raw } of preferences(header)) {
    if (!SUPPORTED.includes(name) || value === undefined || value === '' || value.includes(';')) {
      return fail(
        `Prefer "${raw}" is not something the mock supports: it takes code=<status> and example=<name> (of the spec's documented responses), nothing else.`,
      );
    }
    const before = chosen.get(name);
    if (before !== undefined && before !== value) return fail(`Prefer names ${name} twice (${before} and ${value}).`);
    chosen.set(name, value);
  }
  const code = chosen.get('code');
  const example = chosen.get('example');
  if (code !== undefined && !documented.has(code)) {
    return fail(
      `Prefer asks for status ${code}, which the spec does not document; it documents ${list([...documented.keys()])}.`,
    );
  }
  if (example !== undefined) {
    if (code === undefined) {
      const statuses = [...documented].filter(([, names]) => names.includes(example)).map(([status]) => status);
      const hint =
        statuses.length > 0
          ? `it is an example of status ${statuses.join(', ')}: send Prefer: code=${statuses[0]}, example=${example}.`
          : 'the spec has no example of that name.';
      return fail(
        `Prefer names example=${example} without a code, so Prism would look for it among the 2xx answers, which have none; ${hint}`,
      );
    }
    const names = documented.get(code) ?? [];
    if (!names.includes(example)) {
      const sameButCase = names.find((n) => n.toLowerCase() === example.toLowerCase());
      const hint = sameButCase ? ` Did you mean ${sameButCase}? Example names are case-sensitive.` : '';
      return fail(
        `Prefer asks for example ${example} of status ${code}, which the spec does not document; status ${code} has: ${list(names)}.${hint}`,
        code,
      );
    }
    return { kind: 'scenario', forward: `code=${code}, example=${example}` };
  }
  return code === undefined ? { kind: 'none' } : { kind: 'scenario', forward: `code=${code}` };
}
