/**
 * Span signals (signals.ts) → OpenTelemetry SDK spans. The SDK's tracer makes the
 * spans (timestamps, parent links, attributes, status, events), span processors hand
 * them to an exporter: in memory for `rtfs chain export`, batched over OTLP/HTTP for
 * live export. Ids are the deterministic ones the signals carry, given to the SDK
 * through its `IdGenerator` hook just before each span starts.
 */
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type HrTime,
  type Span,
} from '@opentelemetry/api';
import {
  AlwaysOnSampler,
  BasicTracerProvider,
  type IdGenerator,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import {
  defaultResource,
  detectResources,
  envDetector,
  resourceFromAttributes,
  type Resource,
} from '@opentelemetry/resources';
import { ATTR, SCOPE } from './attributes.js';
import type { SpanSignal } from './signals.js';

/** Epoch ms as the SDK's [seconds, nanoseconds] (a number would be ambiguous to it). */
export function hrTime(ms: number): HrTime {
  const s = Math.floor(ms / 1000);
  return [s, Math.round((ms - s * 1000) * 1e6)];
}

/** The ids the next span gets (set by the builder before it starts a span). */
class NextIds implements IdGenerator {
  traceId = '';
  spanId = '';
  generateTraceId(): string {
    return this.traceId;
  }
  generateSpanId(): string {
    return this.spanId;
  }
}

/** service.name `rtfs` (OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES override it). */
export function rtfsResource(version: string): Resource {
  return defaultResource()
    .merge(resourceFromAttributes({ [ATTR.serviceName]: 'rtfs', [ATTR.serviceVersion]: version }))
    .merge(detectResources({ detectors: [envDetector] }));
}

export class SpanBuilder {
  readonly provider: BasicTracerProvider;
  private readonly ids = new NextIds();
  private readonly spans = new Map<string, Span>();
  private readonly tracer;

  constructor(processors: SpanProcessor[], version: string) {
    this.provider = new BasicTracerProvider({
      resource: rtfsResource(version),
      idGenerator: this.ids,
      sampler: new AlwaysOnSampler(),
      spanProcessors: processors,
    });
    this.tracer = this.provider.getTracer(SCOPE, version);
  }

  apply(s: SpanSignal): void {
    switch (s.op) {
      case 'start': {
        const parent = s.parent === undefined ? undefined : this.spans.get(s.parent);
        const ctx = parent === undefined ? ROOT_CONTEXT : trace.setSpan(ROOT_CONTEXT, parent);
        this.ids.traceId = s.traceId;
        this.ids.spanId = s.spanId;
        const span = this.tracer.startSpan(
          s.name,
          {
            kind: s.kind === 'client' ? SpanKind.CLIENT : SpanKind.INTERNAL,
            startTime: hrTime(s.time),
            attributes: s.attrs,
          },
          ctx,
        );
        this.spans.set(s.key, span);
        return;
      }
      case 'end': {
        const span = this.spans.get(s.key);
        if (span === undefined) return;
        this.spans.delete(s.key);
        span.setAttributes(s.attrs);
        if (s.name !== undefined) span.updateName(s.name);
        if (s.error !== undefined)
          span.setStatus({
            code: SpanStatusCode.ERROR,
            message: `${s.error.code}: ${s.error.message}`,
          });
        span.end(hrTime(s.time));
        return;
      }
      case 'event':
        this.spans.get(s.key)?.addEvent(s.name, s.attrs, hrTime(s.time));
        return;
    }
  }
}
