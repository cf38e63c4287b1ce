/**
 * The REPL commands that need the session (everything but `:quit`): `:help`, `:doc`,
 * `:type`, `:load`, `:env`, `:caps`, `:chain`, `:reset`. Each prints its answer
 * through the session and returns false when it failed.
 */
import { type Value, printValue, typeName } from '../../index.js';
import { Builtin, Fn } from '../../runtime/index.js';
import { decide } from '../../host/index.js';
import { formatTree } from '../../audit/index.js';
import { formatValue } from './printing.js';
import type { Colors } from '../color.js';
import {
  builtinArity,
  builtinDocs,
  coreDefn,
  defnSignatures,
  formatSignature,
  isAnnotated,
} from '../../docs/index.js';
import { RESULT_VARS, ReplCodes, type ReplSession } from './session.js';
import type { CommandName } from './protocol.js';

export const HELP = `Enter RTFS forms; an unclosed form continues on the next line.
Commands:
  :help          this help
  :doc NAME      docstring and arities of a function or macro (also (doc name))
  :type EXPR     the type of EXPR's value (and a function's declared signature)
  :load FILE     evaluate a file in this session
  :env           your definitions
  :caps          capabilities granted by the current policy
  :chain         this session's causal chain, as a tree
  :reset         forget every definition (the chain goes on)
  :quit          leave (or Ctrl-D)
Values: *1, *2 and *3 are the last three values printed, *e the last error.
Keys: Tab completes names, keywords and capability ids; Ctrl-C cancels the input or
the running evaluation; Up/Down browse the history (a multi-line form is one entry).
`;

export function runCommand(s: ReplSession, name: CommandName, arg: string): boolean {
  switch (name) {
    case 'help':
      s.out(HELP);
      return true;
    case 'doc':
      return describe(s, arg);
    case 'type':
      return type(s, arg);
    case 'load':
      return s.load(arg);
    case 'env':
      return env(s);
    case 'caps':
      return caps(s);
    case 'chain':
      return chain(s);
    case 'reset':
      s.reset();
      s.out('session reset: every definition is gone\n');
      return true;
  }
}

/** `:doc NAME` and `(doc name)`: docstring, arities or value of a definition. */
export function describe(s: ReplSession, name: string): boolean {
  if (name === '') return s.fail(ReplCodes.missingArgument, ':doc needs a name, e.g. :doc map');
  const { globals, core } = s.hosted.runtime;
  const cell = globals.lookup(name);
  if (cell === undefined) return s.fail(ReplCodes.unknownName, `nothing is defined as ${name}`);
  const c = s.colors;
  const user = globals.own(name) !== undefined;
  const v = cell.value as Value;
  const lines: string[] = [];
  const kind = cell.macro === true ? 'macro' : v instanceof Fn ? 'function' : typeName(v);
  lines.push(`${c.bold(`${user ? globals.name : core.name}/${name}`)}  ${c.dim(kind)}`);
  const form = user ? s.defns.get(name) : coreDefn(name);
  if (v instanceof Builtin) {
    const d = builtinDocs().get(name);
    lines.push(`  arity ${d?.arity ?? builtinArity(v)}`);
    if (d !== undefined) lines.push(`  ${d.text.replace(/`/g, '')}`);
  } else if (form !== undefined) {
    lines.push(`  ${defnSignatures(form).map(formatSignature).join('\n  ')}`);
  } else if (!(v instanceof Fn)) {
    lines.push(`  ${formatValue(v, c)}`);
  }
  if (cell.doc !== undefined) lines.push(`  ${cell.doc}`);
  s.out(`${lines.join('\n')}\n`);
  return true;
}

function type(s: ReplSession, expr: string): boolean {
  if (expr === '') return s.fail(ReplCodes.missingArgument, ':type needs an expression');
  const r = s.value(expr);
  if (r === undefined) return false;
  const v = r.value;
  const c = s.colors;
  if (!(v instanceof Fn)) {
    s.out(`${c.cyan(typeName(v))}\n`);
    return true;
  }
  if (v instanceof Builtin) {
    s.out(`${c.cyan('fn')} ${v.name ?? ''}, builtin, arity ${builtinArity(v)}\n`);
    return true;
  }
  const named = v.name === undefined ? undefined : s.defns.get(v.name);
  const form =
    named !== undefined && s.hosted.runtime.globals.lookup(v.name as string)?.value === v
      ? named
      : undefined;
  if (form === undefined) {
    s.out(`${c.cyan('fn')}${v.name === undefined ? '' : ` ${v.name}`}\n`);
    return true;
  }
  const sigs = defnSignatures(form);
  const note = isAnnotated(sigs, [form]) ? '' : c.dim('  (not annotated)');
  s.out(`${c.cyan('fn')} ${v.name ?? ''} ${sigs.map(formatSignature).join(' | ')}${note}\n`);
  return true;
}

function env(s: ReplSession): boolean {
  const g = s.hosted.runtime.globals;
  const names = [...new Set(g.names())].filter(
    (n) => g.own(n) !== undefined && !(RESULT_VARS as readonly string[]).includes(n),
  );
  if (names.length === 0) {
    s.out('(no definitions yet)\n');
    return true;
  }
  const c = s.colors;
  for (const n of names) {
    const cell = g.own(n);
    const v = cell?.value as Value;
    const form = s.defns.get(n);
    const shown =
      form !== undefined
        ? `${cell?.macro === true ? 'macro' : 'fn'} ${defnSignatures(form).map(formatSignature).join(' ')}`
        : clip(v, c, 100);
    s.out(`${c.bold(n)}  ${shown}\n`);
  }
  return true;
}

function caps(s: ReplSession): boolean {
  const c = s.colors;
  const granted = s.hosted.registry
    .all()
    .map((cap) => ({ cap, d: decide(s.policy, cap.id) }))
    .filter((x) => x.d.allowed);
  if (granted.length === 0) {
    s.out('no capability is granted (start the REPL with --allow PATTERN or --policy FILE)\n');
    return true;
  }
  for (const { cap, d } of granted) {
    s.out(
      `${c.bold(cap.id)}  ${c.dim(`[${cap.effects.join(' ')}] ${d.rule ?? ''}`)}  ${cap.description}\n`,
    );
  }
  return true;
}

function chain(s: ReplSession): boolean {
  const records = s.records();
  if (records.length === 0) {
    s.out('(nothing recorded yet)\n');
    return true;
  }
  s.out(`${formatTree(records)}\n`);
  return true;
}

/** A value printed (coloured) in full, or cut to `width` characters (plain) with `…`. */
function clip(v: Value, c: Colors, width: number): string {
  const plain = printValue(v);
  return plain.length <= width ? formatValue(v, c) : `${plain.slice(0, width - 1)}…`;
}

/** The `defn`/`defmacro` forms of stdlib/core.rtfs by name. */
