import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SyntaxCodes } from '../../src/diagnostics/index.js';
import { AnalysisCodes } from '../../src/analyzer/index.js';
import { RuntimeCodes } from '../../src/runtime/index.js';
import { TypeCodes } from '../../src/types/index.js';
import { CapabilityCodes } from '../../src/host/index.js';
import { ModuleCodes } from '../../src/runtime/modules.js';
import { PlanCodes } from '../../src/runtime/compile-plan.js';
import { ControlCodes } from '../../src/host/builtin/control.js';
import { CheckCodes } from '../../src/check/index.js';
import { CatalogCodes, LlmCodes, PlannerCodes } from '../../src/planner/index.js';
import { ReplCodes } from '../../src/cli/repl/session.js';
import { CompileCodes } from '../../src/compiler/index.js';
import { ConfigCodes } from '../../src/config/index.js';

const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
const documented = [...doc.matchAll(/^### `([a-z-]+\/[a-z-]+)`$/gm)].map((m) => m[1]);

/** Every code the implementation can report. */
const ALL: readonly string[] = [
  ...new Set([
    ...Object.values(SyntaxCodes),
    ...Object.values(AnalysisCodes),
    ...Object.values(RuntimeCodes),
    ...Object.values(TypeCodes),
    ...Object.values(CapabilityCodes),
    ...Object.values(ModuleCodes),
    ...Object.values(PlanCodes),
    ...Object.values(ControlCodes),
    ...Object.values(CheckCodes),
    ...Object.values(PlannerCodes),
    ...Object.values(CatalogCodes),
    ...Object.values(LlmCodes),
    ...Object.values(ReplCodes),
    ...Object.values(CompileCodes),
    ...Object.values(ConfigCodes),
    'capability/unavailable',
    'capability/pending',
    'replay/diverged',
    'runtime/unknown',
  ]),
];

describe('docs/errors.md', () => {
  it.each(ALL)('documents %s', (code) => {
    expect(documented).toContain(code);
  });

  it('documents no code that does not exist', () => {
    expect(documented.filter((c) => c !== undefined && !ALL.includes(c))).toEqual([]);
  });
});
