/**
 * The planner's lexicon (src/planner/data/lexicon/*.json, versioned data, not code):
 * English verbs, nouns and their synonyms, comparison words, quantifiers, superlatives,
 * hints tying words to result fields, names of services no catalog may have, and
 * phrase rewrites; French, Spanish and German word and phrase tables that turn a goal
 * into the English the rules read; marker words of languages the template planner
 * refuses. Checked with zod by the tests (lexiconProblems), indexed once when first used.
 */
import * as z from 'zod/mini';
import '../../types/zod-english.js';
import en from '../data/lexicon/en.json' with { type: 'json' };
import fr from '../data/lexicon/fr.json' with { type: 'json' };
import es from '../data/lexicon/es.json' with { type: 'json' };
import de from '../data/lexicon/de.json' with { type: 'json' };
import refusals from '../data/lexicon/unsupported.json' with { type: 'json' };
import folded from '../data/lexicon/folded.json' with { type: 'json' };
import type { FoldedTables } from './fold-tables.js';
import { PhraseRewrite } from './phrase.js';

/*
 * The lexicon files' shapes. Built only when checked (the tests): constructing zod schemas
 * is not free, and a run trusts the bundled files (see {@link trusted}).
 */
const phraseZ = () => z.tuple([z.string(), z.string()]);

const englishZ = () =>
  z.object({
    format: z.literal('rtfs-planner-lexicon'),
    version: z.literal(1),
    language: z.literal('en'),
    verbs: z.record(z.string(), z.array(z.string())),
    families: z.record(z.string(), z.array(z.string())),
    vague_verbs: z.array(z.string()),
    vague_words: z.array(z.string()),
    nouns: z.record(z.string(), z.array(z.string())),
    implies: z.record(z.string(), z.array(z.string())),
    comparators: z.record(z.enum(['gt', 'ge', 'lt', 'le', 'eq', 'ne']), z.array(z.string())),
    none_words: z.array(z.string()),
    any_words: z.array(z.string()),
    quantifiers: z.array(z.string()),
    superlatives: z.record(
      z.string(),
      z.object({ fields: z.array(z.string()), order: z.enum(['asc', 'desc']), first: z.boolean() }),
    ),
    field_hints: z.record(z.string(), z.object({ fields: z.array(z.string()), text: z.string() })),
    measure_hints: z.record(z.string(), z.array(z.string())),
    services: z.array(z.string()),
    phrases: z.array(phraseZ()),
  });

const foreignZ = () =>
  z.object({
    format: z.literal('rtfs-planner-lexicon'),
    version: z.literal(1),
    language: z.string(),
    name: z.string(),
    markers: z.array(z.string()),
    phrases: z.array(phraseZ()),
    words: z.record(z.string(), z.string()),
    /** Pronouns joined to the end of a verb ("publícalos": publica + los → "them"). */
    clitics: z.optional(z.record(z.string(), z.string())),
  });

const refusalsZ = () =>
  z.object({
    format: z.literal('rtfs-planner-lexicon-refusals'),
    version: z.literal(1),
    languages: z.record(z.string(), z.array(z.string())),
  });

type English = z.infer<ReturnType<typeof englishZ>>;
type ForeignFile = z.infer<ReturnType<typeof foreignZ>>;

export type Comparator = 'gt' | 'ge' | 'lt' | 'le' | 'eq' | 'ne';

export interface Foreign {
  readonly code: string;
  readonly name: string;
  readonly markers: ReadonlySet<string>;
  readonly phrases: readonly PhraseRewrite[];
  /** Folded word (no accents) → English. */
  readonly words: ReadonlyMap<string, string>;
  /** Lower-case word, accents kept → English (wins over `words`: "ferme" vs "fermé"). */
  readonly exact: ReadonlyMap<string, string>;
  /** Verb suffix → English pronoun, longest first. */
  readonly clitics: readonly (readonly [string, string])[];
}

