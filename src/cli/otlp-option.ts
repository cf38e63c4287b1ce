/**
 * `--otlp-endpoint URL` (rtfs run, rtfs plan) and the OpenTelemetry environment
 * variables: live export of a run's spans while it goes. Without an endpoint nothing
 * of the exporter is loaded (it lives in a chunk imported here only on demand, and in
 * its own worker thread).
 */
import { Option, type Command } from 'commander';
import type { AuditSink } from '../runtime/audit-sink.js';
import type { TappableSink } from '../export/otlp/live.js';
import type { CliContext } from './io.js';
import { UsageError } from './exit-codes.js';

export interface OtlpFlags {
  readonly otlpEndpoint?: string;
}

/** A running live export, as a command sees it. */
export interface Telemetry {
  /** The clock to open the chain with (the exporter reads each record's time from it). */
  readonly now: () => number;
  tap(sink: TappableSink): AuditSink;
  /** Sends what is left; prints a warning when spans were not delivered. */
  finish(ctx: CliContext): Promise<void>;
}

export function addOtlpOption(cmd: Command): Command {
  return cmd.addOption(
    new Option(
      '--otlp-endpoint <url>',
      'send the run as OpenTelemetry spans, live, to this OTLP/HTTP collector (e.g. http://localhost:4318; default: OTEL_EXPORTER_OTLP_ENDPOINT)',
    ),
  );
}

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
  const [{ LiveExport }, { default: pkg }] = await Promise.all([
    import('../export/otlp/live.js'),
    import('../../package.json', { with: { type: 'json' } }),
  ]);
  const env = ctx.io.env;
  const live = new LiveExport({
    url,
    version: pkg.version,
    timeoutMs: ms(env, ['OTEL_EXPORTER_OTLP_TRACES_TIMEOUT', 'OTEL_EXPORTER_OTLP_TIMEOUT'], 3000),
    delayMs: ms(env, ['OTEL_BSP_SCHEDULE_DELAY'], 1000),
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

/**
 * Runs `body` with the live export the flags ask for (`{ telemetry }`, or `{}` when
 * none), then finishes the export, whatever the body did.
 */
export async function withTelemetry<T>(
  flags: OtlpFlags,
  ctx: CliContext,
  body: (t: { telemetry?: Telemetry }) => T | Promise<T>,
): Promise<T> {
  const telemetry = await startTelemetry(flags, ctx);
  try {
    return await body(telemetry ? { telemetry } : {});
  } finally {
    await telemetry?.finish(ctx);
  }
}
