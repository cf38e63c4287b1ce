/** `npm run eval:planner` (scripts/eval-planner/index.ts, eval/planner/README.md). */
import { main } from './eval-planner/index.js';

process.exitCode = main(process.argv.slice(2));