export interface Lexicon {
  /** Surface form (lower case, possibly several words) → canonical verb. */
  readonly verbs: ReadonlyMap<string, string>;
  /** Canonical verb → family. */
  readonly family: ReadonlyMap<string, string>;
  readonly vagueVerbs: readonly string[];
  readonly vagueWords: ReadonlySet<string>;
  /** Surface form → canonical noun. */
  readonly nouns: ReadonlyMap<string, string>;
  readonly implies: ReadonlyMap<string, readonly string[]>;
  /** Comparison phrases, longest first. */
  readonly comparators: readonly { readonly phrase: string; readonly op: Comparator }[];
  readonly noneWords: ReadonlySet<string>;
  readonly anyWords: ReadonlySet<string>;
  readonly quantifiers: ReadonlySet<string>;
  readonly superlatives: ReadonlyMap<
    string,
    { readonly fields: readonly string[]; readonly order: 'asc' | 'desc'; readonly first: boolean }
  >;
  readonly fieldHints: ReadonlyMap<
    string,
    { readonly fields: readonly string[]; readonly text: string }
  >;
  readonly measureHints: ReadonlyMap<string, readonly string[]>;
  readonly services: ReadonlySet<string>;
  readonly phrases: readonly PhraseRewrite[];
  readonly foreign: readonly Foreign[];
  /** Languages refused by the template planner: name → marker words. */
  readonly refused: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * True for text without a non-ASCII character. On such text `\p{L}` is `[A-Za-z]`, `\p{N}`
 * is `[0-9]`, no other script occurs and nothing decomposes, so the Unicode-property
 * patterns (slow to compile: ICU builds their sets) are not needed (ADR 0021).
 */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Every mark (`\p{M}`), compiled only for a word with a character outside U+0000–U+036F. */
let marks: RegExp | undefined;

/**
 * Lower case without accents: the key every table is looked up by. Below U+0300 no
 * character is a mark and U+0300–U+036F (Combining Diacritical Marks) are all marks, so a
 * decomposed Latin word — everything the lexicon holds, and any goal in its languages — is
 * stripped without the `\p{M}` pattern, whose Unicode set takes ~0.3 ms to build (ADR 0040).
 */
export function fold(word: string): string {
  // ASCII has no accents and no decomposition: only its case changes.
  if (isAscii(word)) return word.toLowerCase();
  const d = word.normalize('NFD');
  let out = '';
  let from = 0;
  for (let i = 0; i < d.length; i++) {
    const c = d.charCodeAt(i);
    if (c < 0x300) continue;
    if (c > 0x36f) return d.replace((marks ??= /\p{M}/gu), '').toLowerCase();
    out += d.slice(from, i);
    from = i + 1;
  }
  return (out + d.slice(from)).toLowerCase();
}

let cached: Lexicon | undefined;

/**
 * The lexicon files are bundled with the code (JSON imports), so they are checked where
 * the code is: by the tests, through {@link lexiconProblems}. Checking them with zod on
 * every run cost ~5 ms of each `rtfs plan` (ADR 0031).
 */
function trusted<T>(data: unknown): T {
  return data as T;
}

const FILES: readonly { file: string; schema: () => z.ZodMiniType; data: unknown }[] = [
  { file: 'en.json', schema: englishZ, data: en },
  { file: 'fr.json', schema: foreignZ, data: fr },
  { file: 'es.json', schema: foreignZ, data: es },
  { file: 'de.json', schema: foreignZ, data: de },
  { file: 'unsupported.json', schema: refusalsZ, data: refusals },
];

/** What is wrong with the bundled lexicon files (none: every test run checks it). */
export function lexiconProblems(): string[] {
  return FILES.flatMap(({ file, schema, data }) => {
    const r = schema().safeParse(data);
    return r.success
      ? []
      : r.error.issues.map((i) => `planner lexicon ${file}: ${i.path.join('.')}: ${i.message}`);
  });
}

/**
 * Indexes the lexicon. Every word a table is looked up by comes folded from folded.json,
 * which `npm run lexicon:fold` writes and the tests check (fold-tables.ts): folding
 * ~1,500 words on every run cost ~0.6 ms of `rtfs plan` (ADR 0040).
 */
function build(): Lexicon {
  const e = trusted<English>(en);
  const t = trusted<FoldedTables>(folded);
  const verbs = new Map<string, string>(t.verbs);
  const family = new Map<string, string>();
  for (const [fam, members] of Object.entries(e.families))
    for (const m of members) family.set(m, fam);
  const nouns = new Map<string, string>(t.nouns);
  const comparators = Object.entries(e.comparators)
    .flatMap(([op, phrases]) => phrases.map((phrase) => ({ phrase, op: op as Comparator })))
    .sort((a, b) => b.phrase.length - a.phrase.length || (a.phrase < b.phrase ? -1 : 1));
  const foreign = [fr, es, de].map((raw, i): Foreign => {
    const f = trusted<ForeignFile>(raw);
    const tables = t.foreign[i];
    if (tables?.code !== f.language) throw new Error(`folded.json: no tables for ${f.language}`);
    let phrases: readonly PhraseRewrite[] | undefined;
    let exact: ReadonlyMap<string, string> | undefined;
    return {
      code: f.language,
      name: f.name,
      markers: new Set(tables.markers),
      // Compiled when a goal in this language is translated: ~220 Unicode patterns that an
      // English goal never runs (ADR 0036).
      get phrases(): readonly PhraseRewrite[] {
        phrases ??= f.phrases.map(([p, r]) => new PhraseRewrite(p, r));
        return phrases;
      },
      words: new Map(tables.words),
      // Read only by translation (ADR 0038).
      get exact(): ReadonlyMap<string, string> {
        exact ??= new Map(Object.entries(f.words).map(([k, v]) => [k.toLowerCase(), v]));
        return exact;
      },
      clitics: Object.entries(f.clitics ?? {}).sort((a, b) => b[0].length - a[0].length),
    };
  });
  return {
    verbs,
    family,
    vagueVerbs: e.vague_verbs,
    vagueWords: new Set(e.vague_words),
    nouns,
    implies: new Map(Object.entries(e.implies)),
    comparators,
    noneWords: new Set(e.none_words),
    anyWords: new Set(e.any_words),
    quantifiers: new Set(e.quantifiers),
    superlatives: new Map(Object.entries(e.superlatives)),
    fieldHints: new Map(Object.entries(e.field_hints)),
    measureHints: new Map(Object.entries(e.measure_hints)),
    services: new Set(e.services),
    phrases: e.phrases.map(([p, r2]) => new PhraseRewrite(p, r2)),
    foreign,
    refused: new Map(Object.entries(t.refused).map(([k, v]) => [k, new Set(v)])),
  };
}

/** The lexicon (validated and indexed on first use). */
export function lexicon(): Lexicon {
  cached ??= build();
  return cached;
}
