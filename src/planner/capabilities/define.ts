/** A planner capability: RTFS schemas for RunHost, zod for the typed view, data in and out. */
import type { ZodMiniType } from 'zod/mini';
import type { Capability, CapabilityContext, Effect } from '../../host/index.js';
import { RtfsError } from '../../runtime/index.js';
import type { Value } from '../../data/index.js';
import { PlannerCodes } from '../codes.js';
import { fromRtfs, toRtfs } from '../convert.js';
import { schemaReader } from './schema-parts.js';
import { PARTS } from './schemas.js';

export interface PlannerCapabilitySpec<T> {
  readonly id: string;
  readonly description: string;
  readonly input: string;
  readonly output: string;
  readonly effects?: readonly Effect[];
  readonly parse: ZodMiniType<T>;
  readonly run: (input: T, ctx: CapabilityContext, raw: Value) => unknown;
}

function issuePath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
}

/**
 * zod parses without its eval-compiled fast path: a planner run parses each schema a
 * few times, and compiling the fast path (`new Function` per object schema) cost more
 * than it saved (ADR 0031).
 */
const PARSE = { jitless: true } as const;

/** The typed view of `v`, or a `planner/bad-input` error naming the path. */
export function parseInput<T>(id: string, parse: ZodMiniType<T>, v: Value): T {
  const r = parse.safeParse(fromRtfs(v), PARSE);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new RtfsError(
      PlannerCodes.badInput,
      `${id}: bad input at ${i ? issuePath(i.path) || '(top)' : '(top)'}: ${i?.message ?? 'invalid'}`,
    );
  }
  return r.data;
}

/** Schema texts, their shared parts (the goal signals, plans, menus …) read once. */
const schema = schemaReader(PARTS);

export function plannerCapability<T>(spec: PlannerCapabilitySpec<T>): Capability {
  const i = schema(spec.input);
  const o = schema(spec.output);
  return {
    id: spec.id,
    description: spec.description,
    inputSchema: i.type,
    outputSchema: o.type,
    inputSchemaForm: i.form,
    outputSchemaForm: o.form,
    effects: spec.effects ?? ['pure'],
    standard: true,
    impl: (v, ctx) => toRtfs(spec.run(parseInput(spec.id, spec.parse, v), ctx, v)),
  };
}

/** Fails fast when a pinned catalog snapshot is not the catalog's (replay of a changed catalog). */
export function checkSnapshot(id: string, pinned: string | null | undefined, actual: string): void {
  if (pinned !== undefined && pinned !== null && pinned !== actual) {
    throw new RtfsError(
      PlannerCodes.catalogMismatch,
      `${id}: the catalog changed: the plan pins ${pinned}, the catalog is ${actual}`,
    );
  }
}
