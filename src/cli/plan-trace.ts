/**
 * The meta-plan trace `rtfs plan` prints (planner.md §6.3): each top-level step with the
 * capability it called, its status and a one-line summary; the calls of refinement
 * iterations (`refinement_loop#i`) nested under their step. Built from the run's causal
 * chain records, so what is printed is what was logged.
 */
import { type Value, Keyword, RMap, RVector, printValue } from '../data/index.js';
import type { ChainAction } from '../audit/index.js';

const k = (n: string): Keyword => Keyword.of(n);

function get(v: Value | undefined, ...path: string[]): Value | undefined {
  let cur = v;
  for (const p of path) {
    if (!(cur instanceof RMap)) return undefined;
    cur = cur.get(k(p));
  }
  return cur;
}

function count(v: Value | undefined): number | undefined {
  return v instanceof RVector ? v.count : undefined;
}

function kwName(v: Value | undefined): string | undefined {
  return v instanceof Keyword ? v.name : typeof v === 'string' ? v : undefined;
}

/** A one-line summary of a capability's result. */
export function summarize(cap: string, value: Value): string {
  switch (cap) {
    case 'planner.extract_goal_signals': {
      const reqs = count(get(value, 'goal_signals', 'requirements'));
      const cons = get(value, 'goal_signals', 'constraints');
      const names =
        cons instanceof RVector
          ? [...cons]
              .map(
                (c) =>
                  `${printValue(get(c, 'name') ?? null).replace(/"/g, '')}=${printValue(get(c, 'value') ?? null)}`,
              )
              .join(', ')
          : '';
      return `${reqs ?? 0} requirement(s)${names ? `; constraints: ${names}` : ''}`;
    }
    case 'planner.build_capability_menu': {
      const menu = get(value, 'menu');
      const ids = menu instanceof RVector ? [...menu].slice(0, 4).map((e) => get(e, 'id')) : [];
      return `${count(menu) ?? 0} entries: ${ids.map((i) => (typeof i === 'string' ? i : '?')).join(', ')}${(count(menu) ?? 0) > 4 ? ', …' : ''}`;
    }
    case 'planner.synthesize_plan_steps': {
      const steps = count(get(value, 'plan', 'steps'));
      const log = get(value, 'log');
      return `${steps ?? 0} step(s)${typeof log === 'string' ? `; ${log}` : ''}`;
    }
    case 'planner.validate_plan': {
      const cov = get(value, 'coverage');
      const needs = get(cov, 'needs_refinement');
      const unmet = count(get(cov, 'unmet_requirements'));
      const sat = count(get(cov, 'satisfied_requirements'));
      return needs === true
        ? `needs refinement (${unmet ?? 0} unmet requirement(s))`
        : `satisfied (${sat ?? 0} requirement(s) met)`;
    }
    case 'planner.resolve_capability_gaps': {
      const outcome = kwName(get(value, 'outcome')) ?? '?';
      const summary = get(value, 'summary');
      return `${outcome}${typeof summary === 'string' ? `: ${summary}` : ''}`;
    }
    case 'planner.materialize_plan': {
      const hash = get(value, 'plan_hash');
      const steps = count(get(value, 'capabilities'));
      return `${typeof hash === 'string' ? hash.slice(0, 19) : '?'}… (${steps ?? 0} capabilities)`;
    }
    case 'ccos.plan.execute':
    case 'ccos.arbiter.execute_plan':
      return `${kwName(get(value, 'mode')) ?? '?'} ${kwName(get(value, 'status')) ?? '?'}`;
    case 'ccos.approval.request':
      return `${get(value, 'approved') === true ? 'approved' : 'not approved'} (${printValue(get(value, 'reason') ?? null)})`;
    case 'planner.assess_criticality':
      return `risk :${kwName(get(value, 'level')) ?? '?'}`;
    case 'ccos.control.loop': {
      const cycles = get(value, 'cycle');
      return `${typeof cycles === 'number' ? cycles : '?'} refinement cycle(s)`;
    }
    default: {
      const text = printValue(value);
      return text.length > 60 ? `${text.slice(0, 57)}…` : text;
    }
  }
}

interface Node {
  readonly a: ChainAction;
  end: ChainAction | undefined;
  readonly children: Node[];
}

