/**
 * Approval of a synthesized plan before it runs (rewrite RW1, planner.md §4.3):
 * - `planner.assess_criticality {:plan SOURCE}` → `{:level :low|:moderate|:critical|:dangerous
 *   :capabilities [{:id :effects :level}]}`: reads the plan and classifies each capability it
 *   calls (src/host/criticality.ts); deterministic.
 * - `ccos.approval.request {:subject :plan :risk}` → `{:approved bool :by "policy"|"human"
 *   :reason "…"}`: plans whose risk is at most the auto-approve level (default :moderate)
 *   are approved by policy; others need a human answer ("yes"/"y"/"approve") from
 *   --answers or the terminal. Effects :human, so a replay takes the decision from the log.
 */
import { type Value, Keyword, RMap, RVector, printValue } from '../../data/index.js';
import { read } from '../../syntax/index.js';
import type { Capability } from '../capability.js';
import { CRITICALITY_ORDER, criticality, worst, type Criticality } from '../criticality.js';
import { withSchemas } from './schema.js';

const k = (n: string): Keyword => Keyword.of(n);

export interface ApprovalOptions {
  /** Effects of a capability known to this run, or undefined. */
  readonly effectsOf: (id: string) => readonly string[] | undefined;
  readonly answers?: { next(prompt: string): string | undefined };
  /** The highest risk approved without asking (default moderate). */
  readonly autoApprove?: Criticality;
}

/** The literal capability ids `(call "id" …)` in plan source text, in order, once each. */
export function calledIds(source: string): string[] {
  const r = read(source, '<plan>');
  const out: string[] = [];
  const walk = (v: Value): void => {
    if (typeof v !== 'object' || v === null) return;
    if (v.kind === 'list') {
      const [head, id] = v.items;
      if (
        typeof head === 'object' &&
        head !== null &&
        head.kind === 'symbol' &&
        head.name === 'call'
      ) {
        const name = typeof id === 'string' ? id : id instanceof Keyword ? id.name : undefined;
        if (name !== undefined && !out.includes(name)) out.push(name);
      }
      v.items.forEach(walk);
    } else if (v.kind === 'vector') [...v].forEach(walk);
    else if (v.kind === 'map') v.toFlat().forEach(walk);
  };
  r.forms.forEach(walk);
  return out;
}

export function approvalCapabilities(o: ApprovalOptions): Capability[] {
  const assessIn = '[:map [:plan :string]]';
  const assessOut = '[:map [:level :keyword] [:capabilities :vector]]';
  const reqIn = '[:map [:subject :string] [:plan :any] [:risk {:optional true} :map]]';
  const reqOut = '[:map [:approved :bool] [:by :string] [:reason :string]]';
  const auto = CRITICALITY_ORDER.indexOf(o.autoApprove ?? 'moderate');
  return [
    withSchemas(
      {
        id: 'planner.assess_criticality',
        description:
          'Classifies a plan by the capabilities it calls: :low, :moderate, :critical or :dangerous.',
        effects: ['pure'],
        standard: true,
        impl: (input) => {
          const source = (input as RMap).get(k('plan')) as string;
          const caps = calledIds(source).map((id) => {
            const effects = o.effectsOf(id);
            return { id, effects, level: criticality(id, effects) };
          });
          return RMap.fromFlat([
            k('level'),
            k(worst(caps.map((c) => c.level))),
            k('capabilities'),
            RVector.from(
              caps.map((c) =>
                RMap.fromFlat([
                  k('id'),
                  c.id,
                  k('effects'),
                  RVector.from((c.effects ?? []).map((e) => k(e))),
                  k('level'),
                  k(c.level),
                ]),
              ),
            ),
          ]);
        },
      },
      { input: assessIn, output: assessOut },
    ),
    withSchemas(
      {
        id: 'ccos.approval.request',
        description:
          'Asks for approval of a plan: low-risk plans are approved by policy, others need a human answer.',
        effects: ['human'],
        impl: (input) => {
          const m = input as RMap;
          const subject = m.get(k('subject')) as string;
          const risk = m.get(k('risk'));
          const level = risk instanceof RMap ? risk.get(k('level')) : undefined;
          const name = level instanceof Keyword ? level.name : 'critical';
          const idx = CRITICALITY_ORDER.indexOf(name as Criticality);
          const decision = (approved: boolean, by: string, reason: string): Value =>
            RMap.fromFlat([k('approved'), approved, k('by'), by, k('reason'), reason]);
          if (idx >= 0 && idx <= auto)
            return decision(true, 'policy', `risk :${name} is within the auto-approve level`);
          const prompt = `Approve ${subject} (risk :${name})? [yes/no]`;
          const answer = o.answers?.next(prompt);
          if (answer === undefined) {
            return decision(
              false,
              'policy',
              `risk :${name} needs a human approval and none was given`,
            );
          }
          const yes = /^(y|yes|approve|approved|ok)$/i.test(answer.trim());
          return decision(
            yes,
            'human',
            yes ? 'approved by a human' : `declined: ${printValue(answer)}`,
          );
        },
      },
      { input: reqIn, output: reqOut },
    ),
  ];
}

/** `ccos.dry_run {:capability ID :args ARGS}`: what a critical call would have done. */
export function dryRunCapability(): Capability {
  return withSchemas(
    {
      id: 'ccos.dry_run',
      description:
        'Stands in for a critical capability call: records it and returns a simulated result.',
      effects: ['pure'],
      standard: true,
      impl: (v) => {
        const m = v as RMap;
        return RMap.fromFlat([
          k('simulated'),
          true,
          k('capability'),
          m.get(k('capability')) ?? null,
          k('input'),
          m.get(k('args')) ?? null,
        ]);
      },
    },
    { input: '[:map [:capability :string] [:args :any]]' },
  );
}
