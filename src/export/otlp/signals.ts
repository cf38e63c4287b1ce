/**
 * Chain records → span signals: plain data (start a span, end it, add an event) that
 * the span builder (span-builder.ts) turns into OpenTelemetry SDK spans. Kept free of
 * the SDK so the live exporter can make them on the main thread, cheaply, and post them
 * to its worker. Records are fed in seq order, one at a time, as the chain has them
 * (a finished log, or each append of a live run).
 *
 * Identity: a run is one trace whose id is the run id (a UUIDv7: exactly 128 bits); a
 * span's id is the first 64 bits of SHA-256 of its opening record's id. Both are
 * deterministic, so exporting the same chain twice gives the same ids.
 */
import { hash } from 'node:crypto';
import { type Value, Keyword, RFloat, RMap, printValue } from '../../data/index.js';
import {
  type ChainRecord,
  argsHash,
  callEffects,
  canonicalResult,
  closesSpan,
  isLlmCall,
  metaField,
  opensSpan,
  sha256Hex,
} from '../../audit/index.js';
import { ATTR } from './attributes.js';

export type AttrValue = string | number | boolean | string[];
export type Attrs = { [name: string]: AttrValue };

export type SpanSignal =
  | {
      readonly op: 'start';
      readonly key: string;
      /** The parent span's key (undefined for a run). */
      readonly parent: string | undefined;
      readonly traceId: string;
      readonly spanId: string;
      readonly name: string;
      readonly kind: 'internal' | 'client';
      /** Epoch ms. */
      readonly time: number;
      readonly attrs: Attrs;
    }
  | {
      readonly op: 'end';
      readonly key: string;
      readonly time: number;
      readonly attrs: Attrs;
      /** A better name known only at the end (an LLM call's model). */
      readonly name?: string;
      readonly error?: { readonly code: string; readonly message: string };
    }
  | {
      readonly op: 'event';
      readonly key: string;
      readonly name: string;
      readonly time: number;
      readonly attrs: Attrs;
    };

export interface SignalOptions {
  /** Add the decoded arguments and results (printed as RTFS) as attributes. */
  readonly includeValues?: boolean;
  /** The chain's id (ChainOpened), when known up front (live export). */
  readonly chainId?: string;
}

const hex = (text: string, chars: number): string => hash('sha256', text).slice(0, chars);

/** The trace id of a run: its UUID's 32 hex digits, else a hash of the id. */
export function traceIdOf(runId: string): string {
  const h = runId.replace(/-/g, '').toLowerCase();
  return /^[0-9a-f]{32}$/.test(h) && !/^0+$/.test(h) ? h : hex(runId, 32);
}

/** The span id of the span a record opens. */
export function spanIdOf(recordId: string): string {
  return hex(recordId, 16);
}

const k = (n: string): Keyword => Keyword.of(n);

function get(v: Value | undefined, key: string): Value | undefined {
  return v instanceof RMap ? v.get(k(key)) : undefined;
}

function put(attrs: Attrs, name: string, v: Value | undefined): void {
  if (typeof v === 'string' || typeof v === 'boolean') attrs[name] = v;
  else if (typeof v === 'number') attrs[name] = v;
  else if (v instanceof RFloat) attrs[name] = v.value;
}

interface Open {
  readonly llm: boolean;
  readonly kind: 'plan' | 'step' | 'call';
}

/** Turns records into span signals; remembers which spans are open. */
export class SignalMaker {
  private readonly open = new Map<string, Open>();
  private chainId: string | undefined;

  constructor(private readonly opts: SignalOptions = {}) {
    this.chainId = opts.chainId;
  }

  /** The signals of one record (in seq order). */
  signals(r: ChainRecord): SpanSignal[] {
    const a = r.action;
    if (a.type === 'ChainOpened' && typeof a.data?.chain_id === 'string')
      this.chainId = a.data.chain_id;
    if (a.run === null) return [];
    const kind = opensSpan(a.type);
    if (kind !== undefined) return [this.start(r, kind)];
    if (closesSpan(a.type) && a.parent !== null && this.open.has(a.parent))
      return [this.end(r, this.open.get(a.parent) as Open)];
    const key = a.parent !== null && this.open.has(a.parent) ? a.parent : a.run;
    if (!this.open.has(key)) return [];
    return [this.event(r, key)];
  }

  /** Ends every span still open (a run that stopped without its closing records). */
  finish(time: number): SpanSignal[] {
    const keys = [...this.open.keys()].reverse();
    this.open.clear();
    return keys.map((key) => ({
      op: 'end' as const,
      key,
      time,
      attrs: { [ATTR.status]: 'no-result' },
    }));
  }

