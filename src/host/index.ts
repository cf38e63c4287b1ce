export {
  type Capability,
  type CapabilityContext,
  type Effect,
  EFFECTS,
  isSafeInDryRun,
} from './capability.js';
export { CapabilityRegistry } from './registry.js';
export {
  type Policy,
  type Decision,
  DENY_ALL,
  decide,
  mergePolicies,
  policyFromData,
} from './policy.js';
export { RunHost, CapabilityCodes, type RunHostOptions } from './run-host.js';
export { ControlCodes, LOOP_DEFAULT_MAX, LOOP_HARD_MAX } from './builtin/control.js';
export {
  createHostedRuntime,
  runProgram,
  builtinCapabilities,
  type Hosted,
  type HostedOptions,
  type RunOutcome,
} from './create.js';
export { capabilityFromSpec, parseEffects } from './define.js';
export { uuidv7 } from './ids.js';
export { SyncBridge, type BridgeReply } from './sync-bridge.js';
export { asyncCapability, type AsyncCapabilitySpec } from './async-capability.js';
export { toPlain, fromPlain, type Plain } from '../data/index.js';
export {
  loadRun,
  ReplayLog,
  ReplayError,
  checkFinal,
  type RecordedRun,
  type ReplayAnswer,
  type ReplayOutcome,
} from './replay.js';
export { replayRun, type ReplayOptions } from './replay-run.js';
