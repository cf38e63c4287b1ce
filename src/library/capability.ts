/**
 * Capabilities written in TypeScript (`defineCapability`): an id, effects, input and
 * output schemas, and an implementation that takes and returns plain JSON-like data
 * (`toPlain` / `fromPlain`: maps are objects, keywords strings). A schema is either an
 * RTFS type expression written as text (`'[:map [:city :string]]'`, checked by the
 * host like a `defcapability` schema and shown by `:caps` and catalogs) or any
 * Standard Schema (zod 4, valibot, arktype …: https://standardschema.dev), which also
 * gives `impl` its TypeScript types. An implementation may return a Promise: such a
 * capability runs with `runAsync`, where the evaluator waits for it (src/library/async.ts).
 */
import {
  type Plain,
  type Value,
  Keyword,
  RMap,
  RVector,
  fromPlain,
  toPlain,
} from '../data/index.js';
import { read } from '../syntax/index.js';
import { RtfsError } from '../runtime/index.js';
import { type Capability, type Effect, CapabilityCodes } from '../host/index.js';
import { parseTypeExpr, type TypeAst } from '../types/index.js';

/** The Standard Schema interface (v1), which zod 4, valibot and arktype implement. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (
      value: unknown,
    ) => StandardSchemaResult<Output> | Promise<StandardSchemaResult<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

export type StandardSchemaResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | {
      readonly issues: ReadonlyArray<{
        readonly message: string;
        readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
      }>;
    };

/** A schema: an RTFS type expression as text, or a Standard Schema (e.g. a zod schema). */
export type Schema = string | StandardSchemaV1;

/**
 * What an implementation may return without a Standard Schema: plain data, RTFS values
 * (`Keyword.of('high')`, an `RMap` …), or plain arrays and objects holding either.
 */
export type PlainOrValue =
  Value | readonly PlainOrValue[] | { readonly [key: string]: PlainOrValue };

/** What `impl` receives for a schema: the schema's output type, or plain data. */
export type SchemaOutput<S> = S extends StandardSchemaV1<unknown, infer O> ? O : Plain;
/** What `impl` returns for a schema: the schema's input type, or plain data and RTFS values. */
export type SchemaInput<S> = S extends StandardSchemaV1<infer I, unknown> ? I : PlainOrValue;

/** What an implementation gets besides its input. */
export interface CapabilityCallContext {
  /** The capability's id. */
  readonly id: string;
  /** Writes a line to the program's log (the runtime's `log` option, stderr by default). */
  log(text: string): void;
}

export interface CapabilitySpec<In extends Schema | undefined, Out extends Schema | undefined> {
  /** A dotted id: `app.weather`. */
  readonly id: string;
  readonly description?: string;
  /** Validates the call's input (converted to plain data) before `impl` runs. */
  readonly input?: In;
  /** Validates `impl`'s result before it goes back to the program. */
  readonly output?: Out;
  /** What the capability may do (default `['pure']`); dry runs simulate all but pure/read. */
  readonly effects?: readonly Effect[];
  readonly impl: (
    input: SchemaOutput<In>,
    ctx: CapabilityCallContext,
  ) => SchemaInput<Out> | Promise<SchemaInput<Out>>;
}

/** A capability defined in TypeScript, ready to give to `createRtfs` or `runAsync`. */
export interface CapabilityDefinition {
  readonly kind: 'capability-definition';
  readonly id: string;
  readonly description: string;
  readonly effects: readonly Effect[];
  /** The RTFS types of text schemas (checked by the host on every call). */
  readonly inputType: TypeAst | undefined;
  readonly outputType: TypeAst | undefined;
  readonly inputForm: Value | undefined;
  readonly outputForm: Value | undefined;
  /**
   * Runs the implementation on an RTFS value: converts it to plain data, validates it
   * with a Standard Schema, calls `impl`, validates and converts the result back.
   * Synchronous when `impl` is; a Promise otherwise.
   */
  invoke(input: Value, log: (text: string) => void): Value | Promise<Value>;
}

/** Defines a capability implemented in TypeScript (see the module comment). */
export function defineCapability<
  In extends Schema | undefined = undefined,
  Out extends Schema | undefined = undefined,
