/**
 * A sink that writes to another and then tells an observer what was appended: how
 * the live exporter and `rtfs plan`'s progress display follow a run. Everything else
 * the sink offers is passed through unchanged, so observing never changes the log.
 */
import type { ActionInput, AuditSink } from '../runtime/audit-sink.js';

export interface SinkObserver {
  /** Called before each append. */
  appending?(): void;
  /** Called after each append, with what the inner sink was given. */
  appended(action: ActionInput, durable: boolean): void;
  /** Called after each flush. */
  flushed?(): void;
}

/** The AuditSink members an observer does not watch: every one is passed through. */
type PassedThrough = Exclude<keyof AuditSink, 'append' | 'flush'>;

export function observeSink(inner: AuditSink, observer: SinkObserver): AuditSink {
  // Naming every other member here (the type requires each key) keeps a member added to
  // AuditSink from being dropped silently: hasContent (content stored once per chain) and
  // checkpoint (a signing sink's end-of-run seal), countsOnly (how run ids are drawn).
  const passed: { [K in PassedThrough]-?: AuditSink[K] } = {
    hasContent: inner.hasContent?.bind(inner),
    checkpoint: inner.checkpoint?.bind(inner),
    countsOnly: inner.countsOnly,
  };
  const sink: AuditSink = {
    append(action, durable) {
      observer.appending?.();
      inner.append(action, durable);
      observer.appended(action, durable === true);
    },
    flush() {
      inner.flush();
      observer.flushed?.();
    },
  };
  for (const key of Object.keys(passed) as PassedThrough[]) {
    if (passed[key] !== undefined) Object.assign(sink, { [key]: passed[key] });
  }
  return sink;
}
