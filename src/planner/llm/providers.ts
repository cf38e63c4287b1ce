/**
 * LLM providers behind the `llm.complete` capability (planner.md §2.3): `null`
 * (the default: every call fails with `llm/disabled`), `recorded` (answers from a
 * JSON fixture keyed by the prompt's sha256; never the network; used by tests), and
 * `openai` (an OpenAI-compatible chat-completions endpoint over HTTP, run through
 * the sync bridge, temperature 0, a timeout). Configuration: RTFS_LLM_PROVIDER,
 * RTFS_LLM_BASE_URL, RTFS_LLM_API_KEY, RTFS_LLM_MODEL, RTFS_LLM_TIMEOUT (seconds),
 * RTFS_LLM_RECORDING.
 */
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import '../../types/zod-english.js';
import { sha256Hex } from '../../audit/index.js';
import { SyncBridge } from '../../host/index.js';
import { RtfsError } from '../../runtime/index.js';
import { LlmCodes } from '../codes.js';

export interface LlmRequest {
  readonly purpose: string;
  readonly prompt_version: string;
  readonly prompt: string;
  readonly temperature: number;
  readonly max_tokens?: number;
}

export interface LlmResponse {
  readonly text: string;
  readonly model: string;
}

export type LlmOptions =
  | { readonly provider: 'null' }
  | { readonly provider: 'recorded'; readonly file: string }
  | {
      readonly provider: 'openai';
      readonly baseUrl: string;
      readonly apiKey: string;
      readonly model: string;
      readonly timeoutMs?: number;
    };

export interface LlmProvider {
  readonly label: string;
  complete(req: LlmRequest): LlmResponse;
}

export function promptHash(prompt: string): string {
  return sha256Hex(prompt);
}

/** A recording file's shape (built when a recording is read: zod schemas cost to build). */
const recordingZ = () =>
  z.object({
    format: z.literal('rtfs-llm-recording/1'),
    responses: z.record(z.string(), z.object({ text: z.string(), model: z.optional(z.string()) })),
  });

type Recording = z.infer<ReturnType<typeof recordingZ>>;

function recorded(file: string): LlmProvider {
  let data: Recording | undefined;
  const load = (): Recording => {
    if (data !== undefined) return data;
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new RtfsError(
        LlmCodes.badConfig,
        `cannot read the LLM recording ${file}: ${(e as Error).message}`,
      );
    }
    const r = recordingZ().safeParse(raw);
    if (!r.success)
      throw new RtfsError(
        LlmCodes.badConfig,
        `${file} is not an LLM recording: ${r.error.issues[0]?.message ?? ''}`,
      );
    data = r.data;
    return data;
  };
  return {
    label: `recorded:${file}`,
    complete(req) {
      const key = promptHash(req.prompt);
      const hit = load().responses[key];
      if (hit === undefined)
        throw new RtfsError(
          LlmCodes.noRecording,
          `no recorded LLM answer for the ${req.purpose} prompt sha256:${key} in ${file}`,
        );
      return { text: hit.text, model: hit.model ?? 'recorded' };
    },
  };
}

/**
 * The worker-side HTTP call (an ES module given to the sync bridge as a data: URL). It
 * aborts itself at the timeout; its errors say what went wrong (HTTP status, timeout,
 * network) but never carry the response body or the request.
 */
const OPENAI_MODULE = `
export async function complete(req) {
  const started = Date.now();
  const fail = (what) => ({ ok: false, what, status: 0, elapsed_ms: Date.now() - started });
  let res;
  try {
    res = await fetch(req.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ' + req.apiKey },
      body: JSON.stringify(req.body),
      signal: AbortSignal.timeout(req.timeoutMs),
    });
  } catch (e) {
    const name = e && e.name;
    return fail(name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network: ' + (e && e.cause && e.cause.code ? e.cause.code : (e && e.message ? e.message : String(e))));
  }
  let text;
  try {
    text = await res.text();
  } catch (e) {
    return { ...fail(e && e.name === 'TimeoutError' ? 'timeout' : 'reading the answer failed'), status: res.status };
  }
  const elapsed_ms = Date.now() - started;
  if (!res.ok) return { ok: false, what: 'http', status: res.status, elapsed_ms };
  let json;
  try { json = JSON.parse(text); } catch { return { ok: false, what: 'the answer is not JSON', status: res.status, elapsed_ms }; }
  const content = json && json.choices && json.choices[0] && json.choices[0].message
    ? json.choices[0].message.content : undefined;
  if (typeof content !== 'string') return { ok: false, what: 'no choices[0].message.content in the answer', status: res.status, elapsed_ms };
  return { ok: true, text: content, model: typeof json.model === 'string' ? json.model : req.body.model, status: res.status, elapsed_ms };
}
`;

const OPENAI_URL = `data:text/javascript;base64,${Buffer.from(OPENAI_MODULE).toString('base64')}`;

/** The default time an LLM request may take (RTFS_LLM_TIMEOUT, `--llm-timeout`). */
export const DEFAULT_LLM_TIMEOUT_MS = 120_000;