/** The run's actions as a tree of open/close pairs. */
function tree(actions: readonly ChainAction[]): Node[] {
  const byId = new Map<string, Node>();
  const roots: Node[] = [];
  for (const a of actions) {
    if (a.type.endsWith('Started') || a.type === 'CapabilityCall') {
      const n: Node = { a, end: undefined, children: [] };
      byId.set(a.id, n);
      const p = a.parent === null ? undefined : byId.get(a.parent);
      if (p !== undefined && a.type !== 'PlanStarted') p.children.push(n);
      else roots.push(n);
    } else if (a.parent !== null) {
      const open = byId.get(a.parent);
      if (open !== undefined) open.end = a;
    }
  }
  return roots;
}

function status(n: Node): { ok: boolean; text: string; value: Value } {
  const r = n.end?.result;
  if (r === undefined) return { ok: false, text: 'did not finish', value: null };
  if (!r.ok) return { ok: false, text: `failed ${r.error.code}: ${r.error.message}`, value: null };
  return { ok: true, text: 'ok', value: r.value };
}

/** One trace entry: what ran (step, capability) and the one-line summary of its result. */
export interface TraceRow {
  readonly left: string;
  readonly summary: string;
  /** Steps without a call print their summary after two spaces, not in the column. */
  readonly inline?: boolean;
}

/** The trace entries for run `run` (its PlanStarted id). */
export function planTraceRows(actions: readonly ChainAction[], run: string): TraceRow[] {
  const mine = actions.filter((a) => a.run === run);
  const root = tree(mine).find((n) => n.a.type === 'PlanStarted');
  if (root === undefined) return [];
  const rows: TraceRow[] = [];
  const call = (c: Node, prefix: string): void => {
    const s = status(c);
    const pad = ' '.repeat(prefix.indexOf(']') + 1);
    const cap = c.a.name ?? '?';
    rows.push({ left: `${prefix}${cap}`, summary: s.ok ? summarize(cap, s.value) : s.text });
    for (const child of c.children) {
      if (child.a.type === 'StepStarted') iteration(child, `${pad}  `);
      else if (child.a.type === 'CapabilityCall') call(child, `${pad}  ↳ `);
    }
  };
  const iteration = (st: Node, prefix: string): void => {
    for (const c of st.children) {
      if (c.a.type === 'CapabilityCall') call(c, `${prefix}${st.a.name ?? '?'} → `);
    }
  };
  let i = 0;
  for (const st of root.children) {
    if (st.a.type !== 'StepStarted') continue;
    i++;
    const calls = st.children.filter((c) => c.a.type === 'CapabilityCall');
    if (calls.length === 0) {
      const s = status(st);
      rows.push({
        left: `[${i}] step ${st.a.name ?? '?'}`,
        summary: s.ok ? summarize('', s.value) : s.text,
        inline: true,
      });
      continue;
    }
    for (const c of calls) call(c, `[${i}] step ${st.a.name ?? '?'} → `);
  }
  return rows;
}

/** A trace row as one line, the summary in column 73 (as `--json` and pipes get it). */
export function rowLine(r: TraceRow): string {
  return r.inline === true ? `${r.left}  ${r.summary}` : `${r.left.padEnd(72)} ${r.summary}`;
}

/** The trace lines for run `run` (its PlanStarted id). */
export function planTrace(actions: readonly ChainAction[], run: string): string[] {
  return planTraceRows(actions, run).map(rowLine);
}

/**
 * The trace for a terminal `width` columns wide: no line is longer (longer text is cut
 * with `…`; `--json` and the report have it in full). Wide terminals keep the summary
 * column; narrow ones put each summary on its own indented line below its step.
 */
export function planTraceFitted(
  rows: readonly TraceRow[],
  width: number,
  fit: (text: string, width: number) => string,
): string[] {
  const column = Math.min(72, Math.max(0, ...rows.map((r) => (r.inline ? 0 : r.left.length))));
  if (width - column - 1 >= 40)
    return rows.map((r) =>
      fit(
        r.inline === true ? `${r.left}  ${r.summary}` : `${r.left.padEnd(column)} ${r.summary}`,
        width,
      ),
    );
  return rows.flatMap((r) => [fit(r.left, width), fit(`      ${r.summary}`, width)]);
}
