import { describe, expect, it } from 'vitest';
import { printValue } from '../../src/data/index.js';
import { read } from '../../src/syntax/index.js';
import { parseTypeExpr, type TypeAst } from '../../src/types/index.js';
import type { Capability } from '../../src/host/index.js';
import { simulatedValue } from '../../src/host/simulate.js';

function cap(schema: string | undefined): Capability {
  let outputSchema: TypeAst | undefined;
  if (schema !== undefined) {
    const r = parseTypeExpr(read(schema).forms[0] ?? null);
    if ('diagnostic' in r) throw new Error(r.diagnostic.message);
    outputSchema = r.type;
  }
  return {
    id: 'svc.x',
    description: '',
    inputSchema: undefined,
    outputSchema,
    effects: ['network'],
    impl: () => null,
  };
}

const sim = (schema: string | undefined): string => printValue(simulatedValue(cap(schema), 'in'));

describe('dry-run simulated values', () => {
  it('keep the marker map without a schema, or for :nil and :any', () => {
    const marker = '{:simulated true :capability "svc.x" :input "in"}';
    expect(sim(undefined)).toBe(marker);
    expect(sim(':nil')).toBe(marker);
    expect(sim(':any')).toBe(marker);
  });

  it('shape records by their required keys, plus the marker keys', () => {
    expect(
      sim(
        '[:map [:issues [:vector :map]] [:n :int] [:ok :bool] [:why {:optional true} :string] [:data :any]]',
      ),
    ).toBe('{:issues [] :n 0 :ok false :data [] :simulated true :capability "svc.x" :input "in"}');
    expect(sim('[:map [:status [:enum "open" "closed"]] [:f :float] [:k :keyword]]')).toBe(
      '{:status "open" :f 0.0 :k :simulated :simulated true :capability "svc.x" :input "in"}',
    );
  });

  it('sample scalars, collections and unions', () => {
    expect(sim(':string')).toBe('"simulated svc.x"');
    expect(sim('[:vector :int]')).toBe('[]');
    expect(sim('[:union :int :string]')).toBe('0');
    expect(sim('[:tuple :int :string]')).toBe('[0 "simulated svc.x"]');
    expect(sim('[:map-of :string :int]')).toBe('{}');
  });
});
