/**
 * The interactive loop (main thread): node:readline reads lines (with history, tab
 * completion and Ctrl-C/Ctrl-D handling when stdin is a terminal), the accumulator
 * decides when an input is complete, and the evaluator worker runs it. Without a
 * terminal there are no prompts, no history and no colours: lines are evaluated in
 * order, which makes the REPL scriptable.
 */
import { createInterface } from 'node:readline';
import type { CliContext } from '../io.js';
import { ExitCode, UsageError } from '../exit-codes.js';
import { EvalClient, type Body } from './client.js';
import { complete } from './completion.js';
import { HISTORY_SIZE, historyFile, loadHistory, mergeLastLines, saveHistory } from './history.js';
import packageJson from '../../../package.json' with { type: 'json' };
import { InputAccumulator } from './input.js';
import type { ReplFlags } from './protocol.js';

export const PROMPT = 'rtfs> ';

/** The line the interactive REPL starts with. */
export function banner(dim: (s: string) => string = (s) => s): string {
  return `rtfs ${packageJson.version} REPL ${dim('— :help for commands and keys, *1 *2 *3 *e for recent results, Ctrl-D to leave')}`;
}
export const CONTINUATION = '  ... ';

export async function runRepl(
  flags: ReplFlags,
  ctx: CliContext,
  workerUrl: URL,
): Promise<ExitCode> {
  const { stdin } = process;
  const stdout = process.stdout;
  const tty = stdin.isTTY === true && stdout.isTTY === true;
  const colors = ctx.colors('stdout');
  const client = new EvalClient(workerUrl, flags, colors.isColorSupported, (text, stream) =>
    ctx.io[stream].write(text),
  );
  try {
    await client.start();
  } catch (e) {
    throw new UsageError((e as Error).message);
  }

  const acc = new InputAccumulator();
  const histFile = historyFile(ctx.io.env);
  const rl = createInterface({
    input: stdin,
    output: stdout,
    terminal: tty,
    history: tty ? loadHistory(histFile) : [],
    historySize: HISTORY_SIZE,
    removeHistoryDuplicates: true,
    completer: (line: string) => complete(line, client.completions, !acc.pending),
  });
  let historyWarned = false;
  const save = (h: readonly string[]): void => {
    const err = saveHistory(histFile, h);
    if (err !== undefined && !historyWarned) {
      historyWarned = true;
      ctx.io.stderr.write(`warning: ${err}\n`);
    }
  };
  rl.on('history', save);
  /** readline's history (newest first); node types it as readonly, it is a plain array. */
  const history = (rl as unknown as { history: string[] }).history;
  if (tty) stdout.write(`${banner(colors.dim)}\n`);

  // Ctrl-D can close the interface while an evaluation is still running; a prompt
  // after that would resume stdin and keep the process alive.
  let closed = false;
  rl.on('close', () => {
    closed = true;
  });
  const prompt = (): void => {
    if (!tty || closed) return;
    rl.setPrompt(acc.pending ? CONTINUATION : PROMPT);
    rl.prompt();
  };

  /** Successful inputs, replayed into a fresh worker after a forced restart. */
  const replay: Body[] = [];
  let restarting: Promise<void> | undefined;
  let asking: AbortController | undefined;
  const restart = (): Promise<void> =>
    client.restart(replay).catch((e: unknown) => {
      ctx.io.stderr.write(`rtfs: the session could not be rebuilt: ${String(e)}\n`);
      rl.close();
    });
  let interrupts = 0;
  const onInterrupt = (): void => {
    if (asking !== undefined) {
      // Ctrl-C at a question: no answer, and stop the evaluation that asked.
      asking.abort();
      asking = undefined;
      client.answer(undefined);
    }
    if (client.busy) {
      interrupts++;
      if (interrupts === 1) {
        client.interrupt();
        return;
      }
      if (restarting !== undefined) return;
      ctx.io.stderr.write(
        `\nthe evaluation does not stop: restarting the session (replaying ${replay.length} inputs)\n`,
      );
      restarting = restart().finally(() => {
        restarting = undefined;
      });
      return;
    }
    if (!tty) {
      rl.close();
      return;
    }
    acc.clear();
    rl.write(null, { ctrl: true, name: 'e' });
    rl.write(null, { ctrl: true, name: 'u' });
    stdout.write('^C\n');
    prompt();
  };
  // ccos.user.ask reads its answer at the prompt (without a terminal: --answers only).
  if (tty) {
    client.onAsk = (question) => {
      // The input was closed (Ctrl-D) while the evaluation ran: nobody can answer.
      if (closed) {
        client.answer(undefined);
        return;
      }
      const ac = new AbortController();
      asking = ac;
      rl.question(`${question} `, { signal: ac.signal }, (line) => {
        if (asking === ac) asking = undefined;
        client.answer(line);
      });
    };
  }
  rl.on('SIGINT', onInterrupt);
  if (!tty) process.on('SIGINT', onInterrupt);

  const run = async (body: Body): Promise<boolean> => {
    if (restarting !== undefined) await restarting;
    interrupts = 0;
    const ok = await client.request(body);
    if (restarting === undefined && !client.alive) {
      ctx.io.stderr.write(
        `the evaluator stopped: restarting the session (replaying ${replay.length} inputs)\n`,
      );
      restarting = restart().finally(() => {
        restarting = undefined;
      });
    }
    if (restarting !== undefined) await restarting;
    return ok;
  };

  let failures = 0;
  prompt();
  try {
    await loop();
  } finally {
    rl.close();
    if (tty) stdout.write('\n');
    else process.off('SIGINT', onInterrupt);
    await client.close();
  }
  return failures > 0 && !tty ? ExitCode.inputErrors : ExitCode.ok;

  async function loop(): Promise<void> {
    lines: for await (const line of rl) {
      const input = acc.push(line);
      let ok = true;
      switch (input.kind) {
        case 'empty':
        case 'more':
          break;
        case 'source': {
          const lines = input.text.split('\n');
          if (tty && lines.length > 1) {
            // One history entry for the whole form, so Up recalls it as it was typed.
            mergeLastLines(history, lines);
            save(history);
          }
          const body: Body = { kind: 'eval', text: input.text, quiet: false };
          ok = await run(body);
          if (ok) replay.push(body);
          break;
        }
        case 'command': {
          if (input.name === 'quit') break lines;
          const body: Body = { kind: 'command', name: input.name, arg: input.arg, quiet: false };
          ok = await run(body);
          if (input.name === 'reset') replay.length = 0;
          if (ok && input.name === 'load') replay.push(body);
          break;
        }
      }
      if (!ok) failures++;
      prompt();
    }
  }
}
