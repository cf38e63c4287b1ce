// Writes src/planner/data/lexicon/folded.json: the lexicon's tables with every word folded
// (src/planner/lexicon/fold-tables.ts, ADR 0040). Run after editing a lexicon file:
//   npm run lexicon:fold
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier';
import { foldTables } from '../src/planner/lexicon/fold-tables.js';

const file = fileURLToPath(new URL('../src/planner/data/lexicon/folded.json', import.meta.url));
writeFileSync(file, await format(JSON.stringify(foldTables()), { parser: 'json' }));
process.stdout.write(`wrote ${file}\n`);
