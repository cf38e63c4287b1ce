/**
 * Where a failed run failed, from its chain records: the outermost capability call that
 * failed with the run's error (its message names what failed inside it) and the innermost
 * step around it; else the innermost step that failed with it.
 */
import type { SinkObserver } from '../audit/observe.js';

/** What {@link failurePoint} reads of an action (a chain record's, or one being appended). */
export interface FailureAction {
  readonly id: string;
  readonly type: string;
  readonly parent: string | null;
  readonly name?: string;
  readonly result?:
    { readonly ok: true } | { readonly ok: false; readonly error: { readonly code: string } };
}

/**
 * For a chain that keeps no lines (`rtfs run` without --trace/--chain): an observer that
 * keeps only what {@link failurePoint} needs, the steps and calls still open and the
 * failures (a completed step or call is dropped), so memory stays bounded by the depth.
 */
export function failureTracker(): {
  readonly observer: SinkObserver;
  readonly actions: () => FailureAction[];
} {
  const kept = new Map<string, FailureAction>();
  const observer: SinkObserver = {
    appended(a) {
      if (a.type === 'StepStarted' || a.type === 'CapabilityCall') kept.set(a.id, a);
      else if (
        a.type === 'StepCompleted' ||
        a.type === 'CapabilityResult' ||
        a.type === 'StepFailed'
      ) {
        if (a.result?.ok === false) kept.set(a.id, a);
        else if (a.parent !== null) kept.delete(a.parent);
      }
    },
  };
  return { observer, actions: () => [...kept.values()] };
}

/** Where a failed run failed: the innermost step and the capability whose error ended it. */
export function failurePoint(
  actions: readonly FailureAction[],
  code: string,
): { step?: string; capability?: string } {
  const byId = new Map(actions.map((a) => [a.id, a]));
  const stepOf = (id: string | null): string | undefined => {
    for (let p = id; p !== null;) {
      const a = byId.get(p);
      if (a === undefined) return undefined;
      if (a.type === 'StepStarted') return a.name;
      p = a.parent;
    }
    return undefined;
  };
  // The outermost call that failed with the run's error (results close inner first; its
  // message names what failed inside).
  const result = [...actions]
    .reverse()
    .find(
      (a) =>
        a.type === 'CapabilityResult' && a.result?.ok === false && a.result.error.code === code,
    );
  if (result !== undefined) {
    const call = result.parent === null ? undefined : byId.get(result.parent);
    const step = stepOf(call?.parent ?? null);
    return {
      ...(step !== undefined ? { step } : {}),
      ...(result.name ? { capability: result.name } : {}),
    };
  }
  const step = actions.find(
    (a) => a.type === 'StepFailed' && a.result?.ok === false && a.result.error.code === code,
  );
  const name =
    step?.parent === undefined || step.parent === null ? undefined : byId.get(step.parent)?.name;
  return name !== undefined ? { step: name } : {};
}

/** ` at step "s" calling cap` (empty when nothing is known). */
export function failureWhere(p: { step?: string; capability?: string }): string {
  const parts = [
    p.step !== undefined ? `at step "${p.step}"` : '',
    p.capability !== undefined ? `calling ${p.capability}` : '',
  ].filter((x) => x !== '');
  return parts.length > 0 ? ` ${parts.join(' ')}` : '';
}

/** `in step "s", calling cap` for `rtfs run`'s error report (empty when nothing is known). */
export function failureContext(p: { step?: string; capability?: string }): string {
  return [
    p.step !== undefined ? `in step "${p.step}"` : '',
    p.capability !== undefined ? `calling ${p.capability}` : '',
  ]
    .filter((x) => x !== '')
    .join(', ');
}
