/**
 * The evaluator worker (dist/repl-worker.js): owns the REPL session and answers the
 * front end's requests one at a time. The front end interrupts a running evaluation
 * through the shared flag (ADR 0009), which the evaluator tests as it loops.
 */
import { parentPort, workerData } from 'node:worker_threads';
import pc from 'picocolors';
import { interruptFlag } from '../../runtime/index.js';
import { UsageError } from '../exit-codes.js';
import { ReplSession } from './session.js';
import { runCommand } from './commands.js';
import { askThrough } from './ask-bridge.js';
import type { Reply, Request, WorkerInit } from './protocol.js';

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

port.on('message', (req: Request) => {
  const s = session;
  if (s === undefined) return;
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
});
