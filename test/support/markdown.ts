/** Code samples in Markdown documents, for tests that run them. */

/** The bodies of the fenced blocks of `lang` (```ts … ```), in order. */
export function codeBlocks(markdown: string, lang: string): string[] {
  const fence = new RegExp('^```' + lang + '\\n([\\s\\S]*?)^```', 'gm');
  return [...markdown.matchAll(fence)].map((m) => m[1] as string);
}

/** The text of the `## title` section (up to the next heading of the same level or higher). */
export function markdownSection(markdown: string, title: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => /^#{1,6} /.test(l) && l.replace(/^#+ /, '') === title);
  if (start < 0) throw new Error(`no section '${title}'`);
  const level = (lines[start] as string).indexOf(' ');
  let end = start + 1;
  while (end < lines.length) {
    const m = /^(#+) /.exec(lines[end] as string);
    if (m && (m[1] as string).length <= level) break;
    end++;
  }
  return lines.slice(start, end).join('\n');
}
