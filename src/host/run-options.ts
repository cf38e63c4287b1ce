/**
 * The options of a run, defined once: `rtfs run`/`eval`/`repl` turn them into commander
 * options (src/cli/host-options.ts), and compiled modules parse their command line with
 * the same definitions through `node:util` `parseArgs` in strict mode
 * ({@link parseRunArgs}): `--deny=X` works, an unknown or misspelt flag (`--dryrun`) is
 * an error before anything runs, and `--help` prints the options instead of running.
 */
import { parseArgs } from 'node:util';

export interface RunOption {
  /** The long name, without `--`. */
  readonly name: string;
  /** The value's name in help (`<dir>`); absent for a switch. */
  readonly arg?: string;
  /** May be given more than once (values collect in order). */
  readonly multiple?: boolean;
  readonly help: string;
  /** Why a value is refused (undefined when it is fine). */
  readonly check?: (value: string) => string | undefined;
  /** Compiled modules accept it too (default true). */
  readonly module?: boolean;
}

const notEmptyDir = (v: string): string | undefined =>
  v === '' ? "give a directory ('.' for the current directory)" : undefined;

const positiveNumber = (v: string): string | undefined =>
  /^\d+(\.\d+)?$/.test(v) && Number(v) > 0 ? undefined : 'give a positive number of seconds';

const positiveInteger = (v: string): string | undefined =>
  /^\d+$/.test(v) && Number.isSafeInteger(Number(v)) && Number(v) > 0
    ? undefined
    : 'give a positive integer';

/** The budget `--max-steps` and `--timeout` ask for (validated by their checks). */
export function budgetOf(values: {
  readonly maxSteps?: string | undefined;
  readonly timeout?: string | undefined;
}): { maxSteps?: number; timeoutMs?: number } {
  return {
    ...(values.maxSteps !== undefined ? { maxSteps: Number(values.maxSteps) } : {}),
    ...(values.timeout !== undefined ? { timeoutMs: Number(values.timeout) * 1000 } : {}),
  };
}

/** The capability-host options of every command (and compiled module) that runs a plan. */
export const HOST_OPTIONS: readonly RunOption[] = [
  {
    name: 'allow',
    arg: 'pattern',
    multiple: true,
    help: 'grant capabilities matching a pattern, e.g. core.data.* (repeatable)',
  },
  {
    name: 'deny',
    arg: 'pattern',
    multiple: true,
    help: 'refuse capabilities matching a pattern, even if allowed (repeatable)',
  },
  {
    name: 'policy',
    arg: 'file',
    help: 'a policy file: {:allow ["…"] :deny ["…"]} (RTFS or JSON)',
    module: false,
  },
  {
    name: 'allow-read',
    arg: 'dir',
    multiple: true,
    help: "let ccos.fs.read read files below DIR (repeatable; '.' is the current directory)",
    check: notEmptyDir,
  },
  {
    name: 'answers',
    arg: 'file',
    help: 'answers for ccos.user.ask: a vector (in order) or a map prompt → answer',
    module: false,
  },
  { name: 'dry-run', help: 'simulate capabilities whose effects are not :pure or :read' },
  {
    name: 'chain',
    arg: 'dir',
    help: 'append the run to a causal-chain log in DIR (hash-chained JSONL)',
  },
  {
    name: 'sign-key',
    arg: 'file',
    help:
      'sign the chain with this Ed25519 private key (PEM): a checkpoint at the end of every run ' +
      'and every 1,000 records (default: $RTFS_CHAIN_SIGNING_KEY_FILE or $RTFS_CHAIN_SIGNING_KEY)',
  },
  { name: 'trace', help: 'print the run as a tree of steps and capability calls on stderr' },
  {
    name: 'input',
    arg: 'name=value',
    multiple: true,
    help: 'a plan input (repeatable); VALUE is read as an RTFS literal (2, :k, [1 2]) or else taken as a string',
  },
  { name: 'input-json', arg: 'json', help: 'plan inputs as a JSON object' },
  {
    name: 'timeout',
    arg: 'seconds',
    help: 'stop the run after this many seconds (runtime/timeout; default: no limit)',
    check: positiveNumber,
  },
  {
    name: 'max-steps',
    arg: 'n',
    help: 'stop the run after N steps: function calls, loop iterations and builtin work (runtime/step-limit-exceeded; default: no limit)',
    check: positiveInteger,
  },
  {
    name: 'catalog',
    arg: 'file',
    multiple: true,
    help: 'a capability catalog (.rtfs or .json) describing external capabilities (repeatable)',
    module: false,
  },
];

/** What {@link parseRunArgs} found: option values by long name, or why it failed. */
export type ParsedRunArgs =
  | {
      readonly kind: 'ok';
      readonly values: Readonly<Record<string, string | string[] | boolean>>;
      /** The words that are not options, and all after `--`: `*command-line-args*`. */
      readonly args: readonly string[];
    }
  | { readonly kind: 'help'; readonly text: string }
  | { readonly kind: 'error'; readonly message: string; readonly usage: string };

/** The options a compiled module accepts. */
export function moduleOptions(): RunOption[] {
  return HOST_OPTIONS.filter((o) => o.module !== false);
}

/** The usage text of a compiled module (`node plan.mjs --help`). */
export function moduleUsage(program: string): string {
  const opts = moduleOptions();
  const left = opts.map((o) => `--${o.name}${o.arg ? ` <${o.arg}>` : ''}`);
  const width = Math.max(...left.map((l) => l.length), '-h, --help'.length) + 2;
  const lines = opts.map((o, i) => `  ${(left[i] as string).padEnd(width)}${o.help}`);
  lines.push(`  ${'-h, --help'.padEnd(width)}print this help and exit without running`);
  return `Usage: node ${program} [options]\n\nRuns the compiled RTFS program (as rtfs run would).\n\nOptions:\n${lines.join('\n')}\n`;
}

/**
 * Parses a compiled module's command line (strict: unknown or misspelt flags fail; the
 * other words, and everything after `--`, are the program's arguments).
 */
export function parseRunArgs(argv: readonly string[], program: string): ParsedRunArgs {
  // No words at all (most runs): nothing to parse, and node:util's parser (two modules
  // Node loads on first use) stays unloaded.
  if (argv.length === 0) return { kind: 'ok', values: {}, args: [] };
  const opts = moduleOptions();
  const options: Record<
    string,
    { type: 'string' | 'boolean'; multiple?: boolean; short?: string }
  > = { help: { type: 'boolean', short: 'h' } };
  for (const o of opts)
    options[o.name] = {
      type: o.arg ? 'string' : 'boolean',
      ...(o.multiple ? { multiple: true } : {}),
    };
  const usage = moduleUsage(program);
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      options,
      strict: true,
      allowPositionals: true,
    }));
  } catch (e) {
    return { kind: 'error', message: (e as Error).message, usage };
  }
  if (values.help === true) return { kind: 'help', text: usage };
  const out: Record<string, string | string[] | boolean> = {};
  for (const o of opts) {
    const v = values[o.name];
    if (v === undefined) continue;
    for (const x of Array.isArray(v) ? v : [v]) {
      const why = typeof x === 'string' ? o.check?.(x) : undefined;
      if (why !== undefined)
        return {
          kind: 'error',
          message: `option '--${o.name} <${o.arg}>' argument '${String(x)}' is invalid: ${why}`,
          usage,
        };
    }
    out[o.name] = Array.isArray(v) ? v.map(String) : v;
  }
  return { kind: 'ok', values: out, args: positionals };
}
