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

export function observeSink(inner: AuditSink, observer: SinkObserver): AuditSink {
  return {
    append(action, durable) {
      observer.appending?.();
      inner.append(action, durable);
      observer.appended(action, durable === true);
    },
    flush() {
      inner.flush();
      observer.flushed?.();
    },
    ...(inner.checkpoint !== undefined
      ? { checkpoint: () => (inner.checkpoint as () => void).call(inner) }
      : {}),
  };
}
