/**
 * The causal chain (docs/causal-chain.md): a hash-chained JSONL log of every run,
 * step and capability call, implementing the runtime's `AuditSink`.
 */
export { type Json, canonicalJson, compareCodePoints } from './jcs.js';
export { encodeValue, encodeValueInOrder, canonicalValue, rememberText } from './canonical.js';
export { decodeValue, RecordedFn, DecodeError } from './decode.js';
export { sha256Hex, valueHash, vectorHash, argsHash, jsonHash } from './hashes.js';
export {
  type ChainAction,
  type ChainRecord,
  type ActionResult,
  type HousekeepingType,
  type StoredType,
  FORMAT,
  DOMAIN,
  ZERO_HASH,
  HOUSEKEEPING,
  actionBody,
  housekeepingBody,
  canonicalResult,
  chainHash,
  formatLine,
  parseLine,
  decodeAction,
} from './record.js';
export {
  type FailureKind,
  type LineFailure,
  type CheckerOptions,
  type CheckerState,
  LineChecker,
} from './checker.js';
export { type ScanPoint, type Place } from './scan-point.js';
export { VERIFIED_FILE } from './verified-mark.js';
export {
  type VerifyOk,
  type VerifyFailure,
  type VerifyResult,
  type VerifyOptions,
  verifyChain,
  verifyChainTo,
  listSegments,
  segmentName,
} from './verify.js';
export { type ChainHead, HEAD_FILE, readHead } from './head.js';
export { ChainLockedError, LOCK_FILE } from './lock.js';
export {
  type JsonlChainOptions,
  type RecoveryInfo,
  JsonlChain,
  ChainCorruptError,
} from './writer.js';
export { type MemoryChainOptions, MemoryChain } from './memory.js';
export { CountingSink } from './counting-sink.js';
export {
  type ReadOptions,
  ChainReadError,
  forEachRecord,
  readRecords,
  parseJsonl,
} from './read.js';
export {
  type RecordFilter,
  matches,
  queryRecords,
  runIds,
  lastRunId,
  findRecord,
  formatRecord,
} from './query.js';
export { type TreeOptions, formatTree } from './tree.js';
export { type SinkObserver, observeSink } from './observe.js';
export {
  type SpanKind,
  type SpanStatus,
  type RunSpan,
  opensSpan,
  closesSpan,
  runSpans,
  spanStatus,
  spanError,
  spanName,
  spanTimes,
  walkSpans,
  metaField,
  callEffects,
  isLlmCall,
} from './spans.js';
export { type CapabilityStats, computeStats, formatStats, percentile } from './stats.js';
export {
  KEY_ENV,
  KEY_FILE_ENV,
  checkpointMessage,
  loadPrivateKey,
  loadPublicKey,
  keyId,
  publicKeyText,
  signCheckpoint,
  checkpointSignatureValid,
  resolveSigningKey,
  generateSigningKeys,
} from './signing.js';
