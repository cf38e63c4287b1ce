/**
 * `ccos.*` host capabilities: echo, log, reading granted files, asking the user.
 */
import {
  type Stats,
  closeSync,
  constants as fsConstants,
  fstatSync,
  openSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  statSync,
} from 'node:fs';
import { resolve, sep } from 'node:path';
import { type Value, Keyword, MAX_STRING, RMap, printDisplay } from '../../data/index.js';
import { RtfsError } from '../../runtime/index.js';
import type { Capability } from '../capability.js';
import { type SchemaTexts, withSchemas } from './schema.js';

const k = (n: string): Keyword => Keyword.of(n);

function text(v: Value, key: string): string {
  if (typeof v === 'string') return v;
  if (v instanceof RMap) {
    const t = v.get(k(key));
    if (typeof t === 'string') return t;
  }
  return printDisplay(v);
}

export interface CcosOptions {
  /** Where `ccos.io.log` and `ccos.echo` write. */
  readonly log: (text: string) => void;
  /** Directories `ccos.fs.read` may read below (none: every read is refused). */
  readonly readRoots: readonly string[];
  /** Answers `ccos.user.ask` gets, in order (from --answers), or undefined to ask the terminal. */
  readonly answers?: { next(prompt: string): string | undefined };
}

export function ccosCapabilities(opts: CcosOptions): Capability[] {
  for (const r of opts.readRoots)
    if (r === '')
      throw new Error('a read root of "" is not a directory (give "." for the current directory)');
  const echo = '[:union :string [:map [:message :string]]]';
  const log = '[:union :string [:map [:message :string]]]';
  const fsRead = '[:union :string [:map [:path :string]]]';
  const ask = '[:union :string [:map [:prompt :string]]]';
  const pending = '[:map [:request_id :string] [:needs :string] [:inputs {:optional true} :map]]';
  // Output schemas are validated but not shown (no form).
  const io = (input: string, output: string): SchemaTexts => ({ input, output, outputForm: false });
  return [
    withSchemas(
      {
        id: 'ccos.echo',
        description: 'Returns its message (and logs it): a harmless capability for testing plans.',
        effects: ['pure'],
        impl: (v) => {
          const m = text(v, 'message');
          opts.log(`${m}\n`);
          return m;
        },
      },
      io(echo, ':string'),
    ),
    withSchemas(
      {
        id: 'ccos.io.log',
        description: 'Writes a message to the run log.',
        effects: ['write'],
        impl: (v) => {
          opts.log(`${text(v, 'message')}\n`);
          return null;
        },
      },
      io(log, ':nil'),
    ),
    withSchemas(
      {
        id: 'ccos.fs.read',
        description: 'Reads a UTF-8 text file below a granted directory (--allow-read DIR).',
        effects: ['read'],
        impl: (v) => readGranted(text(v, 'path'), opts.readRoots),
      },
      io(fsRead, ':string'),
    ),
    withSchemas(
      {
        // A planner's gap: the step stands for a capability that does not exist yet.
        id: 'ccos.capability.pending',
        description:
          'Stands for a capability the catalog lacks (a planner gap): a dry run simulates it, a full run stops here with its capability-request id.',
        effects: ['human'],
        impl: (v) => {
          const get = (key: string): string => {
            const x = v instanceof RMap ? v.get(k(key)) : undefined;
            return typeof x === 'string' ? x : '';
          };
          throw new RtfsError(
            'capability/pending',
            `no capability can "${get('needs')}" yet (capability request ${get('request_id')}); provide one or add it to the catalog`,
          );
        },
      },
      io(pending, ':any'),
    ),
    withSchemas(
      {
        id: 'ccos.user.ask',
        description:
          'Asks the user a question and returns the answer (from --answers FILE, or the terminal).',
        effects: ['human'],
        impl: (v) => {
          const prompt = text(v, 'prompt');
          const answer = opts.answers?.next(prompt);
          if (answer === undefined) {
            throw new RtfsError(
              'capability/failed',
              `ccos.user.ask: no answer for "${prompt}" (give answers with --answers FILE)`,
            );
          }
          return answer;
        },
      },
      io(ask, ':string'),
    ),
  ];
}

/** Largest file `ccos.fs.read` returns: the string size limit (UTF-8 bytes ≥ UTF-16 units). */
export const MAX_READ_BYTES = MAX_STRING;

function denied(path: string, roots: readonly string[]): RtfsError {
  return new RtfsError(
    'capability/denied',
    `ccos.fs.read: ${path} is outside the granted directories (${roots.join(', ') || 'none; use --allow-read DIR'})`,
  );
}

function failed(path: string, why: string): RtfsError {
  return new RtfsError('capability/failed', `ccos.fs.read: cannot read ${path}: ${why}`);
}

function within(full: string, root: string): boolean {
  return full === root || full.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * Reads `path` if the file it names lies below a granted root. Open first, then check
 * what was opened (no check-then-use race): the kernel's path of the open descriptor
 * (`/proc/self/fd/N`), or where there is no /proc, the device and inode of the open
 * file against those of the path's real path. Symlinks swapped in between the check and
 * the read therefore cannot lead outside. Only regular files are read (a FIFO or a
 * device never blocks or streams forever: the open is non-blocking).
 */
function readGranted(path: string, readRoots: readonly string[]): string {
  const roots = readRoots.map((r) => safeRealpath(resolve(r)));
  const full = resolve(path);
  // Refuse early (and without touching the file) what is plainly outside.
  if (!roots.some((r) => within(safeRealpath(full), r) || within(full, r)))
    throw denied(path, readRoots);
  let fd: number;
  try {
    fd = openSync(full, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  } catch (e) {
    throw failed(path, (e as Error).message);
  }
  try {
    const st = fstatSync(fd);
    const real = openedPath(fd, full, st);
    if (real === undefined || !roots.some((r) => within(real, r))) throw denied(path, readRoots);
    if (!st.isFile()) throw failed(path, 'not a regular file');
    if (st.size > MAX_READ_BYTES)
      throw failed(path, `the file is larger than ${MAX_READ_BYTES} bytes`);
    return readFileSync(fd, 'utf8');
  } catch (e) {
    if (e instanceof RtfsError) throw e;
    throw failed(path, (e as Error).message);
  } finally {
    closeSync(fd);
  }
}

/** The real path of the file open on `fd` (undefined when it cannot be established). */
function openedPath(fd: number, full: string, st: Stats): string | undefined {
  try {
    const p = readlinkSync(`/proc/self/fd/${fd}`);
    if (p.startsWith('/')) return p;
  } catch {
    // no /proc: fall back to comparing the inode
  }
  try {
    const real = realpathSync(full);
    const now = statSync(real);
    return now.dev === st.dev && now.ino === st.ino ? real : undefined;
  } catch {
    return undefined;
  }
}

function safeRealpath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}
