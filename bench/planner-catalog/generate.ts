/**
 * A deterministic (seeded) generator of planner catalogs with N capabilities, for the
 * planner-throughput rows of the benchmark (issue 18 item 5) and the tests that plan on
 * a large catalog. Capabilities look like a real catalog's (examples/catalogs/default.rtfs):
 * `service.verb_entity` ids, a name, a description a planner matches goals against,
 * effects, `:metadata {:service … :domain …}` and typed RTFS input/output schemas.
 *
 * Services come from vocabulary.ts (real names first, then invented ones from seeded
 * syllables); each offers verbs (list, get, create, search, update, …) on the entities
 * of its domain. A catalog of N takes, round after round, the next 4 capabilities of
 * every service, so a small catalog is broad (16 services × list/get/create/search) and
 * a large one deep. `mail.send` and `sms.send` are always there (goals deliver results).
 *
 *   tsx bench/planner-catalog/cli.ts 5000 > catalog.rtfs
 */
import { DOMAINS, ENTITIES, type Entity, SERVICES, SYLLABLES, VERBS } from './vocabulary.js';

export interface GeneratedCapability {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly effects: readonly string[];
  /** RTFS type expressions, as source text. */
  readonly inputSchema: string;
  readonly outputSchema: string;
  readonly metadata: Readonly<Record<string, string>>;
}

