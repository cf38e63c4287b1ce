/**
 * The plans running in one runtime and their step results: the state both engines keep
 * while a plan runs (plan-support.ts works on it).
 */
import { type Value, type Keyword, RMap } from '../data/index.js';

export const PlanCodes = {
  missingInput: 'plan/missing-input',
  invalidInput: 'plan/invalid-input',
  invalidOutput: 'plan/invalid-output',
  stepNotRun: 'plan/step-not-run',
} as const;

export interface PlanFrame {
  readonly name: string;
  readonly inputs: RMap;
  /** Step id → value, for `(step-result "id")`. */
  readonly results: Map<string, Value>;
  /** Declarative steps' `:output` aliases, readable with `(get :alias)`. */
  readonly aliases: Map<string, Value>;
}

/** The plans running in one runtime, innermost last; the bottom frame is the top level. */
export class PlanStack {
  private readonly frames: PlanFrame[] = [
    { name: '<top>', inputs: RMap.EMPTY, results: new Map(), aliases: new Map() },
  ];

  get current(): PlanFrame {
    return this.frames[this.frames.length - 1] as PlanFrame;
  }

  push(f: PlanFrame): void {
    this.frames.push(f);
  }

  pop(): void {
    if (this.frames.length > 1) this.frames.pop();
  }

  /** A plan input or a step alias named `name`, or undefined. */
  contextValue(key: Keyword): Value | undefined {
    const f = this.current;
    return f.inputs.get(key) ?? f.aliases.get(key.name);
  }
}
