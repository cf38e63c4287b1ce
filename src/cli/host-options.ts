/**
 * The capability-host options of `run` and `eval` (definitions only: the files they
 * name are read by host-config.ts, loaded with the runtime).
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { collect } from './options.js';
import { HOST_OPTIONS, type RunOption } from '../host/run-options.js';

export interface HostFlags {
  readonly allow?: readonly string[];
  readonly deny?: readonly string[];
  readonly policy?: string;
  readonly allowRead?: readonly string[];
  readonly answers?: string;
  readonly dryRun?: boolean;
  /** Write the causal chain to this directory. */
  readonly chain?: string;
  /** Ed25519 private key (PEM file) that signs the chain's checkpoints. */
  readonly signKey?: string;
  /** Print the run's causal chain as a tree on stderr. */
  readonly trace?: boolean;
  /** Plan inputs: NAME=VALUE (repeatable) and a JSON object. */
  readonly input?: readonly string[];
  readonly inputJson?: string;
  /** Capability catalog files (external capabilities the plan may call). */
  readonly catalog?: readonly string[];
  /** Budgets: seconds, and steps (validated by the option definitions). */
  readonly timeout?: string;
  readonly maxSteps?: string;
}

/** The help of `--sign-key` (every command that writes a chain has it). */
export const SIGN_KEY_HELP = (HOST_OPTIONS.find((o) => o.name === 'sign-key') as RunOption).help;

/** `--engine` and `--no-jit` (rtfs run and rtfs eval): which engine evaluates. */
export function addEngineOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option('--engine <engine>', 'evaluate with the closure evaluator or compiled JavaScript')
        .choices(['interpret', 'compile'])
        .default('interpret'),
    )
    .addOption(
      new Option(
        '--no-jit',
        'interpret every function (by default the evaluator compiles functions called 500 times)',
      ),
    );
}

/** A commander option from its shared definition (src/host/run-options.ts). */
export function commanderOption(o: RunOption): Option {
  const opt = new Option(`--${o.name}${o.arg ? ` <${o.arg}>` : ''}`, o.help);
  if (o.arg === undefined) return opt;
  return opt.argParser((value: string, previous: unknown): string | string[] => {
    const why = o.check?.(value);
    if (why !== undefined) throw new InvalidArgumentError(why);
    return o.multiple ? collect(value, previous as string[] | undefined) : value;
  });
}

/** The host options (`run`, `eval`, `repl`): the same definitions compiled modules parse. */
export function addHostOptions(cmd: Command): Command {
  for (const o of HOST_OPTIONS) cmd.addOption(commanderOption(o));
  return cmd;
}
