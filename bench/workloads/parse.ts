/**
 * Parse workload: a ~5 MB RTFS data file shaped like a large plan (nested maps,
 * vectors, strings, keywords, ints, floats), read warm, against `JSON.parse` of the
 * same data as JSON.
 */
import { read } from '../../src/syntax/full.js';
import type { Case } from '../harness.js';

interface Step {
  id: string;
  capability: string;
  description: string;
  inputs: Record<string, unknown>;
  outputs: string[];
  retries: number;
  timeout: number;
  weight: number;
  tags: string[];
  deps: string[];
}

function makeSteps(n: number): Step[] {
  const caps = ['ccos.echo', 'core.data.filter', 'github.issues.list', 'mail.send', 'http.get'];
  const steps: Step[] = [];
  for (let i = 0; i < n; i++) {
    steps.push({
      id: `step-${i}`,
      capability: `${caps[i % caps.length]}`,
      description: `Step ${i}: fetch the "items" for batch ${i % 97}\tand summarise them`,
      inputs: {
        repo: `acme/api-${i % 13}`,
        limit: i % 50,
        threshold: (i % 100) / 8 + 0.5,
        labels: ['bug', 'p1', `team-${i % 7}`],
        nested: { page: i, cursor: null, done: i % 2 === 0 },
      },
      outputs: ['result', `out-${i}`],
      retries: 3,
      timeout: 30000 + i,
      weight: 1.25,
      tags: ['plan', 'generated'],
      deps: i > 0 ? [`step-${i - 1}`] : [],
    });
  }
  return steps;
}

function rtfsString(s: string): string {
  return JSON.stringify(s); // JSON string escapes are a subset of RTFS's
}

function stepToRtfs(s: Step): string {
  const inp = s.inputs as {
    repo: string;
    limit: number;
    threshold: number;
    labels: string[];
    nested: { page: number; done: boolean };
  };
  return (
    `{:id ${rtfsString(s.id)} :capability :${s.capability} :description ${rtfsString(s.description)}\n` +
    ` :inputs {:repo ${rtfsString(inp.repo)} :limit ${inp.limit} :threshold ${formatFloat(inp.threshold)}` +
    ` :labels [${inp.labels.map(rtfsString).join(' ')}] :nested {:page ${inp.nested.page} :cursor nil :done ${inp.nested.done}}}\n` +
    ` :outputs [${s.outputs.map(rtfsString).join(' ')}] :retries ${s.retries} :timeout ${s.timeout}` +
    ` :weight ${formatFloat(s.weight)} :tags [:plan :generated] :deps [${s.deps.map(rtfsString).join(' ')}]}`
  );
}

function formatFloat(x: number): string {
  return Number.isInteger(x) ? `${x}.0` : String(x);
}

export interface ParseData {
  readonly rtfs: string;
  readonly json: string;
}

/** Generates RTFS and JSON texts of about `targetBytes` each. */
export function makeParseData(targetBytes = 5_000_000): ParseData {
  const probe = stepToRtfs(makeSteps(2)[1] as Step).length + 2;
  const steps = makeSteps(Math.ceil(targetBytes / probe));
  const rtfs = `{:plan/name "large generated plan" :steps [\n${steps.map(stepToRtfs).join('\n')}\n]}\n`;
  const json = JSON.stringify({ 'plan/name': 'large generated plan', steps });
  return { rtfs, json };
}

export function parseCases(data: ParseData): { baseline: Case; candidates: Case[] } {
  const label = `parse ${(data.rtfs.length / 1e6).toFixed(1)} MB`;
  return {
    baseline: {
      workload: label,
      engine: 'JSON.parse',
      run: () => JSON.parse(data.json),
      bytes: data.json.length,
    },
    candidates: [
      {
        workload: label,
        engine: 'read()',
        run: () => {
          const r = read(data.rtfs, 'bench.rtfs');
          if (r.diagnostics.length > 0) throw new Error('bench data did not read');
          return r;
        },
        bytes: data.rtfs.length,
      },
      {
        workload: label,
        engine: 'Chevrotain reader',
        run: () => read(data.rtfs, 'bench.rtfs', { fullReaderOnly: true }),
        bytes: data.rtfs.length,
      },
    ],
  };
}
