/**
 * Type validators on RTFS values: zod 4 vs the closure validators of src/types
 * (docs/adr/0004-type-validators.md).
 *
 *   npx tsx bench/types/validators.ts            100k values, 9 runs
 *   npx tsx bench/types/validators.ts --quick    3 runs
 *
 * Bundled like the CLI (zod's numbers differ a lot between the two builds):
 *   npx esbuild bench/types/validators.ts --bundle --minify --platform=node \
 *     --format=esm --outfile=/tmp/v.mjs && node /tmp/v.mjs
 *
 * Type: [:map [:id :int] [:tags [:vector :keyword]] [:score [:and :float [:>= 0]]]]
 * Every engine must accept the valid values, reject the invalid ones and report the
 * same path (checked before timing). Engines:
 *
 * - closure:        compileValidator (src/types/compile.ts), the baseline.
 * - zod preprocess: each RTFS collection converted to a JS array/object one level at
 *                   a time (z.preprocess), then z.looseObject / z.array with z.custom
 *                   leaves: the idiomatic zod way, with zod's own paths.
 * - zod refine:     no conversion; z.custom guards plus superRefine that runs the
 *                   child schemas and re-bases their issue paths.
 * - toJS + zod:     the whole value converted to plain JS first (keywords and floats
 *                   kept boxed so :int/:float/:keyword stay distinct), then a plain
 *                   zod schema.
 */
import { z } from 'zod';
import { read } from '../../src/syntax/index.js';
import { type Value, Keyword, RFloat, RMap, RVector, float, kw } from '../../src/data/index.js';
import { compileValidator, formatPath, parseTypeExpr } from '../../src/types/index.js';
import { compare, formatTable, type Case, type Measured } from '../harness.js';

const N = 100_000;
const args = new Set(process.argv.slice(2));
const opts = { warmup: 2, runs: args.has('--quick') ? 3 : 9 };

const TYPE_TEXT = '[:map [:id :int] [:tags [:vector :keyword]] [:score [:and :float [:>= 0]]]]';

// ---- data ---------------------------------------------------------------------

const K_ID = kw('id');
const K_TAGS = kw('tags');
const K_SCORE = kw('score');
const TAGS = [kw('a'), kw('b'), kw('c'), kw('urgent'), kw('later')];

function makeValid(i: number): RMap {
  const tags = RVector.from([TAGS[i % 5] as Keyword, TAGS[(i + 1) % 5] as Keyword, TAGS[2]!]);
  return RMap.of(K_ID, i, K_TAGS, tags, K_SCORE, float((i % 1000) / 10));
}

/** Valid except that `:tags[1]` is a string. */
function makeInvalid(i: number): RMap {
  const tags = RVector.from([TAGS[i % 5] as Keyword, 'oops', TAGS[2]!]);
  return RMap.of(K_ID, i, K_TAGS, tags, K_SCORE, float(1.5));
}

const valid = Array.from({ length: N }, (_, i) => makeValid(i));
const invalid = Array.from({ length: N }, (_, i) => makeInvalid(i));

// ---- closure validator (src/types) ----------------------------------------------

const parsed = parseTypeExpr(read(TYPE_TEXT).forms[0] as Value);
if (!('type' in parsed)) throw new Error(parsed.diagnostic.message);
const closure = compileValidator(parsed.type);

// ---- zod schemas ----------------------------------------------------------------

const isInt = (v: unknown) => typeof v === 'number' || typeof v === 'bigint';
const isNum = (v: unknown) => isInt(v) || v instanceof RFloat;
const numValue = (v: unknown) => (v instanceof RFloat ? v.value : Number(v));

const zInt = z.custom<number | bigint>(isInt, { message: 'expected :int' });
const zKeyword = z.custom<Keyword>((v) => v instanceof Keyword, { message: 'expected :keyword' });
const zScore = z
  .custom<number | RFloat>(isNum, { message: 'expected :float' })
  .refine((v) => numValue(v) >= 0, { message: 'expected [:and :float [:>= 0]]' });

function rmapToObject(m: RMap): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  m.forEach((v, k) => {
    o[k instanceof Keyword ? k.name : String(k)] = v;
  });
  return o;
}

// 1. preprocess: convert one level at a time, then ordinary zod object/array schemas.
const zodPreprocess = z.preprocess(
  (v) => (v instanceof RMap ? rmapToObject(v) : v),
  z.looseObject({
    id: zInt,
    tags: z.preprocess((v) => (v instanceof RVector ? v.toArray() : v), z.array(zKeyword)),
    score: zScore,
  }),
);

// 2. refine: z.custom guards; superRefine runs the children and re-bases paths.
type Schema = z.ZodType;
function rebase(ctx: z.RefinementCtx, r: ReturnType<Schema['safeParse']>, step: string | number) {
  if (r.success) return;
  for (const iss of r.error.issues)
    ctx.addIssue({ code: 'custom', message: iss.message, path: [step, ...iss.path] });
}
function zVectorOf(el: Schema) {
  return z
    .custom<RVector>((v) => v instanceof RVector, { message: 'expected a vector' })
    .superRefine((v, ctx) => {
      for (let i = 0; i < v.count; i++) rebase(ctx, el.safeParse(v.get(i)), i);
    });
}
function zRecord(entries: readonly [Keyword, Schema][]) {
  return z
    .custom<RMap>((v) => v instanceof RMap, { message: 'expected a map' })
    .superRefine((m, ctx) => {
      for (const [k, s] of entries) {
        const x = m.get(k) ?? m.get(k.name);
        if (x === undefined)
          ctx.addIssue({ code: 'custom', message: `missing key :${k.name}`, path: [k.name] });
        else rebase(ctx, s.safeParse(x), k.name);
      }
    });
}
const zodRefine = zRecord([
  [K_ID, zInt],
  [K_TAGS, zVectorOf(zKeyword)],
  [K_SCORE, zScore],
]);

