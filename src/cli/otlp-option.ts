/**
 * `--otlp-endpoint URL` (rtfs run, rtfs plan) and the OpenTelemetry environment
 * variables: live export of a run's spans while it goes. This module is part of every
 * CLI start, so it only defines the option and checks whether an export was asked
 * for; the rest (otlp-telemetry.ts, the exporter and its worker) loads only then.
 */
import { Option, type Command } from 'commander';
import type { AuditSink } from '../runtime/audit-sink.js';
import type { TappableSink } from '../export/otlp/live.js';
import type { CliContext } from './io.js';

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

/** Whether the flags or the environment ask for a live export. */
export function otlpRequested(
  flags: OtlpFlags,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  if (flags.otlpEndpoint !== undefined) return true;
  if (env['OTEL_SDK_DISABLED']?.trim().toLowerCase() === 'true') return false;
  return !!env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] || !!env['OTEL_EXPORTER_OTLP_ENDPOINT'];
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
  if (!otlpRequested(flags, ctx.io.env)) return body({});
  const telemetry = await (await import('./otlp-telemetry.js')).startTelemetry(flags, ctx);
  try {
    return await body(telemetry ? { telemetry } : {});
  } finally {
    await telemetry?.finish(ctx);
  }
}
