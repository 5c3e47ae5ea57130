// Pieces of a Markdown file, for the suites that keep the README and the guides true: fenced code
// blocks, a heading's section, and the sections the docs mark with `<!-- name: start/end -->`.

/** The bodies of the fenced code blocks of `lang` (```ts ... ```, fences at the start of a line), in order. */
export function codeBlocks(markdown: string, lang: string): string[] {
  const fence = new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\`$`, 'gm');
  return [...markdown.matchAll(fence)].map((match) => match[1]!);
}

/** The text before the first `## ` heading: a page's title and introduction. */
export function introduction(markdown: string): string {
  const first = markdown.search(/^## /m);
  return first < 0 ? markdown : markdown.slice(0, first);
}

/** The section under `heading` (e.g. '## Using the client'), up to the next heading of its level or above. */
export function headingSection(markdown: string, heading: string): string {
  const level = /^#+/.exec(heading)?.[0].length ?? 0;
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  if (level === 0 || start < 0) throw new Error(`no heading "${heading}"`);
  const next = lines.findIndex((line, i) => i > start && new RegExp(`^#{1,${level}} `).test(line));
  return lines.slice(start, next < 0 ? undefined : next).join('\n');
}

/** The text between `<!-- name: start -->` and `<!-- name: end -->`. */
export function markedSection(markdown: string, name: string): string {
  const match = new RegExp(`<!-- ${name}: start -->\\n([\\s\\S]*?)<!-- ${name}: end -->`).exec(markdown);
  if (!match) throw new Error(`no section marked ${name}`);
  return match[1]!;
}
