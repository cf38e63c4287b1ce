/** The input and output shape of a menu entry, derived from its schema forms. */
import { PRIM, type TypeAst } from '../../types/index.js';
import { recordOf, typeOf, type InputInfo } from '../catalog/index.js';
import type { MenuEntry, PlanStep } from '../types.js';

export interface OutInfo {
  readonly alias: string;
  readonly source: string;
  readonly type: TypeAst;
}

export interface Shape {
  readonly inputs: readonly InputInfo[];
  readonly outs: readonly OutInfo[];
  readonly known: boolean;
}

/** The source `.` means the step's whole value. */
export const WHOLE = '.';

export function shapeOf(m: MenuEntry | undefined): Shape {
  if (m === undefined)
    return { inputs: [], outs: [{ alias: 'result', source: WHOLE, type: PRIM.any }], known: false };
  const inT = typeOf(m.input_schema);
  const outT = typeOf(m.output_schema);
  const rec = recordOf(inT);
  const inputs = (rec?.entries ?? []).map((e) => ({
    name: e.key.name,
    type: e.type,
    optional: e.optional || e.type.kind === 'optional',
  }));
  const outRec = outT.kind === 'map' ? outT : undefined;
  const outs =
    outRec !== undefined && outRec.entries.length > 0
      ? outRec.entries.map((e) => ({ alias: e.key.name, source: e.key.name, type: e.type }))
      : [{ alias: 'result', source: WHOLE, type: outT }];
  return { inputs, outs, known: true };
}

/** A built step with the types of its outputs (for binding later steps). */
export interface Built {
  readonly step: PlanStep;
  /** Its outputs; for a per-item step, the outputs of one item's call. */
  readonly outs: readonly OutInfo[];
  /** True for a per-item step. */
  readonly each?: boolean;
}
