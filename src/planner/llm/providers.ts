/**
 * LLM providers behind the `llm.complete` capability (planner.md §2.3): `null`
 * (the default: every call fails with `llm/disabled`), `recorded` (answers from a
 * JSON fixture keyed by the prompt's sha256; never the network; used by tests), and
 * `openai` (an OpenAI-compatible chat-completions endpoint over HTTP, run through
 * the sync bridge, temperature 0). Configuration: RTFS_LLM_PROVIDER, RTFS_LLM_BASE_URL,
 * RTFS_LLM_API_KEY, RTFS_LLM_MODEL, RTFS_LLM_RECORDING.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
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

const RecordingZ = z.object({
  format: z.literal('rtfs-llm-recording/1'),
  responses: z.record(z.string(), z.object({ text: z.string(), model: z.string().optional() })),
});

function recorded(file: string): LlmProvider {
  let data: z.infer<typeof RecordingZ> | undefined;
  const load = (): z.infer<typeof RecordingZ> => {
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
    const r = RecordingZ.safeParse(raw);
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

/** The worker-side HTTP call (an ES module given to the sync bridge as a data: URL). */
const OPENAI_MODULE = `
export async function complete(req) {
  const res = await fetch(req.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer ' + req.apiKey },
    body: JSON.stringify(req.body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error('HTTP ' + res.status + ': ' + text.slice(0, 500));
  const json = JSON.parse(text);
  const content = json && json.choices && json.choices[0] && json.choices[0].message
    ? json.choices[0].message.content : undefined;
  if (typeof content !== 'string') throw new Error('no choices[0].message.content in the answer');
  return { text: content, model: typeof json.model === 'string' ? json.model : req.body.model };
}
`;

const OPENAI_URL = `data:text/javascript;base64,${Buffer.from(OPENAI_MODULE).toString('base64')}`;

let bridge: SyncBridge | undefined;

function openai(o: Extract<LlmOptions, { provider: 'openai' }>): LlmProvider {
  return {
    label: `openai:${o.model}`,
    complete(req) {
      bridge ??= new SyncBridge();
      const body: Record<string, unknown> = {
        model: o.model,
        temperature: 0,
        messages: [{ role: 'user', content: req.prompt }],
      };
      if (req.max_tokens !== undefined) body['max_tokens'] = req.max_tokens;
      const r = bridge.call(
        OPENAI_URL,
        'complete',
        { url: `${o.baseUrl.replace(/\/+$/, '')}/chat/completions`, apiKey: o.apiKey, body },
        o.timeoutMs,
      );
      if (!r.ok) throw new RtfsError(LlmCodes.requestFailed, `LLM request failed: ${r.message}`);
      const v = r.value as { text?: unknown; model?: unknown };
      if (typeof v.text !== 'string')
        throw new RtfsError(LlmCodes.requestFailed, 'LLM provider returned no text');
      return { text: v.text, model: typeof v.model === 'string' ? v.model : o.model };
    },
  };
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
      return {
        provider: 'openai',
        baseUrl: env['RTFS_LLM_BASE_URL'] ?? 'https://api.openai.com/v1',
        apiKey,
        model: env['RTFS_LLM_MODEL'] ?? 'gpt-4o-mini',
      };
    }
    default:
      throw new RtfsError(
        LlmCodes.badConfig,
        `unknown RTFS_LLM_PROVIDER "${p}" (null, recorded, openai)`,
      );
  }
}
