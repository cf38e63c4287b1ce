/** The RTFS type expressions of the planner capabilities (validated by RunHost on every call). */
const SIGNALS =
  '[:map [:goal_text :string] [:constraints [:vector :map]] [:preferences [:vector :map]] ' +
  '[:success_criteria [:vector :map]] ' +
  '[:requirements [:vector [:map [:id :string] [:kind :keyword] [:priority [:enum :must :should :nice-to-have]] [:readiness :keyword]]]] ' +
  '[:contextual_facts :map] [:catalog_snapshot :string]]';

const MENU =
  '[:vector [:map [:id :string] [:description :string] [:required_inputs [:vector :string]] ' +
  '[:optional_inputs [:vector :string]] [:outputs [:vector :string]] [:score :number] [:provenance :keyword]]]';

const STEP =
  '[:map [:id :string] [:name :string] [:capability_id :string] [:inputs [:map-of :keyword [:map [:kind [:enum :literal :var :step :rtfs :item]]]]] ' +
  '[:outputs [:vector [:map [:alias :string] [:source :string]]]] [:notes :string]]';

const PLAN = `[:map [:steps [:vector ${STEP}]]]`;

const COVERAGE =
  '[:map [:status [:enum :satisfied :needs-attention]] [:needs_refinement :bool] ' +
  '[:missing_capabilities [:vector :string]] [:incomplete_capabilities [:vector :string]] ' +
  '[:pending_capabilities [:vector :string]] [:unmet_requirements [:vector :map]] [:requirements [:vector :map]]]';

const SYNTHESIZED =
  '[:vector [:map [:id :string] [:description :string] [:source :string] [:input_schema :any] [:output_schema :any]]]';

const MAPPINGS = '[:vector [:map [:requested :string] [:resolved :string]]]';

/**
 * The parts the schemas below embed, each read and parsed once for all of them
 * (schema-parts.ts): the goal signals alone occur eight times.
 */
export const PARTS: readonly string[] = [SIGNALS, MENU, PLAN, COVERAGE, SYNTHESIZED, MAPPINGS];

const opt = (name: string, type: string): string =>
  `[:${name} {:optional true} [:union :nil ${type}]]`;

export const SCHEMAS = {
  extract: {
    input:
      `[:map [:goal :string] ${opt('intent', '[:map [:name {:optional true} :string] [:constraints {:optional true} :map] [:preferences {:optional true} :map] [:success_criteria {:optional true} :string]]')} ` +
      `${opt('apply_catalog_search', ':bool')} ${opt('min_score', ':number')} ${opt('max_results', ':int')} ${opt('catalog_snapshot', ':string')} ${opt('strategy', '[:enum :rules :template :llm]')}]`,
    output: `[:map [:goal_signals ${SIGNALS}] [:catalog_snapshot :string]]`,
  },
  menu: {
    input:
      `[:map [:goal_signals ${SIGNALS}] ${opt('limit', ':int')} ${opt('include_synthetic', ':bool')} ` +
      `${opt('min_score', ':number')} ${opt('synthesized', SYNTHESIZED)} ${opt('catalog_snapshot', ':string')}]`,
    output: `[:map [:menu ${MENU}] [:discovery [:vector :map]] [:catalog_snapshot :string]]`,
  },
  synthesize: {
    input:
      `[:map [:goal_signals ${SIGNALS}] [:menu ${MENU}] ${opt('previous_plan', PLAN)} ${opt('previous_coverage', COVERAGE)} ` +
      `${opt('mappings', MAPPINGS)} ${opt('feedback', ':string')} ${opt('resolution_summary', ':string')} ${opt('strategy', '[:enum :template :llm]')} ${opt('max_attempts', ':int')}]`,
    output: `[:map [:plan ${PLAN}] [:log :string] [:strategy [:enum :template :llm]] [:raw {:optional true} :string] [:attempts {:optional true} :int]]`,
  },
  validate: {
    input: `[:map [:plan ${PLAN}] [:goal_signals ${SIGNALS}] ${opt('menu', MENU)}]`,
    output:
      `[:map [:valid :bool] [:schema_errors [:vector :string]] [:unknown_capabilities [:vector [:map [:step_id :string] [:capability_id :string]]]] ` +
      `[:coverage ${COVERAGE}] [:goal_signals ${SIGNALS}]]`,
  },
  resolve: {
    input:
      `[:map [:coverage ${COVERAGE}] [:goal_signals ${SIGNALS}] ${opt('attempted', '[:vector :string]')} ` +
      `${opt('synthesized', SYNTHESIZED)} ${opt('mappings', MAPPINGS)} ${opt('policy', '[:map [:allow_synthesis {:optional true} :bool] [:allow_discovery {:optional true} :bool]]')} ${opt('catalog_snapshot', ':string')}]`,
    output:
      `[:map [:outcome [:enum :discovered :synthesized :awaiting-external :failed :no-action]] [:capabilities [:vector :map]] ` +
      `[:pending_requests [:vector :map]] [:mappings ${MAPPINGS}] [:synthesized ${SYNTHESIZED}] [:goal_signals ${SIGNALS}] ` +
      '[:attempted [:vector :string]] [:summary :string]]',
  },
  materialize: {
    input:
      `[:map [:plan ${PLAN}] ${opt('goal_signals', SIGNALS)} ${opt('menu', MENU)} ${opt('synthesized', SYNTHESIZED)} ` +
      `${opt('goal', ':string')} ${opt('name', ':string')}]`,
    output:
      '[:map [:source :string] [:gaps [:vector :map]] [:known_inputs :map] [:capabilities [:vector :string]] [:plan_hash :string]]',
  },
  llm: {
    input:
      '[:map [:purpose :string] [:prompt_version :string] [:prompt :string] [:temperature :number] [:max_tokens {:optional true} :int]]',
    output: '[:map [:text :string] [:model :string] [:prompt_sha256 :string]]',
  },
} as const;
