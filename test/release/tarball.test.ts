// The package as the registry and node_modules show it: the metadata that links back to the project,
// the changelog, and guides that are reachable. Every relative link in the shipped Markdown (README,
// CHANGELOG, docs/*.md) must lead to a file inside the tarball, and a #fragment to a heading there.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packedTarball } from '../support/consumer-project.js';
import { run } from '../support/index.js';
import { ROOT } from '../support/spec.js';

let unpacked: string;
beforeAll(async () => {
  const tarball = packedTarball();
  unpacked = mkdtempSync(join(tmpdir(), 'dms-unpacked-'));
  const untar = await run('tar', ['-xzf', tarball], { cwd: unpacked });
  expect(untar.code, untar.stderr).toBe(0);
  unpacked = join(unpacked, 'package');
}, 180_000);
afterAll(() => rmSync(dirname(unpacked), { recursive: true, force: true }));

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to dashes. */
function slug(heading: string): string {
  return heading
    .replace(/`/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, heading] of withoutCode(markdown).matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
    const base = slug(heading!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/** The text without fenced blocks and inline code, where brackets are not links. */
function withoutCode(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

function relativeLinks(markdown: string): string[] {
  return [...withoutCode(markdown).matchAll(/\]\(([^)\s]+)(?: "[^"]*")?\)/g)]
    .map((m) => m[1]!)
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

const shippedMarkdown = () => [
  'README.md',
  'CHANGELOG.md',
  ...readdirSync(join(unpacked, 'docs')).map((name) => `docs/${name}`),
];

describe('the packed tarball', () => {
  it('ships the changelog and every guide of docs/ (Markdown only)', () => {
    const guides = readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md'));
    expect(readdirSync(join(unpacked, 'docs')).sort()).toEqual(guides.sort());
    expect(readFileSync(join(unpacked, 'CHANGELOG.md'), 'utf8')).toMatch(/^## \[Unreleased\]$/m);
  });

  it('has repository, homepage, bugs and keywords in its package.json', () => {
    const pkg = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg['repository']).toEqual({ type: 'git', url: expect.stringMatching(/^git\+https:\/\/.+\.git$/) });
    expect(pkg['homepage']).toMatch(/^https:\/\//);
    expect(pkg['bugs']).toEqual({ url: expect.stringMatching(/^https:\/\/.+\/issues$/) });
    expect(pkg['keywords']).toEqual(expect.arrayContaining(['openapi', 'kafka']));
  });

  it('has links to check: the README reaches every guide', () => {
    const links = relativeLinks(readFileSync(join(unpacked, 'README.md'), 'utf8'));
    for (const guide of readdirSync(join(unpacked, 'docs'))) expect(links).toContain(`docs/${guide}`);
  });

  it('every relative link in the shipped Markdown resolves inside the package', () => {
    const broken: string[] = [];
    for (const file of shippedMarkdown()) {
      const text = readFileSync(join(unpacked, file), 'utf8');
      for (const link of relativeLinks(text)) {
        const [path, fragment] = link.split('#') as [string, string | undefined];
        const target = path === '' ? join(unpacked, file) : resolve(dirname(join(unpacked, file)), decodeURI(path));
        const inside = !relative(unpacked, target).startsWith('..');
        if (!inside || !existsSync(target)) {
          broken.push(`${file}: ${link} (no such file in the package)`);
        } else if (fragment && target.endsWith('.md') && !anchorsOf(readFileSync(target, 'utf8')).has(fragment)) {
          broken.push(`${file}: ${link} (no heading #${fragment})`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});
