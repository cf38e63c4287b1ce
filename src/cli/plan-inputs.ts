/**
 * `--input k=v` and `--input-json '{…}'`: the inputs of a plan run. A value is read as
 * an RTFS literal when it is exactly one (`2`, `:k`, `[1 2]`, `"quoted"`), and taken as
 * a string otherwise (`goal=list open issues`).
 */
import { read } from '../reader.js';
import { type Value, Keyword, RList, RMap, RVector, Sym, fromPlain } from '../data/index.js';
import { UsageError } from './exit-codes.js';

export interface InputFlags {
  readonly input?: readonly string[];
  readonly inputJson?: string;
}

export function planInputs(flags: InputFlags): RMap | undefined {
  if (flags.input === undefined && flags.inputJson === undefined) return undefined;
  let m = RMap.EMPTY;
  if (flags.inputJson !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(flags.inputJson);
    } catch (e) {
      throw new UsageError(`--input-json is not valid JSON: ${(e as Error).message}`);
    }
    const v = fromPlain(parsed);
    if (!(v instanceof RMap)) throw new UsageError('--input-json must be a JSON object');
    m = v;
  }
  for (const item of flags.input ?? []) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`--input takes NAME=VALUE, got '${item}'`);
    m = m.assoc(Keyword.of(item.slice(0, eq)), inputValue(item.slice(eq + 1)));
  }
  return m;
}

/** The RTFS literal `text` is, or `text` itself. */
export function inputValue(text: string): Value {
  const r = read(text, '<input>');
  if (r.diagnostics.length > 0 || r.forms.length !== 1) return text;
  const v = r.forms[0] as Value;
  return isLiteral(v) ? v : text;
}

function isLiteral(v: Value): boolean {
  if (v instanceof Sym || v instanceof RList) return false;
  if (v instanceof RVector) return [...v].every(isLiteral);
  if (v instanceof RMap) return v.toFlat().every(isLiteral);
  return true;
}
