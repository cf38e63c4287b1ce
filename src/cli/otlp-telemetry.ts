/**
 * Starting a live OpenTelemetry export for a command (loaded only when one is asked
 * for, see otlp-option.ts): the traces URL from `--otlp-endpoint` or the environment,
 * the timeouts, and the warning when spans were not delivered.
 */
import type { CliContext } from './io.js';
import { UsageError } from './exit-codes.js';
import type { OtlpFlags, Telemetry } from './otlp-option.js';

type Env = Readonly<Record<string, string | undefined>>;

function checkUrl(url: string, from: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UsageError(`${from}: '${url}' is not a URL (expected e.g. http://localhost:4318)`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new UsageError(`${from}: '${url}' must be an http:// or https:// URL`);
  return url;
}

const traces = (base: string): string =>
  /\/v1\/traces\/?$/.test(base) ? base : `${base.replace(/\/+$/, '')}/v1/traces`;

/**
 * The OTLP/HTTP traces URL to send to, or undefined when no export was asked for:
 * `--otlp-endpoint` (a base URL, `/v1/traces` is added), else
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` (used as is), else `OTEL_EXPORTER_OTLP_ENDPOINT`
 * (+ `/v1/traces`), unless `OTEL_SDK_DISABLED=true`.
 */
export function otlpTracesUrl(flag: string | undefined, env: Env): string | undefined {
  if (flag !== undefined) return traces(checkUrl(flag, '--otlp-endpoint'));
  if (env['OTEL_SDK_DISABLED']?.trim().toLowerCase() === 'true') return undefined;
  const t = env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'];
  if (t !== undefined && t !== '') return checkUrl(t, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  const b = env['OTEL_EXPORTER_OTLP_ENDPOINT'];
  if (b !== undefined && b !== '') return traces(checkUrl(b, 'OTEL_EXPORTER_OTLP_ENDPOINT'));
  return undefined;
}

function ms(env: Env, names: readonly string[], fallback: number): number {
  for (const n of names) {
    const v = Number(env[n]);
    if (env[n] !== undefined && Number.isFinite(v) && v >= 0) return v;
  }
  return fallback;
}

/** Starts the live export a command was asked for, or returns undefined. */
export async function startTelemetry(
  flags: OtlpFlags,
  ctx: CliContext,
): Promise<Telemetry | undefined> {
  const url = otlpTracesUrl(flags.otlpEndpoint, ctx.io.env);
  if (url === undefined) return undefined;
  const { LiveExport } = await import('../export/otlp/live.js');
  const env = ctx.io.env;
  const live = new LiveExport({
    url,
    version: ctx.version ?? 'dev',
    timeoutMs: ms(env, ['OTEL_EXPORTER_OTLP_TRACES_TIMEOUT', 'OTEL_EXPORTER_OTLP_TIMEOUT'], 3000),
    delayMs: ms(env, ['OTEL_BSP_SCHEDULE_DELAY'], 1000),
    // The SDK's default (2048) drops spans of a fast run before they can be sent.
    queueSize: ms(env, ['OTEL_BSP_MAX_QUEUE_SIZE'], 100_000),
  });
  return {
    now: live.now,
    tap: (sink) => live.tap(sink),
    async finish(c) {
      const r = await live.finish();
      if (r.error !== undefined)
        c.io.stderr.write(
          `warning: OpenTelemetry export to ${r.url}: ${r.failed} of ${r.spans} spans not delivered (${r.error}); the run and its causal chain are not affected\n`,
        );
    },
  };
}
