/** Entry point of the `rtfs` command (bundled to dist/cli.cjs, which dist/launch.js runs). */
import { runCli } from './program.js';
import { nodeIo, type NodeIo } from './io.js';
import { endsEarly, idle, writesOnlyThroughIo } from './early-exit.js';

const args = process.argv.slice(2);
const io = nodeIo({ direct: writesOnlyThroughIo(args) });
void runCli(args, io).then((code) => {
  process.exitCode = code;
  // Once the promise jobs still queued have run (a tick runs after the microtask queue
  // drains), before the event loop runs V8's pending tasks (ADR 0047).
  if (endsEarly(args)) process.nextTick(() => endIfIdle(io, code));
});

function endIfIdle(io: NodeIo, code: number): void {
  // Only the streams the io opened: reading `process.stdin` would create it.
  let pendingBytes = 0;
  for (const fd of io.opened) if (fd !== 0) pendingBytes += stream(fd).writableLength;
  const state = {
    resources: process.getActiveResourcesInfo(),
    stdioStreams: io.opened.size,
    beforeExitListeners: process.listenerCount('beforeExit'),
    pendingBytes,
  };
  if (idle(state)) process.exit(code);
}

function stream(fd: 1 | 2): NodeJS.WriteStream {
  return fd === 1 ? process.stdout : process.stderr;
}
