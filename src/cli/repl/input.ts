/**
 * Input accumulation: lines are collected until the reader stops reporting that the
 * input ended too early (`ReadResult.incomplete`), so an unclosed form continues on
 * the next line. A line starting with a REPL command (`:help`, `:doc NAME`, …) is a
 * command when no form is pending; any other `:keyword` is an RTFS keyword.
 */
import { read } from '../../reader.js';
import type { CommandName } from './protocol.js';

export const COMMANDS: readonly (CommandName | 'quit')[] = [
  'help',
  'doc',
  'type',
  'load',
  'env',
  'caps',
  'chain',
  'reset',
  'quit',
];

export type Input =
  /** Nothing to do (a blank line, or only comments). */
  | { readonly kind: 'empty' }
  /** The buffer holds an unclosed form: prompt for a continuation line. */
  | { readonly kind: 'more' }
  /** Complete RTFS text (one or more forms, possibly with syntax errors). */
  | { readonly kind: 'source'; readonly text: string }
  | { readonly kind: 'command'; readonly name: CommandName | 'quit'; readonly arg: string };

/** The command a line names (`:doc inc` → doc, "inc"), or undefined. */
export function parseCommand(
  line: string,
): { name: CommandName | 'quit'; arg: string } | undefined {
  const m = /^\s*:([a-z]+)(?:\s+([^]*))?$/.exec(line);
  if (m === null) return undefined;
  const name = COMMANDS.find((c) => c === m[1]);
  return name === undefined ? undefined : { name, arg: (m[2] ?? '').trim() };
}

export class InputAccumulator {
  private lines: string[] = [];

  /** True while a form is pending (the continuation prompt is due). */
  get pending(): boolean {
    return this.lines.length > 0;
  }

  /** Drops the pending lines (Ctrl-C). */
  clear(): void {
    this.lines = [];
  }

  push(line: string): Input {
    if (this.lines.length === 0) {
      const cmd = parseCommand(line);
      if (cmd !== undefined) return { kind: 'command', ...cmd };
      if (line.trim() === '') return { kind: 'empty' };
    }
    this.lines.push(line);
    const text = this.lines.join('\n');
    const r = read(text, '<repl>');
    if (r.incomplete) return { kind: 'more' };
    this.lines = [];
    if (r.forms.length === 0 && r.diagnostics.length === 0) return { kind: 'empty' };
    return { kind: 'source', text };
  }
}
