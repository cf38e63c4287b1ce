/**
 * The vocabulary of the generated planner catalogs (bench/planner-catalog/generate.ts):
 * kinds of records ("entities") with their fields and states, the verbs a service
 * offers on them, and services grouped by domain. Real service names come first; the
 * generator invents more (seeded) when a catalog needs more capabilities than these give.
 */

export type FieldType = ':string' | ':int' | ':float' | ':bool';

export interface Entity {
  /** Singular, snake_case ("pull_request"). */
  readonly name: string;
  /** Plural key of list outputs ("pull_requests"). */
  readonly plural: string;
  /** The identifying input of get/update/delete (`[name, type]`). */
  readonly key: readonly [string, FieldType];
  readonly fields: readonly (readonly [string, FieldType])[];
  /** Values of `:status` filters, when the entity has a status. */
  readonly states?: readonly string[];
}

/**
 * Entities as `[plural, fields, states]`: fields are `name` (a string) or `name:type`; the
 * first field identifies a record (the input of get/update/delete); states are the values
 * of `:status` filters.
 */
const ENTITY_TABLE: readonly (readonly [string, string, string?])[] = [
  ['issues', 'number:int title state author url', 'open closed'],
  ['pull_requests', 'number:int title state branch author', 'open merged closed'],
  ['tickets', 'ticket_id subject priority status assignee', 'new open pending solved'],
  ['tasks', 'task_id title status due_date assignee', 'todo doing done'],
  ['invoices', 'invoice_id customer amount:float currency status', 'draft open paid overdue'],
  ['payments', 'payment_id amount:float currency status', 'pending succeeded failed refunded'],
  [
    'orders',
    'order_id customer total:float status created_at',
    'pending shipped delivered cancelled',
  ],
  ['customers', 'customer_id name email country'],
  ['products', 'sku name price:float stock:int'],
  ['shipments', 'tracking_number carrier status eta', 'label_created in_transit delivered'],
  ['contacts', 'contact_id name email phone company'],
  ['deals', 'deal_id name amount:float stage owner', 'lead qualified won lost'],
  ['messages', 'message_id channel author text'],
  ['events', 'event_id title start end location'],
  ['files', 'path size:int modified'],
  ['alerts', 'alert_id severity service summary status', 'triggered acknowledged resolved'],
  ['builds', 'build_id branch status duration:int', 'queued running passed failed'],
  ['employees', 'employee_id name email department'],
  ['expenses', 'expense_id amount:float currency category status', 'submitted approved rejected'],
  ['pages', 'page_id title url updated_at'],
  ['reviews', 'review_id rating:int text author'],
  ['campaigns', 'campaign_id name status sent:int', 'draft scheduled sent'],
  ['bookings', 'booking_id guest check_in status', 'confirmed cancelled'],
  ['metrics', 'metric value:float unit'],
];

function singular(plural: string): string {
  return plural.endsWith('ies') ? `${plural.slice(0, -3)}y` : plural.slice(0, -1);
}

export const ENTITIES: Readonly<Record<string, Entity>> = Object.fromEntries(
  ENTITY_TABLE.map(([plural, fieldText, states]) => {
    const fields = fieldText.split(' ').map((f) => {
      const [name = f, type = 'string'] = f.split(':');
      return [name, `:${type}` as FieldType] as const;
    });
    const name = singular(plural);
    const entity: Entity = {
      name,
      plural,
      key: fields[0] ?? ['id', ':string'],
      fields,
      ...(states !== undefined ? { states: states.split(' ') } : {}),
    };
    return [name, entity];
  }),
);

/** What a service organises its records under (required input of every call). */
export interface Domain {
  readonly entities: readonly string[];
  readonly scope: readonly string[];
  /** What the service is, in a description ("issue tracker"). */
  readonly noun: string;
}

export const DOMAINS: Readonly<Record<string, Domain>> = {
  code: { entities: ['issue', 'pull_request', 'build'], scope: ['repo'], noun: 'repository' },
  tracker: { entities: ['ticket', 'task'], scope: ['project'], noun: 'project' },
  billing: { entities: ['invoice', 'payment', 'customer'], scope: [], noun: 'account' },
  shop: { entities: ['order', 'product', 'customer', 'review'], scope: ['store'], noun: 'store' },
  logistics: { entities: ['shipment', 'order'], scope: [], noun: 'account' },
  crm: { entities: ['contact', 'deal', 'campaign'], scope: [], noun: 'workspace' },
  chat: { entities: ['message'], scope: ['channel'], noun: 'workspace' },
  calendar: { entities: ['event', 'booking'], scope: ['calendar'], noun: 'calendar' },
  storage: { entities: ['file'], scope: ['bucket'], noun: 'bucket' },
  ops: { entities: ['alert', 'metric'], scope: ['service'], noun: 'service' },
  hr: { entities: ['employee', 'expense'], scope: [], noun: 'company' },
  docs: { entities: ['page'], scope: ['space'], noun: 'space' },
};

/** Real services, by domain (the generator uses these first). */
export const SERVICES: readonly (readonly [string, string])[] = [
  ['github', 'code'],
  ['stripe', 'billing'],
  ['zendesk', 'tracker'],
  ['shopify', 'shop'],
  ['hubspot', 'crm'],
  ['slack', 'chat'],
  ['gcal', 'calendar'],
  ['s3', 'storage'],
  ['pagerduty', 'ops'],
  ['bamboohr', 'hr'],
  ['confluence', 'docs'],
  ['fedex', 'logistics'],
  ['gitlab', 'code'],
  ['jira', 'tracker'],
  ['paypal', 'billing'],
  ['woocommerce', 'shop'],
  ['salesforce', 'crm'],
  ['discord', 'chat'],
  ['outlook', 'calendar'],
  ['dropbox', 'storage'],
  ['datadog', 'ops'],
  ['workday', 'hr'],
  ['notion', 'docs'],
  ['ups', 'logistics'],
  ['bitbucket', 'code'],
  ['linear', 'tracker'],
  ['xero', 'billing'],
  ['etsy', 'shop'],
  ['pipedrive', 'crm'],
  ['teams', 'chat'],
  ['calendly', 'calendar'],
  ['gdrive', 'storage'],
  ['sentry', 'ops'],
  ['gusto', 'hr'],
  ['dhl', 'logistics'],
  ['asana', 'tracker'],
  ['quickbooks', 'billing'],
  ['freshdesk', 'tracker'],
  ['mailchimp', 'crm'],
  ['opsgenie', 'ops'],
];

/** Verbs by importance: the generator takes the first ones of every service first. */
export const VERBS: readonly string[] = [
  'list',
  'get',
  'create',
  'search',
  'update',
  'delete',
  'archive',
  'export',
  'comment',
  'assign',
];

/** Syllables of invented service names (seeded). */
export const SYLLABLES: readonly string[] = [
  'ka',
  'lo',
  'mi',
  'ra',
  'ven',
  'tor',
  'zu',
  'bel',
  'nix',
  'qua',
  'dor',
  'fi',
  'sa',
  'ple',
  'gro',
  'mon',
  'tek',
  'vio',
  'lum',
  'par',
];
