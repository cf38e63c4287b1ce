/**
 * The builtin registry: every primitive table, keyed by RTFS name. Add a table here
 * when you add a file.
 */
import type { Builtin } from '../runtime/fn.js';
import type { BuiltinContext } from './context.js';
import { coreBuiltins } from './core.js';
import { orderBuiltins } from './order.js';
import { numberBuiltins } from './numbers.js';
import { predicateBuiltins } from './predicates.js';
import { stringBuiltins } from './strings.js';
import { regexBuiltins } from './regex.js';
import { formatBuiltins } from './format.js';
import { sequenceBuiltins } from './sequences.js';
import { sliceBuiltins } from './slices.js';
import { sortingBuiltins } from './sorting.js';
import { mapBuiltins } from './maps.js';
import { hofBuiltins } from './hof.js';
import { functionBuiltins } from './functions.js';
import { jsonBuiltins } from './json.js';
import { exceptionBuiltins } from './exceptions.js';
import { ioBuiltins } from './io.js';
import { seqExtraBuiltins } from './seq-extra.js';
import { boundedSeqBuiltins } from './bounded-seqs.js';
import { mapExtraBuiltins } from './maps-extra.js';
import { functionExtraBuiltins } from './functions-extra.js';
import { parseBuiltins } from './parse.js';
import { stringExtraBuiltins } from './string-extra.js';
import { stringAliases } from './string-aliases.js';
import { transientBuiltins } from './transients.js';

export type { BuiltinContext } from './context.js';

export function createBuiltins(ctx: BuiltinContext): Builtin[] {
  const table = [
    ...coreBuiltins,
    ...orderBuiltins,
    ...numberBuiltins,
    ...predicateBuiltins,
    ...stringBuiltins,
    ...regexBuiltins,
    ...formatBuiltins,
    ...sequenceBuiltins,
    ...sliceBuiltins,
    ...sortingBuiltins,
    ...mapBuiltins,
    ...hofBuiltins,
    ...functionBuiltins,
    ...jsonBuiltins,
    ...exceptionBuiltins,
    ...ioBuiltins(ctx),
    ...seqExtraBuiltins,
    ...boundedSeqBuiltins,
    ...mapExtraBuiltins,
    ...functionExtraBuiltins,
    ...parseBuiltins,
    ...stringExtraBuiltins,
    ...transientBuiltins,
  ];
  return [...table, ...stringAliases(table)];
}
