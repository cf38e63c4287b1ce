/**
 * `--input k=v` and `--input-json '{…}'` (or `--input-json FILE`): the inputs of a plan run. A value is read as
 * an RTFS literal when it is exactly one (`2`, `:k`, `[1 2]`, `"quoted"`), and taken as
 * a string otherwise (`goal=list open issues`).
 */
import { read } from '../reader.js';
import { type Value, Keyword, RList, RMap, RVector, Sym } from '../data/index.js';
import { parseConfigText, readConfigFile, shapeError } from '../config/index.js';
import { configErrorText } from './config-error.js';
import { UsageError } from './exit-codes.js';

export interface InputFlags {
  readonly input?: readonly string[];
  readonly inputJson?: string;
}

export function planInputs(flags: InputFlags): RMap | undefined {
  if (flags.input === undefined && flags.inputJson === undefined) return undefined;
  let m = RMap.EMPTY;
  if (flags.inputJson !== undefined) m = inputsFile(flags.inputJson);
  for (const item of flags.input ?? []) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`--input takes NAME=VALUE, got '${item}'`);
    m = m.assoc(Keyword.of(item.slice(0, eq)), inputValue(item.slice(eq + 1)));
  }
  return m;
}

/**
 * `--input-json`: a JSON object written inline (`'{"n": 2}'`), or the name of a file
 * holding a JSON object or an RTFS map (src/config/).
 */
function inputsFile(arg: string): RMap {
  const r = arg.trimStart().startsWith('{')
    ? parseConfigText(arg, '--input-json', 'json')
    : readConfigFile(arg, 'input file');
  if (!r.ok) throw new UsageError(configErrorText(r.diagnostics));
  if (!(r.value instanceof RMap))
    throw new UsageError(
      configErrorText([shapeError(r.span, 'plan inputs must be a JSON object or an RTFS map')]),
    );
  return r.value;
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