// 3. toJS + plain zod: deep conversion, then z.object / z.array.
function toJS(v: Value): unknown {
  if (v instanceof RVector) return v.toArray().map(toJS);
  if (v instanceof RMap) {
    const o: Record<string, unknown> = {};
    v.forEach((x, k) => {
      o[k instanceof Keyword ? k.name : String(k)] = toJS(x);
    });
    return o;
  }
  return v;
}
const zodPlain = z.looseObject({
  id: z.union([z.number().int(), z.bigint()]),
  tags: z.array(z.custom<Keyword>((v) => v instanceof Keyword)), // private constructor: no z.instanceof
  score: z
    .union([z.number(), z.bigint(), z.instanceof(RFloat)])
    .refine((v) => numValue(v) >= 0, { message: 'expected [:and :float [:>= 0]]' }),
});

// ---- engines ----------------------------------------------------------------------

interface Engine {
  readonly name: string;
  /** undefined when the value matches, else the first error path as text. */
  readonly check: (v: RMap) => string | undefined;
}

function zodPath(r: { success: boolean; error?: z.ZodError }): string | undefined {
  if (r.success) return undefined;
  const p = (r.error as z.ZodError).issues[0]?.path ?? [];
  return formatPath(p.map((s) => (typeof s === 'number' ? s : String(s))));
}

const engines: Engine[] = [
  {
    name: 'closure (src/types)',
    check: (v) => {
      const m = closure(v);
      return m === undefined ? undefined : formatPath(m.path);
    },
  },
  { name: 'zod preprocess', check: (v) => zodPath(zodPreprocess.safeParse(v)) },
  { name: 'zod refine', check: (v) => zodPath(zodRefine.safeParse(v)) },
  { name: 'toJS + zod', check: (v) => zodPath(zodPlain.safeParse(toJS(v))) },
];

// Correctness first: same verdicts and paths everywhere.
for (const e of engines) {
  for (let i = 0; i < 1000; i++) {
    const ok = e.check(valid[i] as RMap);
    const bad = e.check(invalid[i] as RMap);
    if (ok !== undefined) throw new Error(`${e.name} rejects a valid value at ${ok}`);
    if (bad !== '.tags[1]') throw new Error(`${e.name} reports ${String(bad)}, not .tags[1]`);
  }
  const neg = RMap.of(K_ID, 1, K_TAGS, RVector.EMPTY, K_SCORE, float(-1));
  if (e.check(neg) !== '.score') throw new Error(`${e.name} misses the [:>= 0] refinement`);
}

function run(e: Engine, data: readonly RMap[], expectOk: boolean): () => number {
  return () => {
    let bad = 0;
    for (let i = 0; i < data.length; i++) if (e.check(data[i] as RMap) !== undefined) bad++;
    if ((bad === 0) !== expectOk) throw new Error(`${e.name}: wrong verdicts`);
    return bad;
  };
}

function cases(workload: string, data: readonly RMap[], expectOk: boolean): [Case, Case[]] {
  const all = engines.map((e) => ({ workload, engine: e.name, run: run(e, data, expectOk) }));
  return [all[0] as Case, all.slice(1)];
}

const results: Measured[] = [];
for (const [workload, data, ok] of [
  [`${N / 1000}k valid`, valid, true],
  [`${N / 1000}k invalid (.tags[1])`, invalid, false],
] as const) {
  const [baseline, candidates] = cases(workload, data, ok);
  results.push(...compare(baseline, candidates, opts));
}

// For context: zod alone on data that is already plain JS (the JSON-boundary case;
// the conversion is done beforehand and not timed).
{
  const plain = valid.map(toJS);
  const workload = `${N / 1000}k valid, pre-converted`;
  results.push(
    ...compare(
      { workload, engine: 'closure (src/types)', run: run(engines[0] as Engine, valid, true) },
      [
        {
          workload,
          engine: 'zod on plain JS only',
          run: () => {
            for (let i = 0; i < plain.length; i++)
              if (!zodPlain.safeParse(plain[i]).success) throw new Error('rejected');
          },
        },
      ],
      opts,
    ),
  );
}

// One-time cost: parse + compile the type (closure) vs build the zod schema.
const typeForm = read(TYPE_TEXT).forms[0] as Value;
function perCall(f: () => unknown, n = 2000): number {
  for (let i = 0; i < 200; i++) f();
  const t = performance.now();
  for (let i = 0; i < n; i++) f();
  return ((performance.now() - t) * 1000) / n;
}
const compileUs = perCall(() => {
  const p = parseTypeExpr(typeForm);
  if ('type' in p) compileValidator(p.type);
});
const zodBuildUs = perCall(() =>
  z.looseObject({
    id: z.custom<number>(isInt),
    tags: z.preprocess((v) => v, z.array(z.custom<Keyword>((v) => v instanceof Keyword))),
    score: z.custom<number>(isNum).refine((v) => numValue(v) >= 0),
  }),
);

console.log(`node ${process.version}, ${N} values, type ${TYPE_TEXT}`);
console.log(formatTable(results));
console.log(
  results
    .map((r) => `${r.workload} / ${r.engine}: ${((r.medianMs * 1e6) / N).toFixed(0)} ns/value`)
    .join('\n'),
);
console.log(
  `parse + compile the type once: ${compileUs.toFixed(1)} µs; build the zod schema once: ${zodBuildUs.toFixed(1)} µs`,
);
