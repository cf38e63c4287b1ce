/**
 * The capability-host options of `run` and `eval` (definitions only: the files they
 * name are read by host-config.ts, loaded with the runtime).
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { collect } from './options.js';

/** `--allow-read DIR`: an empty name is a mistake, not the current directory. */
function collectDirectory(value: string, previous: string[] | undefined): string[] {
  if (value === '')
    throw new InvalidArgumentError("give a directory ('.' for the current directory)");
  return collect(value, previous);
}

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
}

/** The help of `--sign-key` (every command that writes a chain has it). */
export const SIGN_KEY_HELP =
  'sign the chain with this Ed25519 private key (PEM): a checkpoint at the end of every run ' +
  'and every 1,000 records (default: $RTFS_CHAIN_SIGNING_KEY_FILE or $RTFS_CHAIN_SIGNING_KEY)';

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

export function addHostOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option(
        '--allow <pattern>',
        'grant capabilities matching a pattern, e.g. core.data.* (repeatable)',
      ).argParser(collect),
    )
    .addOption(
      new Option(
        '--deny <pattern>',
        'refuse capabilities matching a pattern, even if allowed (repeatable)',
      ).argParser(collect),
    )
    .addOption(
      new Option('--policy <file>', 'a policy file: {:allow ["…"] :deny ["…"]} (RTFS or JSON)'),
    )
    .addOption(
      new Option(
        '--allow-read <dir>',
        "let ccos.fs.read read files below DIR (repeatable; '.' is the current directory)",
      ).argParser(collectDirectory),
    )
    .addOption(
      new Option(
        '--answers <file>',
        'answers for ccos.user.ask: a vector (in order) or a map prompt → answer',
      ),
    )
    .addOption(
      new Option('--dry-run', 'simulate capabilities whose effects are not :pure or :read'),
    )
    .addOption(
      new Option(
        '--chain <dir>',
        'append the run to a causal-chain log in DIR (hash-chained JSONL)',
      ),
    )
    .addOption(new Option('--sign-key <file>', SIGN_KEY_HELP))
    .addOption(
      new Option('--trace', 'print the run as a tree of steps and capability calls on stderr'),
    )
    .addOption(
      new Option(
        '--input <name=value>',
        'a plan input (repeatable); VALUE is read as an RTFS literal (2, :k, [1 2]) or else taken as a string',
      ).argParser(collect),
    )
    .addOption(new Option('--input-json <json>', 'plan inputs as a JSON object'))
    .addOption(
      new Option(
        '--catalog <file>',
        'a capability catalog (.rtfs or .json) describing external capabilities (repeatable)',
      ).argParser(collect),
    );
}