/** mulberry32: a small, well-distributed 32-bit PRNG (deterministic for a seed). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CORE: readonly GeneratedCapability[] = [
  {
    id: 'mail.send',
    name: 'Send email',
    description: 'Send an email message to one or more recipients',
    effects: ['network', 'write'],
    inputSchema: '[:map [:to :string] [:subject :string] [:body :string]]',
    outputSchema: '[:map [:message_id :string]]',
    metadata: { service: 'mail', domain: 'messaging' },
  },
  {
    id: 'sms.send',
    name: 'Send SMS',
    description: 'Send a text message (SMS) to a phone number',
    effects: ['network', 'write'],
    inputSchema: '[:map [:phone :string] [:message :string]]',
    outputSchema: '[:map [:sid :string]]',
    metadata: { service: 'sms', domain: 'messaging' },
  },
];

const words = (snake: string): string => snake.replace(/_/g, ' ');
const title = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function record(e: Entity): string {
  return `[:map ${e.fields.map(([n, t]) => `[:${n} ${t}]`).join(' ')}]`;
}

function inputs(scope: readonly string[], extra: readonly string[]): string {
  return `[${[':map', ...scope.map((s) => `[:${s} :string]`), ...extra].join(' ')}]`;
}

/** The capability `verb` of `entity` in `service` (undefined: the verb does not apply). */
function capability(
  service: string,
  domain: string,
  entity: Entity,
  verb: string,
): GeneratedCapability | undefined {
  const d = DOMAINS[domain];
  if (d === undefined) return undefined;
  const svc = title(service);
  const one = words(entity.name);
  const many = words(entity.plural);
  const [key, keyType] = entity.key;
  const keyIn = `[:${key} ${keyType}]`;
  const scope = d.scope;
  const limit = '[:limit {:optional true} :int]';
  const list = `[:map [:${entity.plural} [:vector ${record(entity)}]]]`;
  const status =
    entity.states === undefined
      ? []
      : [`[:status {:optional true} [:enum ${entity.states.map((s) => `"${s}"`).join(' ')}]]`];
  const read = ['network', 'read'];
  const write = ['network', 'write'];
  const base = { metadata: { service, domain } };
  const rest = entity.fields.slice(1).filter(([n]) => !scope.includes(n));
  switch (verb) {
    case 'list':
      return {
        ...base,
        id: `${service}.list_${entity.plural}`,
        name: `List ${many}`,
        description: `List ${many} of a ${svc} ${d.noun}${entity.states ? ', optionally filtered by status' : ''}`,
        effects: read,
        inputSchema: inputs(scope, [...status, limit]),
        outputSchema: list,
      };
    case 'get':
      return {
        ...base,
        id: `${service}.get_${entity.name}`,
        name: `Get ${one}`,
        description: `Get one ${svc} ${one} by ${words(key)}, with its ${rest.map(([n]) => words(n)).join(', ')}`,
        effects: read,
        inputSchema: inputs(scope, [keyIn]),
        outputSchema: `[:map [:${entity.name} ${record(entity)}]]`,
      };
    case 'create': {
      const fields = entity.name === 'message' ? rest.filter(([n]) => n === 'text') : rest;
      const required = fields.slice(0, 2).map(([n, t]) => `[:${n} ${t}]`);
      const optional = fields.slice(2).map(([n, t]) => `[:${n} {:optional true} ${t}]`);
      return {
        ...base,
        id: `${service}.${entity.name === 'message' ? 'post' : 'create'}_${entity.name}`,
        name: `${entity.name === 'message' ? 'Post' : 'Create'} ${one}`,
        description:
          entity.name === 'message'
            ? `Post a message to a ${svc} channel`
            : `Create a new ${one} in a ${svc} ${d.noun}`,
        effects: write,
        inputSchema: inputs(scope, [...required, ...optional]),
        outputSchema: `[:map ${keyIn} [:url :string]]`,
      };
    }
    case 'search':
      return {
        ...base,
        id: `${service}.search_${entity.plural}`,
        name: `Search ${many}`,
        description: `Search ${svc} ${many} by keywords`,
        effects: read,
        inputSchema: inputs(scope, ['[:query :string]', limit]),
        outputSchema: list,
      };
    case 'update': {
      const [field, type] = rest[rest.length - 1] ?? ['title', ':string'];
      return {
        ...base,
        id: `${service}.update_${entity.name}`,
        name: `Update ${one}`,
        description: `Update the ${words(field)} of a ${svc} ${one}`,
        effects: write,
        inputSchema: inputs(scope, [keyIn, `[:${field} ${type}]`]),
        outputSchema: `[:map [:${entity.name} ${record(entity)}]]`,
      };
    }
    case 'delete':
    case 'archive':
      return {
        ...base,
        id: `${service}.${verb}_${entity.name}`,
        name: `${title(verb)} ${one}`,
        description: `${title(verb)} a ${svc} ${one}`,
        effects: write,
        inputSchema: inputs(scope, [keyIn]),
        outputSchema: `[:map [:${verb === 'delete' ? 'deleted' : 'archived'} :bool]]`,
      };
    case 'export':
      return {
        ...base,
        id: `${service}.export_${entity.plural}`,
        name: `Export ${many}`,
        description: `Export the ${many} of a ${svc} ${d.noun} as a CSV or JSON file`,
        effects: read,
        inputSchema: inputs(scope, ['[:format {:optional true} [:enum "csv" "json"]]']),
        outputSchema: '[:map [:url :string]]',
      };
    case 'comment':
    case 'assign':
      if (entity.states === undefined || entity.name === 'message') return undefined;
      return {
        ...base,
        id: `${service}.${verb}_${entity.name}`,
        name: verb === 'comment' ? `Comment on ${one}` : `Assign ${one}`,
        description:
          verb === 'comment'
            ? `Add a comment to a ${svc} ${one}`
            : `Assign a ${svc} ${one} to a person`,
        effects: write,
        inputSchema: inputs(scope, [
          keyIn,
          verb === 'comment' ? '[:body :string]' : '[:assignee :string]',
        ]),
        outputSchema:
          verb === 'comment' ? '[:map [:comment_id :string]]' : '[:map [:assignee :string]]',
      };
    default:
      return undefined;
  }
}

/** Every capability of a service, entity by entity, verbs in order of importance. */
function serviceCapabilities(service: string, domain: string): GeneratedCapability[] {
  const out: GeneratedCapability[] = [];
  for (const verb of VERBS) {
    for (const name of DOMAINS[domain]?.entities ?? []) {
      const entity = ENTITIES[name];
      const c = entity === undefined ? undefined : capability(service, domain, entity, verb);
      if (c !== undefined) out.push(c);
    }
  }
  return out;
}

