/**
 * Reads the capability host's configuration from flags and files: policy (`--allow`, `--deny`,
 * `--policy FILE`), file access (`--allow-read DIR`), answers for `ccos.user.ask`
 * (`--answers FILE`) and `--dry-run`. Policy and answers files are RTFS or JSON.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { isTerminal } from '../host/direct-stdout.js';
import { type Value, Keyword, RMap, RVector, printValue } from '../data/index.js';
import { readConfigFile } from '../config/index.js';
import { configErrorText } from './config-error.js';
import { UsageError } from './exit-codes.js';
import { policyFromData } from '../host/index.js';

import type { HostFlags } from './host-options.js';

/** A policy or answers file, JSON or RTFS (src/config/): errors name the file and position. */
function readData(file: string, what: string): Value {
  const r = readConfigFile(file, what);
  if (!r.ok) throw new UsageError(configErrorText(r.diagnostics));
  return r.value;
}

export function policyFrom(flags: HostFlags): { allow: string[]; deny: string[] } {
  const allow = [...(flags.allow ?? [])];
  const deny = [...(flags.deny ?? [])];
  if (flags.policy !== undefined) {
    const p = policyFromData(readData(flags.policy, 'policy file'), flags.policy);
    if ('error' in p) throw new UsageError(p.error);
    allow.push(...p.allow);
    deny.push(...p.deny);
  }
  return { allow, deny };
}

/**
 * Answers in order (a vector) or by prompt (a map from prompt to answer); without a
 * file, the terminal when stdin is one (the prompt goes to stderr, a line is read).
 */
export function answersFrom(
  file: string | undefined,
): { next(prompt: string): string | undefined } | undefined {
  if (file === undefined) return isTerminal(0) ? terminalAnswers() : undefined;
  const data = readData(file, 'answers file');
  if (data instanceof RVector) {
    const queue = [...data].map((x) => (typeof x === 'string' ? x : printValue(x)));
    return { next: () => queue.shift() };
  }
  if (data instanceof RMap) {
    return {
      next: (prompt) => {
        // JSON object keys read as keywords: look the prompt up both ways.
        const a = data.get(prompt) ?? data.get(Keyword.of(prompt));
        return a === undefined || a === null
          ? undefined
          : typeof a === 'string'
            ? a
            : printValue(a);
      },
    };
  }
  throw new UsageError(
    `answers file ${file}: expected a vector of answers or a map from prompt to answer`,
  );
}

/**
 * Asks on the terminal, synchronously (capability calls are synchronous, ADR 0007):
 * reads a line from /dev/tty, which blocks, unlike fd 0 once Node has opened stdin.
 */
function terminalAnswers(): { next(prompt: string): string | undefined } {
  return {
    next(prompt) {
      let fd: number;
      try {
        fd = openSync('/dev/tty', 'r');
      } catch {
        return undefined;
      }
      try {
        process.stderr.write(`${prompt} `);
        const bytes: number[] = [];
        const buf = Buffer.alloc(1);
        for (;;) {
          const n = readSync(fd, buf, 0, 1, null);
          if (n === 0 || buf[0] === 10) break;
          bytes.push(buf[0] as number);
        }
        return Buffer.from(bytes).toString('utf8').replace(/\r$/, '');
      } finally {
        closeSync(fd);
      }
    },
  };
}
