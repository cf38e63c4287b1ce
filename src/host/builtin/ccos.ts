/**
 * `ccos.*` host capabilities: echo, log, reading granted files, asking the user.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { type Value, Keyword, RMap, printDisplay } from '../../data/index.js';
import { RtfsError } from '../../runtime/index.js';
import type { Capability } from '../capability.js';
import { schema } from './schema.js';

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
  const echo = schema('[:union :string [:map [:message :string]]]');
  const log = schema('[:union :string [:map [:message :string]]]');
  const fsRead = schema('[:union :string [:map [:path :string]]]');
  const ask = schema('[:union :string [:map [:prompt :string]]]');
  const pending = schema(
    '[:map [:request_id :string] [:needs :string] [:inputs {:optional true} :map]]',
  );
  return [
    {
      id: 'ccos.echo',
      description: 'Returns its message (and logs it): a harmless capability for testing plans.',
      inputSchema: echo.type,
      inputSchemaForm: echo.form,
      outputSchema: schema(':string').type,
      effects: ['pure'],
      impl: (v) => {
        const m = text(v, 'message');
        opts.log(`${m}\n`);
        return m;
      },
    },
    {
      id: 'ccos.io.log',
      description: 'Writes a message to the run log.',
      inputSchema: log.type,
      inputSchemaForm: log.form,
      outputSchema: schema(':nil').type,
      effects: ['write'],
      impl: (v) => {
        opts.log(`${text(v, 'message')}\n`);
        return null;
      },
    },
    {
      id: 'ccos.fs.read',
      description: 'Reads a UTF-8 text file below a granted directory (--allow-read DIR).',
      inputSchema: fsRead.type,
      inputSchemaForm: fsRead.form,
      outputSchema: schema(':string').type,
      effects: ['read'],
      impl: (v) => {
        const path = text(v, 'path');
        const full = safeRealpath(resolve(path));
        const roots = opts.readRoots.map((r) => safeRealpath(resolve(r)));
        if (!roots.some((r) => full === r || full.startsWith(r + sep))) {
          throw new RtfsError(
            'capability/denied',
            `ccos.fs.read: ${path} is outside the granted directories (${opts.readRoots.join(', ') || 'none; use --allow-read DIR'})`,
          );
        }
        try {
          return readFileSync(full, 'utf8');
        } catch (e) {
          throw new RtfsError(
            'capability/failed',
            `ccos.fs.read: cannot read ${path}: ${(e as Error).message}`,
          );
        }
      },
    },
    {
      // A planner's gap: the step stands for a capability that does not exist yet.
      id: 'ccos.capability.pending',
      description:
        'Stands for a capability the catalog lacks (a planner gap): a dry run simulates it, a full run stops here with its capability-request id.',
      inputSchema: pending.type,
      inputSchemaForm: pending.form,
      outputSchema: schema(':any').type,
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
    {
      id: 'ccos.user.ask',
      description:
        'Asks the user a question and returns the answer (from --answers FILE, or the terminal).',
      inputSchema: ask.type,
      inputSchemaForm: ask.form,
      outputSchema: schema(':string').type,
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
  ];
}

function safeRealpath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}