>(spec: CapabilitySpec<In, Out>): CapabilityDefinition {
  const input = typeSchema(spec.id, 'input', spec.input);
  const output = typeSchema(spec.id, 'output', spec.output);
  const inStd = typeof spec.input === 'object' ? spec.input : undefined;
  const outStd = typeof spec.output === 'object' ? spec.output : undefined;
  const impl = spec.impl as (input: unknown, ctx: CapabilityCallContext) => unknown;
  const finish = (result: unknown): Value | Promise<Value> => {
    if (outStd === undefined) return toValue(result);
    const v = validated(spec.id, outStd, result, CapabilityCodes.invalidOutput, 'output', (x) => x);
    return isPromise(v) ? v.then(toValue) : toValue(v);
  };
  return {
    kind: 'capability-definition',
    id: spec.id,
    description: spec.description ?? '',
    effects: spec.effects ?? ['pure'],
    inputType: input?.type,
    outputType: output?.type,
    inputForm: input?.form,
    outputForm: output?.form,
    invoke(value, log) {
      const ctx: CapabilityCallContext = { id: spec.id, log };
      const plain = toPlain(value);
      const result =
        inStd === undefined
          ? impl(plain, ctx)
          : validated(spec.id, inStd, plain, CapabilityCodes.invalidInput, 'input', (v) =>
              impl(v, ctx),
            );
      return isPromise(result) ? result.then(finish) : finish(result);
    },
  };
}

/** The host's view of a definition; `sync` refuses implementations that return a Promise. */
export function toHostCapability(d: CapabilityDefinition): Capability {
  return {
    id: d.id,
    description: d.description,
    inputSchema: d.inputType,
    outputSchema: d.outputType,
    ...(d.inputForm !== undefined ? { inputSchemaForm: d.inputForm } : {}),
    ...(d.outputForm !== undefined ? { outputSchemaForm: d.outputForm } : {}),
    effects: d.effects,
    impl: (input, ctx) => {
      const r = d.invoke(input, (t) => ctx.log(t));
      if (!isPromise(r)) return r;
      r.catch(() => undefined);
      throw new RtfsError(
        CapabilityCodes.failed,
        `capability '${d.id}' returned a Promise: run programs that call asynchronous capabilities with runAsync`,
      );
    },
  };
}

/** Plain data as RTFS data (`fromPlain`), keeping the RTFS values found in it as they are. */
export function toValue(x: unknown): Value {
  if (Array.isArray(x)) return RVector.from(x.map(toValue));
  if (typeof x === 'object' && x !== null) {
    const proto: unknown = Object.getPrototypeOf(x);
    if (proto !== Object.prototype && proto !== null) return x as Value;
    const flat: Value[] = [];
    for (const [k, v] of Object.entries(x)) flat.push(Keyword.of(k), toValue(v));
    return RMap.fromFlat(flat);
  }
  return fromPlain(x);
}

export function isPromise(v: unknown): v is Promise<unknown> {
  return (
    typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function'
  );
}

export function typeSchema(
  id: string,
  which: string,
  schema: Schema | undefined,
): { type: TypeAst; form: Value } | undefined {
  if (typeof schema !== 'string') return undefined;
  const r = read(schema, `<${id} ${which} schema>`);
  const form = r.forms[0];
  if (r.diagnostics.length > 0 || form === undefined || r.forms.length !== 1)
    throw new TypeError(
      `defineCapability ${id}: the ${which} schema is not one RTFS type expression: ${r.diagnostics[0]?.message ?? schema}`,
    );
  const t = parseTypeExpr(form);
  if ('diagnostic' in t)
    throw new TypeError(`defineCapability ${id}: ${which} schema: ${t.diagnostic.message}`);
  return { type: t.type, form };
}

/** Validates `value` with a Standard Schema, then continues with the validated value. */
function validated(
  id: string,
  schema: StandardSchemaV1,
  value: unknown,
  code: string,
  which: string,
  then: (v: unknown) => unknown,
): unknown {
  const fail = (issues: StandardSchemaResult<unknown>['issues']): never => {
    const text = (issues ?? [])
      .map((i) => {
        const path = (i.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)).join('.');
        return path === '' ? i.message : `${path}: ${i.message}`;
      })
      .join('; ');
    throw new RtfsError(code, `capability '${id}': invalid ${which}: ${text}`);
  };
  const r = schema['~standard'].validate(value);
  if (isPromise(r)) return r.then((x) => (x.issues !== undefined ? fail(x.issues) : then(x.value)));
  return r.issues !== undefined ? fail(r.issues) : then(r.value);
}
