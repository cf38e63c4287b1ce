/**
 * One regression test per failure kind of issue 14 ("plans a person would sign off"),
 * on the TS pipeline with the template provider: conditions, iteration, qualifiers and
 * filters, synonyms, other languages, gaps and ambiguity. The LLM failure kinds are in
 * test/cli/plan-llm.test.ts (a real HTTP server) and llm-loop.test.ts.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type Catalog,
  type PipelineResult,
  loadCatalog,
  runPlannerPipeline,
} from '../../src/planner/index.js';
import { RtfsError } from '../../src/runtime/index.js';
import { defaultCatalog, root } from './helpers.js';

function catalog(name: string): Catalog {
  const r = loadCatalog([join(root, `examples/catalogs/${name}.rtfs`)]);
  if (r.diagnostics.length > 0) throw new Error(r.diagnostics[0]?.message);
  return r.catalog;
}

function plan(goal: string, c: Catalog = defaultCatalog()): PipelineResult {
  return runPlannerPipeline(goal, c);
}

/** The step calling `id` (its RTFS source line and everything it is nested in). */
function stepOf(p: PipelineResult, id: string): string {
  const steps = p.plan_source.split(/\n(?= {2}\(step )/);
  const s = steps.find((x) => x.includes(`(call "${id}"`));
  if (s === undefined) throw new Error(`no step calls ${id}:\n${p.plan_source}`);
  return s;
}

function calls(p: PipelineResult): string[] {
  return [...p.plan_source.matchAll(/\(call "([^"]+)"/g)].map((m) => m[1] ?? '');
}

function failure(goal: string): RtfsError {
  try {
    plan(goal);
  } catch (e) {
    if (e instanceof RtfsError) return e;
    throw e;
  }
  throw new Error(`planned "${goal}"`);
}

describe('conditions are kept', () => {
  it('"if it will rain send me an SMS" guards the SMS on the forecast', () => {
    const p = plan('get the forecast for Paris, and if it will rain send me an SMS');
    expect(calls(p)).toEqual(expect.arrayContaining(['weather.forecast', 'sms.send']));
    expect(stepOf(p, 'sms.send')).toMatch(
      /\(if \(some \(fn \[x\] \(includes\? \(lower-case \(str \(get x :conditions\)\)\) "rain"\)\)/,
    );
  });

  it('"if more than 5 critical issues" is a count test, not a write', () => {
    const p = plan('if there are more than 5 critical issues in acme/api, open a Jira ticket');
    expect(calls(p)).not.toContain('github.create_issue');
    expect(stepOf(p, 'github.list_issues')).toContain(':labels ["critical"]');
    expect(stepOf(p, 'jira.create_issue')).toContain(
      '(if (> (count (get (step-result "step_1") :issues)) 5)',
    );
  });

  it('"email me if AAPL drops below 150" only emails under the test', () => {
    const p = plan('email me at alice@example.com if AAPL drops below 150');
    expect(stepOf(p, 'stocks.get_quote')).toContain('{:symbol symbol}');
    expect(stepOf(p, 'mail.send')).toContain('(if (< (get (step-result "step_1") :price) 150)');
  });
});

describe('conditions on earlier results', () => {
  it('"if any pull request is a draft" tests the listed items, without listing them again', () => {
    const p = plan(
      'list the pull requests of acme/api, and if any pull request is a draft, notify me on slack',
    );
    expect(calls(p).filter((c) => c === 'github.list_pull_requests')).toHaveLength(1);
    expect(stepOf(p, 'slack.post_message')).toContain(
      '(if (some (fn [x] (get x :draft)) (get (step-result "step_1") :pull_requests))',
    );
    expect(p.gaps).toEqual([]);
  });

  it('"if the temperature is below 5" reads the field of the weather already fetched', () => {
    const p = plan(
      'get the weather in Paris and if the temperature is below 5, email me at bob@example.com',
    );
    expect(calls(p).filter((c) => c === 'weather.current')).toHaveLength(1);
    expect(stepOf(p, 'mail.send')).toContain('(if (< (get (step-result "step_1") :temperature) 5)');
  });

  it('a narrower condition ("more than 5 critical issues") still fetches what it counts', () => {
    const p = plan(
      'list the open issues of acme/api and if there are more than 5 critical issues, create a jira ticket',
    );
    expect(stepOf(p, 'jira.create_issue')).toMatch(
      /\(if \(> \(count \(get \(step-result "step_2"\) :issues\)\) 5\)/,
    );
    expect(p.plan_source).toContain(':labels ["critical"]');
  });
});

describe('schedules and objects', () => {
  it('"every morning" is a schedule, not items to iterate', () => {
    const p = plan('every morning get the weather for Paris and send it to #general on slack');
    expect(calls(p)).toEqual(expect.arrayContaining(['weather.current', 'slack.post_message']));
    expect(p.plan_source).not.toMatch(/\(mapv \(fn \[/);
    expect(p.plan_source).toContain('[:city {:default "Paris"} :string]');
  });

  it('"email the open issues to team@…" fetches the issues; "the schedule" is the events listed', () => {
    const issues = plan('email the open issues of acme/api to team@example.com');
    expect(calls(issues)[0]).toBe('github.list_issues');
    expect(stepOf(issues, 'mail.send')).toContain(':body (get (step-result "step_2") :text)');
    expect(issues.plan_source).toContain('[:to {:default "team@example.com"} :string]');
    const week = plan(
      'list my calendar events from 2026-12-01 to 2026-12-07 and email the schedule to alice@example.com',
    );
    expect(calls(week)).not.toContain('mail.list_messages');
    expect(calls(week)).toEqual(expect.arrayContaining(['calendar.list_events', 'mail.send']));
  });
});

describe('pronouns and places', () => {
  it('"… and text it to +1…" splits the clause and sends an SMS', () => {
    const p = plan('look up the stock price of MSFT and text it to +15551234567');
    expect(calls(p)).toEqual(['stocks.get_quote', 'core.gen.format', 'sms.send']);
    expect(p.plan_source).toContain('[:phone {:default "+15551234567"} :string]');
  });

  it('"search hotels … and book it" books the first result, when there is one', () => {
    const p = plan(
      'find a hotel in New York from 2027-02-01 to 2027-02-05 under 150 per night and book it',
      catalog('travel'),
    );
    expect(p.plan_source).toContain('(first (get (step-result "step_1") :hotels))');
    expect(stepOf(p, 'hotels.book')).toContain('(if (step-result "step_2")');
    expect(stepOf(p, 'hotels.book')).toContain(':hotel_id (get (step-result "step_2") :hotel_id)');
    expect(p.plan_source).not.toMatch(/\[:hotel_id :string\]/);
  });

  it('"find the order of … and cancel it" takes the order id from the first order found', () => {
    const p = plan(
      'find the order of bob@example.com placed on 2026-11-20 and cancel it',
      catalog('shop'),
    );
    expect(stepOf(p, 'orders.cancel_order')).toContain(
      ':order_id (get (step-result "step_2") :id)',
    );
  });

  it('"flights from Paris to Tokyo" binds the origin and the destination', () => {
    const p = plan(
      'search flights from Paris to Tokyo on 2027-01-15 and book the cheapest one',
      catalog('travel'),
    );
    expect(p.plan_source).toContain('[:destination {:default "Tokyo"} :string]');
    expect(p.plan_source).toContain('[:origin {:default "Paris"} :string]');
  });
});

describe('iteration binds the item', () => {
  it('"close all wontfix issues" closes each listed issue', () => {
    const p = plan('close all wontfix issues in acme/api');
    expect(stepOf(p, 'github.list_issues')).toContain(':labels ["wontfix"]');
    expect(stepOf(p, 'github.close_issue')).toContain('(mapv (fn [issue]');
    expect(stepOf(p, 'github.close_issue')).toContain(':number (get issue :number)');
  });

  it('"close all wontfix issues and email them" mails the issues, not the vector of results', () => {
    const p = plan('close all wontfix issues in acme/api and email them to ana@example.com');
    expect(stepOf(p, 'core.gen.format')).toContain('{:items (get (step-result "step_1") :issues)}');
    expect(stepOf(p, 'mail.send')).toContain(':body (get (step-result "step_3") :text)');
  });

  it('Spanish verbs with joined pronouns: "publícalos" posts them', () => {
    const p = plan('busca los issues abiertos de acme/api y publícalos en #dev en slack');
    expect(calls(p)).toEqual(['github.list_issues', 'core.gen.format', 'slack.post_message']);
    expect(stepOf(p, 'github.list_issues')).toContain(':state "open"');
  });

  it('"translate each unread mail and reply" translates and replies per message', () => {
    const p = plan('translate each unread mail into English and reply with the translation');
    expect(stepOf(p, 'mail.list_messages')).toContain(':unread_only true');
    expect(stepOf(p, 'translate.text')).toContain('(mapv (fn [message]');
    const reply = stepOf(p, 'mail.reply');
    expect(reply).toMatch(/\(mapv \(fn \[message message_step_\d+\]/);
    expect(reply).toContain(':id (get message :id)');
  });

  it('"comment on each open PR" comments once per pull request, with the quoted text', () => {
    const p = plan('comment "Thanks!" on each open pull request in acme/web');
    expect(stepOf(p, 'github.list_pull_requests')).toContain(':state "open"');
    const c = stepOf(p, 'github.comment_issue');
    expect(c).toContain('(mapv (fn [pull_request]');
    expect(c).toContain(':body "Thanks!"');
    expect(c).toContain(':number (get pull_request :number)');
  });
});

describe('qualifiers and filters', () => {
  const shop = catalog('shop');

  it('binds states, dates and identifiers as typed literals or plan inputs', () => {
    const p = plan('list shipped orders since 2024-03-01 with a total over 100', shop);
    expect(stepOf(p, 'orders.list_orders')).toContain('{:since "2024-03-01" :status "shipped"}');
    const refund = plan('refund order ORD-42', shop);
    expect(calls(refund)).toEqual(['payments.refund']);
    expect(refund.plan_source).toContain('[:order_id {:default "ORD-42"} :string]');
    const jira = plan('move Jira ticket ABC-123 to Done');
    expect(stepOf(jira, 'jira.transition_issue')).toContain(':status "Done"');
    expect(jira.plan_source).toContain('[:key {:default "ABC-123"} :string]');
  });

  it('filters with a real predicate on a field, never ":contains" every item matches', () => {
    const p = plan('list shipped orders since 2024-03-01 with a total over 100', shop);
    expect(stepOf(p, 'core.data.filter')).toContain(
      ':pred (fn [order] (> (get order :total) 100))',
    );
    expect(p.plan_source).not.toContain(':contains');
    const logs = plan('delete the files in ./logs older than 30 days');
    expect(stepOf(logs, 'core.data.filter')).toContain(
      '(fn [file] (< (compare (str (get file :modified)) date_30_days_ago) 0))',
    );
    expect(logs.plan_source).toContain('[:date_30_days_ago :string]');
  });

  it('reads "labelled with X" as the label X', () => {
    const p = plan(
      'list the issues in acme/api labelled with needs-triage and post them to #triage',
    );
    expect(stepOf(p, 'github.list_issues')).toContain(':labels ["needs-triage"]');
  });

  it('sorts and cuts: "the 3 most expensive", "book the cheapest"', () => {
    const top = plan('post the 3 most expensive products to #merch', shop);
    expect(stepOf(top, 'core.data.sort')).toContain(':by :price');
    expect(stepOf(top, 'core.data.sort')).toContain(':order :desc');
    expect(top.plan_source).toContain('(vec (take 3 (step-result "step_2")))');
    const cheap = plan(
      'search flights from CDG to JFK on 2024-06-10 under 500 and book the cheapest',
      catalog('travel'),
    );
    expect(stepOf(cheap, 'flights.search')).toContain(':max_price 500');
    expect(cheap.plan_source).toContain('(first (step-result "step_2"))');
  });

  it('finds the capability through synonyms: "add to calendar", "refund", "order more"', () => {
    expect(calls(plan('add "Team sync" to my calendar on 2024-05-02 from 10:00 to 11:00'))).toEqual(
      ['calendar.create_event'],
    );
    const sync = plan('add "Team sync" to my calendar on 2024-05-02 from 10:00 to 11:00');
    expect(stepOf(sync, 'calendar.create_event')).toContain(':title "Team sync"');
    expect(sync.plan_source).toContain('[:start {:default "2024-05-02T10:00"} :string]');
    expect(
      calls(plan('for each product with fewer than 5 units in stock, order 20 more', shop)),
    ).toEqual(['inventory.list_products', 'core.data.filter', 'inventory.restock']);
  });
});

describe('other languages', () => {
  it('plans French, Spanish and German goals like English ones', () => {
    expect(calls(plan('ferme toutes les issues de acme/api avec le label wontfix'))).toEqual([
      'github.list_issues',
      'github.close_issue',
    ]);
    const es = plan(
      'lista los issues abiertos de acme/api con la etiqueta bug y envía un resumen por correo a ana@example.com',
    );
    expect(stepOf(es, 'github.list_issues')).toContain(':state "open"');
    expect(calls(es)).toContain('mail.send');
    expect(
      stepOf(
        plan('Wenn es in Hamburg regnet, schicke eine Nachricht an #office'),
        'slack.post_message',
      ),
    ).toContain(
      '(if (includes? (lower-case (str (get (step-result "step_1") :conditions))) "rain")',
    );
  });

  it('refuses other scripts with a pointer to the LLM provider', () => {
    const e = failure('列出 acme/api 中所有打开的问题');
    expect(e.code).toBe('planner/unsupported-language');
    expect(e.message).toBe(
      'language not supported by the template planner (Chinese or Japanese (Han script)); use --provider openai',
    );
  });
});

describe('gaps end honestly', () => {
  it('keeps the rest, with the gap as a pending step carrying its request id', () => {
    const p = plan('get the current weather in Berlin and post it on Twitter');
    expect(calls(p)).toEqual(['weather.current', 'ccos.capability.pending']);
    expect(p.gaps).toHaveLength(1);
    expect(p.gaps[0]).toMatchObject({ step_id: 'step_2', needs: 'post it on Twitter' });
    expect(p.gaps[0]?.request_id).toMatch(/^cap-request-generated\.post_twitter-[0-9a-f]{8}$/);
    expect(p.plan_source).toContain(`:request_id "${p.gaps[0]?.request_id ?? ''}"`);
    expect(p.plan_source).not.toContain('(call "generated.');
    // the loop stops once only pending requests remain (no cycles spent on no-action)
    expect(p.trace.filter((t) => t.capability === 'planner.resolve_capability_gaps')).toHaveLength(
      1,
    );
  });

  it('stops on an ambiguous goal instead of inventing a capability or leaving inputs unbound', () => {
    expect(failure('handle the bugs').code).toBe('planner/ambiguous-goal');
    const usual = failure('do the usual report');
    expect(usual.code).toBe('planner/ambiguous-goal');
    expect(usual.message).toContain('"the usual" refers to something the planner does not know');
  });
});
