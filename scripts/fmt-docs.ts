/**
 * Formats the ```rtfs examples of docs/*.md with rtfs fmt's formatter (blocks with
 * deliberate syntax errors are left as they are). `--check` only reports the files
 * whose examples are not formatted (exit 1). test/format/docs.test.ts checks this.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatSource } from '../src/format/index.js';

export const DOCS_DIR = join(import.meta.dirname, '..', 'docs');
const BLOCK = /```rtfs\n([\s\S]*?)```/g;

/** The doc text with every readable example formatted. */
export function formatExamples(text: string): string {
  return text.replace(BLOCK, (whole, code: string) => {
    const r = formatSource(code);
    return r.ok ? `\`\`\`rtfs\n${r.text}\`\`\`` : whole;
  });
}

export function docFiles(): string[] {
  return readdirSync(DOCS_DIR)
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(DOCS_DIR, f));
}

if (process.argv[1]?.endsWith('fmt-docs.ts')) {
  const check = process.argv.includes('--check');
  let bad = 0;
  for (const file of docFiles()) {
    const text = readFileSync(file, 'utf8');
    const out = formatExamples(text);
    if (out === text) continue;
    bad++;
    if (check) console.log(file);
    else writeFileSync(file, out);
  }
  if (check && bad > 0) process.exit(1);
}