  private start(r: ChainRecord, kind: 'plan' | 'step' | 'call'): SpanSignal {
    const a = r.action;
    const run = a.run as string;
    const llm = kind === 'call' && isLlmCall(r);
    const attrs: Attrs = {
      [ATTR.kind]: llm ? 'llm' : kind,
      [ATTR.recordId]: a.id,
      [ATTR.seq]: r.seq,
      [ATTR.callPath]: a.callPath ?? '',
    };
    if (r.hash !== '') attrs[ATTR.hash] = r.hash;
    let name: string;
    let parent: string | undefined;
    if (kind === 'plan') {
      name = `plan ${a.name ?? ''}`.trim();
      attrs[ATTR.runId] = run;
      attrs[ATTR.planName] = a.name ?? '';
      if (this.chainId !== undefined) attrs[ATTR.chainId] = this.chainId;
      put(attrs, ATTR.goal, metaField(r, 'goal'));
      put(attrs, ATTR.catalogSnapshot, get(metaField(r, 'catalog'), 'snapshot'));
      put(attrs, ATTR.metaPlanHash, metaField(r, 'meta_plan_hash'));
      this.open.set(a.id, { llm, kind });
      return {
        op: 'start',
        key: a.id,
        parent: undefined,
        traceId: traceIdOf(run),
        spanId: spanIdOf(a.id),
        name,
        kind: 'internal',
        time: a.ts,
        attrs,
      };
    } else {
      parent = a.parent !== null && this.open.has(a.parent) ? a.parent : run;
      if (kind === 'step') {
        name = `step ${a.name ?? ''}`;
        attrs[ATTR.stepName] = a.name ?? '';
      } else {
        name = llm ? 'chat' : (a.name ?? 'call');
        attrs[ATTR.capability] = a.name ?? '';
        const effects = callEffects(r);
        if (effects.length > 0) attrs[ATTR.effects] = effects;
        const decision = metaField(r, 'decision');
        if (decision instanceof Keyword) attrs[ATTR.decision] = decision.name;
        put(attrs, ATTR.rule, metaField(r, 'rule'));
        if (a.args !== undefined || a.argsHash !== undefined)
          attrs[ATTR.argsHash] = a.argsHash ?? argsHash(a.args as Value);
        if (llm) {
          attrs[ATTR.genAiOperation] = 'chat';
          put(attrs, ATTR.genAiRequestTemperature, get(a.args, 'temperature'));
          put(attrs, ATTR.genAiRequestMaxTokens, get(a.args, 'max_tokens'));
          put(attrs, ATTR.llmPurpose, get(a.args, 'purpose'));
          put(attrs, ATTR.llmPromptVersion, get(a.args, 'prompt_version'));
          const prompt = get(a.args, 'prompt');
          if (this.opts.includeValues === true && typeof prompt === 'string')
            attrs[ATTR.genAiInputMessages] = JSON.stringify([
              { role: 'user', parts: [{ type: 'text', content: prompt }] },
            ]);
        }
        if (this.opts.includeValues === true && a.args !== undefined)
          attrs[ATTR.args] = printValue(a.args);
      }
    }
    this.open.set(a.id, { llm, kind });
    return {
      op: 'start',
      key: a.id,
      parent,
      traceId: traceIdOf(run),
      spanId: spanIdOf(a.id),
      name,
      kind: llm ? 'client' : 'internal',
      time: a.ts,
      attrs,
    };
  }

  private end(r: ChainRecord, open: Open): SpanSignal {
    const a = r.action;
    const key = a.parent as string;
    this.open.delete(key);
    const attrs: Attrs = { [ATTR.endSeq]: r.seq };
    if (r.hash !== '') attrs[ATTR.endHash] = r.hash;
    if (a.durationMs !== undefined) attrs[ATTR.durationMs] = a.durationMs;
    const res = a.result;
    if (res !== undefined) attrs[ATTR.resultHash] = a.resultHash ?? sha256Hex(canonicalResult(res));
    if (metaField(r, 'simulated') === true) attrs[ATTR.simulated] = true;
    let name: string | undefined;
    if (res === undefined || res.ok) {
      const value = res?.ok === true ? res.value : undefined;
      attrs[ATTR.status] = a.type === 'PlanAborted' ? 'error' : 'ok';
      if (open.kind === 'plan') put(attrs, ATTR.finalPlanHash, get(value, 'final_plan_hash'));
      if (open.llm) {
        const model = get(value, 'model');
        put(attrs, ATTR.genAiResponseModel, model);
        put(attrs, ATTR.llmPromptHash, get(value, 'prompt_sha256'));
        if (typeof model === 'string') name = `chat ${model}`;
        const text = get(value, 'text');
        if (this.opts.includeValues === true && typeof text === 'string')
          attrs[ATTR.genAiOutputMessages] = JSON.stringify([
            { role: 'assistant', parts: [{ type: 'text', content: text }] },
          ]);
      }
      if (this.opts.includeValues === true && value !== undefined)
        attrs[ATTR.result] = printValue(value);
      return { op: 'end', key, time: a.ts, attrs, ...(name !== undefined ? { name } : {}) };
    }
    attrs[ATTR.status] = 'error';
    attrs[ATTR.errorType] = res.error.code;
    attrs[ATTR.errorMessage] = res.error.message;
    return { op: 'end', key, time: a.ts, attrs, error: res.error };
  }

  private event(r: ChainRecord, key: string): SpanSignal {
    const a = r.action;
    const attrs: Attrs = {
      [ATTR.eventType]: a.type,
      [ATTR.recordId]: a.id,
      [ATTR.seq]: r.seq,
    };
    if (r.hash !== '') attrs[ATTR.hash] = r.hash;
    if (a.name !== undefined) attrs[ATTR.eventName] = a.name;
    if (a.type === 'RewriteApplied') {
      put(attrs, ATTR.rewriteRule, metaField(r, 'rule'));
      const params = metaField(r, 'params');
      if (params instanceof RMap && params.size > 0) attrs[ATTR.rewriteParams] = printValue(params);
      put(attrs, ATTR.rewriteBefore, metaField(r, 'before_hash'));
      put(attrs, ATTR.rewriteAfter, metaField(r, 'after_hash'));
    }
    const name = a.type === 'RewriteApplied' ? `rewrite ${a.name ?? ''}`.trim() : a.type;
    return { op: 'event', key, name, time: a.ts, attrs };
  }
}
