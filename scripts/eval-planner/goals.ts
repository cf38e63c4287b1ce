/** The evaluation's goals (eval/planner/goals.rtfs): RTFS data, checked with zod. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { toPlain } from '../../src/data/index.js';
import { read } from '../../src/syntax/index.js';

const Literal = z.union([z.string(), z.number(), z.boolean()]);

const GoalZ = z
  .object({
    id: z.string().min(1),
    catalog: z.enum(['default', 'shop', 'travel']),
    goal: z.string().min(1),
    expect: z.enum(['plan', 'gap', 'ask', 'unsupported']),
    calls: z.array(z.string()).optional(),
    'not-calls': z.array(z.string()).optional(),
    args: z.array(z.tuple([z.string(), z.string(), Literal])).optional(),
    mentions: z.array(Literal).optional(),
    condition: z.array(z.union([z.tuple([z.string()]), z.tuple([z.string(), Literal])])).optional(),
    iteration: z.array(z.string()).optional(),
    filter: z.array(z.union([z.tuple([z.string()]), z.tuple([z.string(), Literal])])).optional(),
    sort: z.string().optional(),
    inputs: z.array(z.string()).optional(),
    gap: z.string().optional(),
  })
  .strict();

export type EvalGoal = z.infer<typeof GoalZ>;

export const EVAL_DIR = join(new URL('../../', import.meta.url).pathname, 'eval/planner');

export const CATALOG_FILES: Readonly<Record<EvalGoal['catalog'], string>> = {
  default: 'examples/catalogs/default.rtfs',
  shop: 'examples/catalogs/shop.rtfs',
  travel: 'examples/catalogs/travel.rtfs',
};

/** The goals of `file` (default: eval/planner/goals.rtfs); throws with the offending goal on bad data. */
export function loadGoals(file = join(EVAL_DIR, 'goals.rtfs')): EvalGoal[] {
  const r = read(readFileSync(file, 'utf8'), file);
  if (r.diagnostics.length > 0)
    throw new Error(`${file}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  const data = toPlain(r.forms[0] ?? null);
  if (!Array.isArray(data)) throw new Error(`${file}: expected one vector of goals`);
  const seen = new Set<string>();
  return data.map((g, i) => {
    const p = GoalZ.safeParse(g);
    if (!p.success)
      throw new Error(
        `${file}: goal ${i}: ${p.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`,
      );
    if (seen.has(p.data.id)) throw new Error(`${file}: duplicate goal id ${p.data.id}`);
    seen.add(p.data.id);
    return p.data;
  });
}
