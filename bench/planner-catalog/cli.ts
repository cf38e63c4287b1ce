/**
 * Writes a generated planner catalog (generate.ts) to stdout, or its goals:
 *
 *   tsx bench/planner-catalog/cli.ts 5000 [seed] > catalog.rtfs
 *   tsx bench/planner-catalog/cli.ts 5000 [seed] --goals
 */
import { catalogSource, generateCatalog, generatedGoals } from './generate.js';

const [nText = '64', seedText = '1'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const n = Number(nText);
const seed = Number(seedText);
if (!Number.isSafeInteger(n) || n < 2 || !Number.isSafeInteger(seed)) {
  process.stderr.write('usage: tsx bench/planner-catalog/cli.ts N [SEED] [--goals]\n');
  process.exit(2);
}
const caps = generateCatalog(n, seed);
if (process.argv.includes('--goals'))
  process.stdout.write(`${generatedGoals(caps, 8).join('\n')}\n`);
else
  process.stdout.write(
    catalogSource(
      caps,
      `A generated catalog of ${n} capabilities (seed ${seed}): bench/planner-catalog/generate.ts.\nRegenerate: tsx bench/planner-catalog/cli.ts ${n} ${seed}`,
    ),
  );
