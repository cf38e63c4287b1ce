/**
 * `rtfs chain verify|show|query|stats|replay|report|export DIR`: inspect a causal-chain log.
 * The work is in chain-actions.ts, loaded only when a chain command runs.
 */
import { Option } from 'commander';
import type { RegisterCommand } from '../command.js';
import { EXIT_CODES_HELP } from '../exit-codes.js';
import { collect } from '../options.js';
import type { ReportFlags } from '../report-action.js';
import type { ExportFlags } from '../export-action.js';

const VERIFY_HELP = `
Exit codes:
  0  the chain verifies
  1  tampering or corruption: the first bad line is printed (line, seq, kind:
     hash-mismatch, prev-mismatch, seq-gap, torn-tail, bad-json, bad-record,
     bad-signature, unsigned, head-mismatch)
  2  usage error`;

export const registerChain: RegisterCommand = (program, host) => {
  const chain = program
    .command('chain')
    .description('inspect, verify and replay causal-chain logs');
  chain
    .command('verify')
    .description('check every hash link of a chain directory; report the first bad line')
    .argument('<dir>', 'the chain directory (as given to rtfs run --chain)')
    .addOption(
      new Option('--strict', 're-canonicalize every record (catches non-conforming writers)'),
    )
    .addOption(
      new Option(
        '--pubkey <file>',
        'require every record to be covered by a checkpoint signed by this Ed25519 public key (PEM)',
      ),
    )
    .addHelpText('after', VERIFY_HELP)
    .action((dir: string, flags: { strict?: boolean; pubkey?: string }) =>
      host.run(async (ctx) => (await import('../chain-actions.js')).verifyAction(dir, flags, ctx)),
    );
  chain
    .command('keygen')
    .description('write a new Ed25519 key pair for signing chains: FILE (private) and FILE.pub')
    .argument('<file>', 'where to write the private key (PEM, mode 0600)')
    .addHelpText('after', EXIT_CODES_HELP)
    .action((file: string) =>
      host.run(async (ctx) => (await import('../chain-actions.js')).keygenAction(file, ctx)),
    );
  chain
    .command('show')
    .description('print the records of a chain (decoded RTFS values), or the run as a tree')
    .argument('<dir>', 'the chain directory')
    .addOption(new Option('--tree', 'print runs as indented trees of steps and calls'))
    .addOption(new Option('--run <id>', 'only this run'))
    .addHelpText('after', EXIT_CODES_HELP)
    .action((dir: string, flags: { tree?: boolean; run?: string }) =>
      host.run(async (ctx) => (await import('../chain-actions.js')).showAction(dir, flags, ctx)),
    );
  chain
    .command('query')
    .description('records matching every given filter, in order')
    .argument('<dir>', 'the chain directory')
    .addOption(new Option('--cap <id>', 'capability id (ns.* matches a prefix)'))
    .addOption(new Option('--type <type>', 'record type, e.g. CapabilityCall'))
    .addOption(new Option('--run <id>', 'run id'))
    .addOption(new Option('--json', 'one JSON object per line'))
    .addHelpText('after', EXIT_CODES_HELP)
    .action((dir: string, flags: { cap?: string; type?: string; run?: string; json?: boolean }) =>
      host.run(async (ctx) => (await import('../chain-actions.js')).queryAction(dir, flags, ctx)),
    );
  chain
    .command('stats')
    .description('calls, errors and p50/p95 duration per capability')
    .argument('<dir>', 'the chain directory')
    .addHelpText('after', EXIT_CODES_HELP)
    .action((dir: string) =>
      host.run(async (ctx) => (await import('../chain-actions.js')).statsAction(dir, ctx)),
    );
  chain
    .command('report')
    .description('write a run as one self-contained HTML page: tree, timeline, plans, verification')
    .argument('<dir>', 'the chain directory')
    .addOption(new Option('--run <id>', 'the run to show (default: the last one)'))
    .addOption(new Option('-o, --output <file>', "the HTML file to write ('-': standard output)"))
    .addOption(
      new Option(
        '--pubkey <file>',
        'check signed checkpoints against this Ed25519 public key (PEM)',
      ),
    )
    .addOption(
      new Option('--replay', 'replay the run first and mark where it diverges (exit 1 if it does)'),
    )
    .addHelpText(
      'after',
      `\nExamples:\n  rtfs chain report .rtfs/chain -o run.html\n  rtfs chain report .rtfs/chain --run RUN-ID --replay -o replay.html\n${EXIT_CODES_HELP}`,
    )
    .action((dir: string, flags: ReportFlags) =>
      host.run(async (ctx) => (await import('../report-action.js')).reportAction(dir, flags, ctx)),
    );
  chain
    .command('export')
    .description('write runs as OpenTelemetry spans (OTLP/JSON), one trace per run')
    .argument('<dir>', 'the chain directory')
    .addOption(new Option('--format <format>', 'the output format').choices(['otlp-json']))
    .addOption(new Option('--run <id>', 'only this run (default: every run)'))
    .addOption(
      new Option('--include-values', 'add decoded arguments and results (default: hashes only)'),
    )
    .addOption(new Option('-o, --output <file>', "the file to write ('-': standard output)"))
    .addHelpText(
      'after',
      `\nExample:\n  rtfs chain export .rtfs/chain --format otlp-json -o trace.json\n  (the span attributes are listed in docs/causal-chain.md)\n${EXIT_CODES_HELP}`,
    )
    .action((dir: string, flags: ExportFlags) =>
      host.run(async (ctx) => (await import('../export-action.js')).exportAction(dir, flags, ctx)),
    );
  chain
    .command('replay')
    .description('re-run a recorded run against its log and check that it reproduces')
    .argument('<dir>', 'the chain directory')
    .addOption(new Option('--run <id>', 'the run to replay (default: the last one)'))
    .addOption(new Option('--source <file>', 'replay this program instead of the recorded source'))
    .addOption(
      new Option(
        '--pubkey <file>',
        'refuse unless every record is covered by a checkpoint signed by this key (PEM)',
      ),
    )
    .addOption(
      new Option(
        '--catalog <file>',
        'planner runs: load this catalog instead of the recorded files (its snapshot must match)',
      ).argParser(collect),
    )
    .addHelpText(
      'after',
      `\nPlanner runs (rtfs plan) are replayed with every deterministic capability re-executed and
compared with the log; LLM, human and external answers come from the log; the meta-plan is
rebuilt from its recorded rewrites and the final plan's hash must be identical.
${EXIT_CODES_HELP}`,
    )
    .action(
      (
        dir: string,
        flags: { run?: string; source?: string; catalog?: string[]; pubkey?: string },
      ) =>
        host.run(async (ctx) =>
          (await import('../chain-actions.js')).replayAction(dir, flags, ctx),
        ),
    );
};