/** `n` capabilities (at least the 2 core ones), the same for the same `(n, seed)`. */
export function generateCatalog(n: number, seed = 1): GeneratedCapability[] {
  const random = prng(seed);
  const domains = Object.keys(DOMAINS);
  const services: GeneratedCapability[][] = [];
  const taken = new Set<string>();
  let total = CORE.length;
  const add = (service: string, domain: string): void => {
    taken.add(service);
    const caps = serviceCapabilities(service, domain);
    services.push(caps);
    total += caps.length;
  };
  for (const [service, domain] of SERVICES) add(service, domain);
  while (total < n) {
    const parts = 2 + Math.floor(random() * 2);
    let name = '';
    for (let i = 0; i < parts; i++) name += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    if (taken.has(name)) continue;
    add(name, domains[Math.floor(random() * domains.length)] ?? 'code');
  }
  const out: GeneratedCapability[] = [...CORE];
  for (let round = 0; out.length < n; round++) {
    const before = out.length;
    for (const caps of services) {
      for (const c of caps.slice(round * 4, round * 4 + 4)) if (out.length < n) out.push(c);
    }
    if (out.length === before) break;
  }
  return out;
}

const str = (s: string): string => JSON.stringify(s);

/** The catalog as an RTFS catalog file (the format of examples/catalogs/default.rtfs). */
export function catalogSource(caps: readonly GeneratedCapability[], header: string): string {
  const entry = (c: GeneratedCapability): string => {
    const meta = Object.keys(c.metadata)
      .sort()
      .map((k) => `:${k} ${str(c.metadata[k] ?? '')}`)
      .join(' ');
    return [
      ` {:id ${str(c.id)}`,
      `  :name ${str(c.name)}`,
      `  :description ${str(c.description)}`,
      '  :provider "http"',
      `  :effects [${c.effects.map((e) => `:${e}`).join(' ')}]`,
      `  :metadata {${meta}}`,
      `  :input-schema ${c.inputSchema}`,
      `  :output-schema ${c.outputSchema}}`,
    ].join('\n');
  };
  const lines = header.split('\n').map((l) => `;; ${l}`.trimEnd());
  return `${lines.join('\n')}\n[${caps.map(entry).join('\n').slice(1)}]\n`;
}

/**
 * Goals over a generated catalog: list, search, get and count its services' records, and
 * send them by SMS (every one plans completely on 64 and on 5,000 capabilities).
 */
export function generatedGoals(
  caps: readonly GeneratedCapability[],
  count: number,
  seed = 1,
): string[] {
  const random = prng(seed);
  const lists = caps.filter((c) => /\.list_/.test(c.id) && c.inputSchema.includes(':status'));
  const gets = caps.filter((c) => /\.get_/.test(c.id));
  const searches = caps.filter((c) => /\.search_/.test(c.id));
  const goals: string[] = [];
  const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(random() * xs.length)];
  for (let i = 0; goals.length < count && i < count * 4; i++) {
    const kind = i % 4;
    const c = pick(kind === 1 ? searches : kind === 2 ? gets : lists);
    if (c === undefined) continue;
    const service = c.metadata['service'] ?? '';
    const what = words(c.id.slice(c.id.indexOf('_') + 1));
    const state = /\[:enum "([a-z_]+)"/.exec(c.inputSchema)?.[1] ?? 'open';
    goals.push(
      kind === 0
        ? `list ${words(state)} ${what} in ${service} and send them by SMS to +15551234567`
        : kind === 1
          ? `search ${service} ${what} for "outage" and count them`
          : kind === 2
            ? `get ${service} ${what} 42 and send it by SMS to +15551234567`
            : `count the ${words(state)} ${what} in ${service}`,
    );
  }
  return goals;
}