let bridge: SyncBridge | undefined;

interface WorkerReply {
  readonly ok: boolean;
  readonly what?: string;
  readonly status: number;
  readonly elapsed_ms: number;
  readonly text?: string;
  readonly model?: string;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

function openai(o: Extract<LlmOptions, { provider: 'openai' }>): LlmProvider {
  const timeoutMs = o.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS;
  const url = `${o.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  return {
    label: `openai:${o.model}`,
    complete(req) {
      const body: Record<string, unknown> = {
        model: o.model,
        temperature: 0,
        messages: [{ role: 'user', content: req.prompt }],
      };
      if (req.max_tokens !== undefined) body['max_tokens'] = req.max_tokens;
      const started = Date.now();
      bridge ??= new SyncBridge();
      // The worker aborts at the timeout; the bridge waits a little longer for that answer.
      const r = bridge.call(
        OPENAI_URL,
        'complete',
        { url, apiKey: o.apiKey, body, timeoutMs },
        timeoutMs + 2000,
      );
      if (!r.ok && !r.message.startsWith('no reply'))
        throw new RtfsError(
          LlmCodes.requestFailed,
          `LLM request to ${url} failed after ${seconds(Date.now() - started)}: the HTTP worker failed`,
        );
      if (!r.ok) {
        // No answer at all: the worker is stuck; the next request gets a fresh one.
        bridge.close();
        bridge = undefined;
        throw new RtfsError(
          LlmCodes.timeout,
          `LLM request to ${url} timed out after ${seconds(Date.now() - started)} (limit ${seconds(timeoutMs)}; set --llm-timeout or RTFS_LLM_TIMEOUT)`,
        );
      }
      const v = r.value as WorkerReply;
      if (v.ok && typeof v.text === 'string')
        return { text: v.text, model: typeof v.model === 'string' ? v.model : o.model };
      if (v.what === 'timeout')
        throw new RtfsError(
          LlmCodes.timeout,
          `LLM request to ${url} timed out after ${seconds(v.elapsed_ms)} (limit ${seconds(timeoutMs)}; set --llm-timeout or RTFS_LLM_TIMEOUT)`,
        );
      const status = v.status > 0 ? `HTTP ${v.status}` : 'no HTTP status';
      const what = v.what === 'http' ? '' : `: ${v.what ?? 'failed'}`;
      throw new RtfsError(
        LlmCodes.requestFailed,
        `LLM request to ${url} failed: ${status} after ${seconds(v.elapsed_ms)}${what}`,
      );
    },
  };
}

/** A timeout in seconds (RTFS_LLM_TIMEOUT, `--llm-timeout`) in milliseconds; throws on a bad value. */
export function timeoutFrom(text: string, where: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0)
    throw new RtfsError(
      LlmCodes.badConfig,
      `${where} takes a positive number of seconds, got '${text}'`,
    );
  return Math.round(n * 1000);
}

export function llmProvider(o: LlmOptions): LlmProvider {
  switch (o.provider) {
    case 'null':
      return {
        label: 'null',
        complete(req) {
          throw new RtfsError(
            LlmCodes.disabled,
            `LLM disabled: no provider for the ${req.purpose} call (set RTFS_LLM_PROVIDER=openai, or use the template strategy)`,
          );
        },
      };
    case 'recorded':
      return recorded(o.file);
    case 'openai':
      return openai(o);
  }
}

/** Provider options from the environment (RTFS_LLM_*); `null` unless configured. */
export function llmOptionsFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): LlmOptions {
  const p = env['RTFS_LLM_PROVIDER'] ?? (env['RTFS_LLM_API_KEY'] !== undefined ? 'openai' : 'null');
  switch (p) {
    case 'null':
      return { provider: 'null' };
    case 'recorded': {
      const file = env['RTFS_LLM_RECORDING'];
      if (file === undefined)
        throw new RtfsError(
          LlmCodes.badConfig,
          'RTFS_LLM_PROVIDER=recorded needs RTFS_LLM_RECORDING=FILE',
        );
      return { provider: 'recorded', file };
    }
    case 'openai': {
      const apiKey = env['RTFS_LLM_API_KEY'];
      if (apiKey === undefined || apiKey === '')
        throw new RtfsError(LlmCodes.badConfig, 'RTFS_LLM_PROVIDER=openai needs RTFS_LLM_API_KEY');
      const timeout = env['RTFS_LLM_TIMEOUT'];
      return {
        provider: 'openai',
        baseUrl: env['RTFS_LLM_BASE_URL'] ?? 'https://api.openai.com/v1',
        apiKey,
        model: env['RTFS_LLM_MODEL'] ?? 'gpt-4o-mini',
        ...(timeout !== undefined && timeout !== ''
          ? { timeoutMs: timeoutFrom(timeout, 'RTFS_LLM_TIMEOUT') }
          : {}),
      };
    }
    default:
      throw new RtfsError(
        LlmCodes.badConfig,
        `unknown RTFS_LLM_PROVIDER "${p}" (null, recorded, openai)`,
      );
  }
}
