/**
 * The evaluator worker (dist/repl-worker.js): owns the REPL session and answers the
 * front end's requests one at a time. The front end interrupts a running evaluation
 * through the shared flag (ADR 0009), which the evaluator tests as it loops.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import pc from 'picocolors';
import { interruptFlag } from '../../runtime/index.js';
import { UsageError } from '../exit-codes.js';
import { ReplSession } from './session.js';
import { runCommand } from './commands.js';
import { askThrough } from './ask-bridge.js';
import type { Reply, Request, WorkerInit } from './protocol.js';
import { mentionsPlanner, plannerStdlib } from '../catalog-option.js';
import { formatDiagnostic } from '../color.js';

const port = parentPort;
if (port === null) throw new Error('rtfs: repl-worker.js must run in a worker thread');
const init = workerData as WorkerInit;
const post = (r: Reply): void => port.postMessage(r);

let session: ReplSession | undefined;
try {
  session = new ReplSession({
    flags: init.flags,
    colors: pc.createColors(init.colors),
    write: (text, stream) => post({ kind: 'out', text, stream }),
    ask: askThrough(init.answers, (prompt) => post({ kind: 'ask', prompt })),
  });
  post({ kind: 'ready', completions: session.completions(), interrupt: interruptFlag });
} catch (e) {
  post({ kind: 'fatal', message: e instanceof UsageError ? e.message : String(e) });
}

/**
 * The planner standard library (planner.*, llm.complete, --catalog), loaded before the
 * first input that mentions it (or at once with --catalog): loading it takes a moment,
 * which plain sessions do not pay.
 */
let planner: Promise<boolean> | undefined;

function loadPlanner(s: ReplSession): Promise<boolean> {
  planner ??= plannerStdlib(init.flags.catalog ?? []).then((r) => {
    if ('diagnostics' in r) {
      for (const d of r.diagnostics) s.out(`${formatDiagnostic(d, s.colors)}\n`, 'stderr');
      return false;
    }
    s.addPlanner(r);
    return true;
  });
  return planner;
}

function needsPlanner(req: Request): boolean {
  if (planner !== undefined) return false;
  if (init.flags.catalog !== undefined) return true;
  if (req.kind === 'eval') return mentionsPlanner(req.text);
  if (req.kind === 'command' && req.name === 'load') {
    try {
      return mentionsPlanner(readFileSync(req.arg, 'utf8'));
    } catch {
      return false;
    }
  }
  return false;
}

// Requests are handled one at a time, in order (a planner load may make one wait).
let queue: Promise<void> = Promise.resolve();
port.on('message', (req: Request) => {
  const s = session;
  if (s === undefined) return;
  queue = queue.then(async () => {
    if (needsPlanner(req)) {
      try {
        await loadPlanner(s);
      } catch (e) {
        s.out(
          `rtfs: cannot load the planner: ${e instanceof Error ? e.message : String(e)}\n`,
          'stderr',
        );
      }
    }
    handle(s, req);
  });
});

function handle(s: ReplSession, req: Request): void {
  let ok = false;
  try {
    switch (req.kind) {
      case 'eval':
        s.quiet = req.quiet;
        ok = s.eval(req.text);
        break;
      case 'command':
        s.quiet = req.quiet;
        ok = runCommand(s, req.name, req.arg);
        break;
      case 'close':
        s.close();
        ok = true;
        break;
    }
  } catch (e) {
    const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
    s.out(`rtfs: internal error (please report it): ${detail}\n`, 'stderr');
  } finally {
    s.quiet = false;
  }
  post({ kind: 'done', id: req.id, ok, completions: s.completions() });
}
