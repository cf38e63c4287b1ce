/**
 * Reads the capability host's configuration from flags and files: policy (`--allow`, `--deny`,
 * `--policy FILE`), file access (`--allow-read DIR`), answers for `ccos.user.ask`
 * (`--answers FILE`) and `--dry-run`. Policy and answers files are RTFS or JSON.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { isatty } from 'node:tty';
import { type Value, Keyword, RMap, RVector, printValue, read } from '../index.js';
import { UsageError } from './exit-codes.js';
import { nearest } from '../diagnostics/index.js';

import type { HostFlags } from './host-options.js';

function readData(file: string, what: string): Value {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${what} ${file}: ${(e as Error).message}`);
  }
  const r = read(text, file);
  const d = r.diagnostics[0];
  if (d !== undefined) throw new UsageError(`${what} ${file} is not valid RTFS/JSON: ${d.message}`);
  if (r.forms.length !== 1)
    throw new UsageError(`${what} ${file} must hold exactly one map or vector`);
  return r.forms[0] as Value;
}

function strings(v: Value | undefined, file: string, key: string): string[] {
  if (v === undefined || v === null) return [];
  if (!(v instanceof RVector) || ![...v].every((x) => typeof x === 'string')) {
    throw new UsageError(`policy ${file}: ${key} must be a vector of strings`);
  }
  return [...v] as string[];
}

export function policyFrom(flags: HostFlags): { allow: string[]; deny: string[] } {
  const allow = [...(flags.allow ?? [])];
  const deny = [...(flags.deny ?? [])];
  if (flags.policy !== undefined) {
    const m = readData(flags.policy, 'policy file');
    if (!(m instanceof RMap))
      throw new UsageError(`policy ${flags.policy}: expected a map {:allow [...] :deny [...]}`);
    for (const key of m.keys()) {
      const name = key instanceof Keyword ? key.name : typeof key === 'string' ? key : undefined;
      if (name !== 'allow' && name !== 'deny') {
        const shown = typeof key === 'string' ? JSON.stringify(key) : printValue(key);
        const near = name === undefined ? undefined : nearest(name, ['allow', 'deny']);
        throw new UsageError(
          `policy ${flags.policy}: unknown key ${shown} (a policy has only :allow and :deny` +
            `${near !== undefined ? `; did you mean :${near}?` : ''})`,
        );
      }
    }
    const get = (k: string): Value | undefined => m.get(Keyword.of(k)) ?? m.get(k);
    allow.push(...strings(get('allow'), flags.policy, ':allow'));
    deny.push(...strings(get('deny'), flags.policy, ':deny'));
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
  if (file === undefined) return isatty(0) ? terminalAnswers() : undefined;
  const data = readData(file, 'answers file');
  if (data instanceof RVector) {
    const queue = [...data].map((x) => (typeof x === 'string' ? x : printValue(x)));
    return { next: () => queue.shift() };
  }
  if (data instanceof RMap) {
    return {
      next: (prompt) => {
        const a = data.get(prompt);
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
