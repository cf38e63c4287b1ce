// The public API of rtfs-ts: dist/*.d.ts as `npm run build` writes them. Do not edit:
// `npm run build` regenerates it (and fails in CI when it is stale), so every change to
// the public API shows up in review.

// ==== index.d.ts ====

import { Plain } from './reader.js';
export { COLON, ColonProblem, MAX_BUILD, MAX_I64, MAX_STRING, MIN_I64, Paint, SyntaxCode, SyntaxCodes, fastReadData, formatFloat, fromPlain, gluedColonName, isColon, loadFullReader, misplacedColon, nearest, normalizeInt, printDisplay, printValue, printValueStyled, quoteString, shebangEnd, toPlain } from './reader.js';
import { e as ChainRecord, a as AuditSink, A as ActionInput, H as Host, N as NodeCompiler, B as Budget, i as Runtime, E as Effect, C as Capability, h as RunHost, c as CapabilityRegistry } from './types-run-host.js';
import { TypeAst } from './runtime.js';
export { b as CapabilityContext, d as ChainAction, f as EvalOutcome, P as Policy, g as PureHost, R as RtfsError } from './types-run-host.js';
import { V as Value, d as RMap, S as Source, g as Span } from './types-value.js';
export { K as Keyword, M as MapBuilder, N as NodeSpan, O as ObjectValue, R as RErrorValue, a as RFloat, b as RFn, c as RList, e as RVector, f as ResourceHandle, h as Sym, T as Timestamp, i as TypeName, U as Uuid, j as childSpan, k as clipText, l as float, m as formatLocation, n as isInt, o as isTruthy, p as joinSpans, q as kw, r as renderExcerpt, s as span, t as sym, u as typeName } from './types-value.js';
import { D as Diagnostic } from './types-read.js';
export { C as Comment, F as FullReader, P as Phase, a as ReadOptions, R as ReadResult, S as Severity, d as diagnostic, b as diagnosticToJson, e as equals, f as formatDiagnosticLine, h as hasFullReader, c as hashValue, i as isIncomplete, r as read, g as renderDiagnostic, s as setFullReader } from './types-read.js';
import { KeyObject } from 'node:crypto';

/**
 * Checks lines one by one against the chain rules (the engine of `verify` and of the
 * writer's open-and-recover). The envelope is read at fixed offsets and the raw bytes
 * of `a` are hashed (no re-serialisation); then every body is parsed and checked as a
 * reader would decode it (validate.ts: the same checks, no RTFS values built; the
 * action's values are decoded on first read), so a line that hashes correctly but is
 * not a record (a non-conforming or hostile writer) is reported at its line. Strict
 * mode also requires each body to be valid UTF-8, byte-identical to its canonical
 * form, and to carry the right `args_hash`/`result_hash`. `hashOnly` skips the
 * decoding (measurements only).
 */

interface CheckerOptions {
    readonly strict?: boolean;
    /**
     * Only check the envelope, links and hashes, without parsing bodies (benchmarks and
     * tamper-evidence measurements): not enough to trust what readers will decode.
     */
    readonly hashOnly?: boolean;
    /** A trusted Ed25519 public key: every Checkpoint must be signed by it. */
    readonly publicKey?: string | KeyObject;
}
/** What a {@link LineChecker} knows after a good record: enough to check the next line. */
interface CheckerState {
    readonly seq: number;
    readonly hash: string;
    readonly chainId: string | null;
    readonly checkpoints: number;
    readonly signedThrough: number | null;
    readonly lastCheckpointSeq: number | null;
    readonly lastType: string | null;
}

/** Where a record is: for naming the first record no signature covers. */
interface Place {
    readonly segment: string;
    readonly line: number;
    readonly offset: number;
    readonly seq: number;
    readonly type: string | undefined;
}
interface ScanPoint {
    readonly segment: string;
    /** Byte offset just after the last good line of `segment` (0 when it has none). */
    readonly offset: number;
    /** Where that line starts (-1 when `segment` has no good line). */
    readonly lastLineAt: number;
    /** Complete lines of `segment` before `offset`. */
    readonly line: number;
    /** Records verified before the point (all segments). */
    readonly count: number;
    readonly state: CheckerState;
    /** The first record after the last valid checkpoint, if any. */
    readonly firstUnsigned: Place | undefined;
}

interface VerifyOptions extends CheckerOptions {
    /** Compare with HEAD (default true). */
    readonly checkHead?: boolean;
    /**
     * Fail unless every record is covered by a checkpoint signed by `publicKey` (the
     * last one may be that checkpoint itself); default: when a key is given.
     */
    readonly requireSignature?: boolean;
    /**
     * Called with each record that verifies, decoded as `readRecords` decodes it (not in
     * `hashOnly` mode): verifying and reading a chain in one pass. Records before a
     * failure are passed too.
     */
    readonly onRecord?: (r: ChainRecord) => void;
    /**
     * A point where an earlier verification of this chain stopped (e.g.
     * `JsonlChain.verifiedPoint`): only the records after it are checked (and passed to
     * `onRecord`), going on from the checker state there; counts and the head are the
     * whole chain's. Ignored (the whole chain is verified) with `publicKey`,
     * `requireSignature`, `strict` or `hashOnly` (the point was not checked that way),
     * when HEAD names a record before the point, or when the point's last line no longer
     * hashes to the record it names.
     */
    readonly from?: ScanPoint;
}

/** What open-and-recover trimmed. */
interface RecoveryInfo {
    readonly segment: string;
    /** The 1-based line that was dropped. */
    readonly line: number;
    readonly kind: string;
    readonly bytes: number;
    readonly sha256: string;
    /** Seq of the RecoveryTruncated record that reports it. */
    readonly seq: number;
}

/**
 * `JsonlChain`: the causal chain as a hash-chained JSONL log in a directory, behind the
 * synchronous {@link AuditSink} interface (the evaluator is synchronous).
 *
 * - One writer per directory (`LOCK`, see lock.ts); seq and prev are assigned inside
 *   `append`, which is synchronous, so callers can never fork the chain.
 * - Group commit: lines are buffered and written with one `writeSync` every
 *   `batchSize` records, and made durable with one `fdatasync` every `syncEvery`
 *   records, on `flush()`, on a durable append, on close, and every `flushIntervalMs`
 *   (a background timer; docs/adr/0022-chain-write-path.md).
 * - Open and recover (recover.ts): the whole log is verified, or only what was appended
 *   after the `VERIFIED` mark the last writer left at close when that mark still
 *   describes the log exactly (verified-mark.ts, ADR 0032); only a torn or
 *   unparseable *last* line is trimmed (and a `RecoveryTruncated` record says what was
 *   dropped); any other damage makes `open` throw `ChainCorruptError`, changing nothing.
 *   A missing or unreadable `HEAD` on a non-empty log is rebuilt from the scan and
 *   recorded (`RecoveryHeadRebuilt`): it can no longer vouch that no record was cut.
 * - Signed checkpoints every `checkpointEvery` records, at the end of every run
 *   (`checkpoint()`) and at close, when a signing key is configured. `HEAD` is rewritten after fsynced writes (see head.ts).
 * - v1 writes one segment (`seg-000001.jsonl`); rotation is future work (the readers
 *   already follow the chain across `seg-*.jsonl` files).
 */

interface JsonlChainOptions {
    /** Records buffered before a write (default 256). */
    readonly batchSize?: number;
    /** fdatasync batch writes (default true); flush(), durable appends and close always sync. */
    readonly fsync?: boolean;
    /**
     * Records between the fdatasyncs of batch writes (default 4,096): the batches in
     * between are written (they survive the process being killed), not synced. Durable
     * appends, flush() and close() sync everything at once whatever this says.
     */
    readonly syncEvery?: number;
    /** Background flush of buffered records, in ms (default 200; 0 disables). */
    readonly flushIntervalMs?: number;
    /** Ed25519 private key (PEM or KeyObject): enables signed checkpoints. */
    readonly signingKey?: string | KeyObject;
    /** Records between signed checkpoints (default 1,000; also at the end of every run and at close). */
    readonly checkpointEvery?: number;
    /** Records between HEAD rewrites (default 10,000; also at checkpoints, open and close). */
    readonly headEvery?: number;
    /** Clock for `ts` (epoch ms). */
    readonly now?: () => number;
}
declare class JsonlChain implements AuditSink {
    readonly dir: string;
    readonly segment: string;
    readonly chainId: string;
    private readonly release;
    private fd;
    /** Encoded lines not yet written (`enc.buf[0, enc.len)`, `count` records), seq and hash. */
    private readonly enc;
    private count;
    private written;
    private durable;
    private headSeq;
    private lastCheckpoint;
    /** A checkpoint was appended since HEAD was last written. */
    private checkpointSinceHead;
    private readonly key;
    private readonly batchSize;
    private readonly syncBatches;
    private readonly syncEvery;
    private readonly checkpointEvery;
    private readonly headEvery;
    private readonly now;
    private timer;
    private broken;
    private closed;
    /** Set when open trimmed a torn tail. */
    readonly recovery: RecoveryInfo | undefined;
    /**
     * The end of the log as open verified it, before this writer's records: a later
     * `verifyChain(dir, {from: verifiedPoint})` checks only what was appended since.
     */
    readonly verifiedPoint: ScanPoint;
    /** Content hashes stored in this chain (ContentStored names; from open on). */
    private readonly content;
    private constructor();
    /**
     * Opens (creating if needed) the chain in `dir` for appending: takes the lock,
     * verifies the log, trims a torn last line, and writes ChainOpened for a new chain.
     */
    static open(dir: string, opts?: JsonlChainOptions): JsonlChain;
    private openedData;
    /** Seq of the last appended record (-1 when none). */
    get lastSeq(): number;
    /** Hash of the last appended record. */
    get lastHash(): string;
    /** Seq of the last record known to be on disk (fsynced). */
    get durableSeq(): number;
    private check;
    private housekeeping;
    /**
     * With a signing key, appends a Checkpoint signing the last record (unless it is
     * already one); the host calls this at the end of every run.
     */
    checkpoint(): void;
    append(action: ActionInput, durable?: boolean): void;
    /** Whether a batch write now should also fdatasync. */
    private batchSync;
    hasContent(hash: string): boolean;
    /** Writes and fsyncs every buffered record. */
    flush(): void;
    private write;
    private writeHeadNow;
    private durableHash;
    private tick;
    /**
     * Writes `VERIFIED` (verified-mark.ts) so that the next open need not verify the
     * log again: the records this writer appended are read back and checked (hashes and
     * links, from the point open verified) first.
     */
    private markVerified;
    /** Whether close() appends a record (a signed final checkpoint). */
    get signs(): boolean;
    /**
     * Signs a final checkpoint (with a key), flushes, updates HEAD, leaves the VERIFIED
     * mark and releases the lock. `verified`: a point of this chain the caller verified
     * to (`verifyChainTo` after `flush()`), so that the mark needs no reading back of the
     * records before it.
     */
    close(verified?: ScanPoint): void;
}

/**
 * `MemoryChain`: the same chain (same lines, hashes and checkpoints) kept in memory,
 * for `--trace` and tests. `save(dir)` writes it out as a verifiable chain directory.
 */

interface MemoryChainOptions {
    readonly now?: () => number;
    /** Ed25519 private key: a signed Checkpoint is added by `seal()` and `save()`. */
    readonly signingKey?: string | KeyObject;
    /**
     * Keep the lines (default true). With false only the running hash, sequence number and
     * chain id are kept: a run nobody reads the chain of (`rtfs run` without `--trace` or
     * `--chain`) then costs no memory per call; reading the lines is a bug.
     */
    readonly retain?: boolean;
    /**
     * Encode and hash the records (default true). With false (and `retain: false`) an
     * append only counts: a run nobody reads the chain of, not even its running hash
     * (`rtfs run` without `--chain`, `--trace` or live export), skips encoding and the
     * three SHA-256s of each call; reading `lastHash` is then a bug.
     */
    readonly hashed?: boolean;
}
declare class MemoryChain implements AuditSink {
    private id;
    private readonly out;
    private seq;
    private hash;
    private readonly now;
    private readonly key;
    private lastCheckpoint;
    private readonly retain;
    private readonly hashed;
    constructor(opts?: MemoryChainOptions);
    /** A random 128-bit hex id, drawn when the chain opens (or first read, if it only counts). */
    get chainId(): string;
    /** True when appends are only counted (`retain: false, hashed: false`), see AuditSink. */
    get countsOnly(): boolean;
    private push;
    private housekeeping;
    append(action: ActionInput, _durable?: boolean): void;
    private readonly content;
    hasContent(hash: string): boolean;
    flush(): void;
    /** Appends a signed Checkpoint over the current head (needs a signing key). */
    seal(): void;
    get lastSeq(): number;
    get lastHash(): string;
    /** The JSONL lines (each with its newline). */
    get lines(): readonly string[];
    toJsonl(): string;
    /** The records, decoded. */
    records(): ChainRecord[];
    private kept;
    /** Writes the chain to `dir` (which must not hold a chain yet), sealing it first. */
    save(dir: string): void;
}

interface RecordFilter {
    /** Records of this run (its PlanStarted id). */
    readonly run?: string;
    /** Capability calls and results of this capability (`ns.*` matches a prefix). */
    readonly cap?: string;
    /** Record type(s). */
    readonly type?: string | readonly string[];
    /** Direct children of this record id. */
    readonly parent?: string;
    /** Wall-clock range (epoch ms, inclusive). */
    readonly since?: number;
    readonly until?: number;
    /** Seq range (inclusive). */
    readonly fromSeq?: number;
    readonly toSeq?: number;
    /** At most this many records (the first ones, in seq order). */
    readonly limit?: number;
}

/** Per-capability metrics, folded from the log (a projection: rebuildable any time). */

interface CapabilityStats {
    readonly cap: string;
    /** CapabilityCall records. */
    readonly calls: number;
    readonly ok: number;
    readonly errors: number;
    /** Calls without a result (crash in between, or still running). */
    readonly inDoubt: number;
    /** Nearest-rank percentiles of the results' durations (null without durations). */
    readonly p50Ms: number | null;
    readonly p95Ms: number | null;
    readonly maxMs: number | null;
    readonly totalMs: number;
}

/**
 * The one place that wires a runtime together: builtins (with their output context),
 * and later the stdlib, the host and the causal-chain sink.
 */

interface RuntimeOptions {
    /** Where `println` writes (default: process.stdout). */
    readonly out?: (text: string) => void;
    /** Where `log` writes (default: process.stderr). */
    readonly log?: (text: string) => void;
    /** Extra module directories (`--path`). */
    readonly paths?: readonly string[];
    readonly host?: Host;
    /** The engine: the evaluator's closures (default) or e.g. the JavaScript compiler. */
    readonly compiler?: NodeCompiler;
    /**
     * The evaluator's second tier (runtime/jit.ts): a function called this many times
     * runs as compiled JavaScript from then on; `false` keeps every function
     * interpreted. Default {@link DEFAULT_JIT_THRESHOLD}. Ignored with `compiler`.
     */
    readonly jit?: number | false;
    /** Step and time limits of every evaluation (`--max-steps`, `--timeout`; none by default). */
    readonly budget?: Budget;
    /** `*command-line-args*`: the program's arguments (`rtfs run FILE arg…`). */
    readonly commandLineArgs?: readonly string[];
}
declare function createRuntime(options?: RuntimeOptions): Runtime;

/**
 * Capabilities written in TypeScript (`defineCapability`): an id, effects, input and
 * output schemas, and an implementation that takes and returns plain JSON-like data
 * (`toPlain` / `fromPlain`: maps are objects, keywords strings). A schema is either an
 * RTFS type expression written as text (`'[:map [:city :string]]'`, checked by the
 * host like a `defcapability` schema and shown by `:caps` and catalogs) or any
 * Standard Schema (zod 4, valibot, arktype …: https://standardschema.dev), which also
 * gives `impl` its TypeScript types. An implementation may return a Promise: such a
 * capability runs with `runAsync`, where the evaluator waits for it (src/library/async.ts).
 */

/** The Standard Schema interface (v1), which zod 4, valibot and arktype implement. */
interface StandardSchemaV1<Input = unknown, Output = Input> {
    readonly '~standard': {
        readonly version: 1;
        readonly vendor: string;
        readonly validate: (value: unknown) => StandardSchemaResult<Output> | Promise<StandardSchemaResult<Output>>;
        readonly types?: {
            readonly input: Input;
            readonly output: Output;
        } | undefined;
    };
}
type StandardSchemaResult<Output> = {
    readonly value: Output;
    readonly issues?: undefined;
} | {
    readonly issues: ReadonlyArray<{
        readonly message: string;
        readonly path?: ReadonlyArray<PropertyKey | {
            readonly key: PropertyKey;
        }> | undefined;
    }>;
};
/** A schema: an RTFS type expression as text, or a Standard Schema (e.g. a zod schema). */
type Schema = string | StandardSchemaV1;
/**
 * What an implementation may return without a Standard Schema: plain data, RTFS values
 * (`Keyword.of('high')`, an `RMap` …), or plain arrays and objects holding either.
 */
type PlainOrValue = Value | readonly PlainOrValue[] | {
    readonly [key: string]: PlainOrValue;
};
/** What `impl` receives for a schema: the schema's output type, or plain data. */
type SchemaOutput<S> = S extends StandardSchemaV1<unknown, infer O> ? O : Plain;
/** What `impl` returns for a schema: the schema's input type, or plain data and RTFS values. */
type SchemaInput<S> = S extends StandardSchemaV1<infer I, unknown> ? I : PlainOrValue;
/** What an implementation gets besides its input. */
interface CapabilityCallContext {
    /** The capability's id. */
    readonly id: string;
    /** Writes a line to the program's log (the runtime's `log` option, stderr by default). */
    log(text: string): void;
}
interface CapabilitySpec<In extends Schema | undefined, Out extends Schema | undefined> {
    /** A dotted id: `app.weather`. */
    readonly id: string;
    readonly description?: string;
    /** Validates the call's input (converted to plain data) before `impl` runs. */
    readonly input?: In;
    /** Validates `impl`'s result before it goes back to the program. */
    readonly output?: Out;
    /** What the capability may do (default `['pure']`); dry runs simulate all but pure/read. */
    readonly effects?: readonly Effect[];
    readonly impl: (input: SchemaOutput<In>, ctx: CapabilityCallContext) => SchemaInput<Out> | Promise<SchemaInput<Out>>;
}
/** A capability defined in TypeScript, ready to give to `createRtfs` or `runAsync`. */
interface CapabilityDefinition {
    readonly kind: 'capability-definition';
    readonly id: string;
    readonly description: string;
    readonly effects: readonly Effect[];
    /** The RTFS types of text schemas (checked by the host on every call). */
    readonly inputType: TypeAst | undefined;
    readonly outputType: TypeAst | undefined;
    readonly inputForm: Value | undefined;
    readonly outputForm: Value | undefined;
    /**
     * Runs the implementation on an RTFS value: converts it to plain data, validates it
     * with a Standard Schema, calls `impl`, validates and converts the result back.
     * Synchronous when `impl` is; a Promise otherwise.
     */
    invoke(input: Value, log: (text: string) => void): Value | Promise<Value>;
}
/** Defines a capability implemented in TypeScript (see the module comment). */
declare function defineCapability<In extends Schema | undefined = undefined, Out extends Schema | undefined = undefined>(spec: CapabilitySpec<In, Out>): CapabilityDefinition;

/**
 * The options of the library API (`createRtfs`, `runAsync`, `planGoal`) and how they
 * become a host: policy, answers, catalogs and chain, each given as data or as a file
 * (JSON or RTFS, read by the one config loader, src/config/).
 */

/** Answers for `ccos.user.ask`: in order, by prompt, a function, or a file of either. */
type Answers = readonly string[] | Readonly<Record<string, string>> | ((prompt: string) => string | undefined) | string;
interface RtfsOptions {
    /**
     * Which capabilities programs may call: `{allow: ['ccos.*', 'app.*'], deny: [...]}`,
     * or a policy file (`.json` or `.rtfs`). Deny by default, as `rtfs run`.
     */
    readonly policy?: {
        readonly allow?: readonly string[];
        readonly deny?: readonly string[];
    } | string;
    /** Capabilities implemented in TypeScript (`defineCapability`), or host `Capability` objects. */
    readonly capabilities?: readonly (CapabilityDefinition | Capability)[];
    /**
     * Capability catalog files (`.rtfs` or `.json`): their capabilities plus `planner.*`
     * over them. Without them, `planner.*` (standard library) is loaded for the first
     * program that mentions it, over the built-in catalog.
     */
    readonly catalogs?: readonly string[];
    /**
     * The causal chain: a directory (appended to, created when missing), a chain you
     * made (`new MemoryChain()`), or nothing for a fresh in-memory chain.
     */
    readonly chain?: string | MemoryChain;
    /** Answers for `ccos.user.ask` (without them, `ask` gets no answer). */
    readonly answers?: Answers;
    /** Simulate capabilities whose effects are not `:pure`/`:read` (`--dry-run`). */
    readonly dryRun?: boolean;
    /** Directories `ccos.fs.read` may read below (`--allow-read`). */
    readonly readRoots?: readonly string[];
    /** Module directories for `(import …)` (`--path`). */
    readonly paths?: readonly string[];
    /** Plan inputs (`--input`): a map, or plain data (`{goal: '…'}`), or a file. */
    readonly inputs?: RMap | Readonly<Record<string, unknown>> | string;
    /** Where `println` writes (default: process.stdout). */
    readonly out?: (text: string) => void;
    /** Where `log` and `ccos.io.log` write (default: process.stderr). */
    readonly log?: (text: string) => void;
    /** `'compile'` compiles every form to JavaScript first (`--engine compile`). */
    readonly engine?: 'interpret' | 'compile';
}
/** Bad library options: a file that did not load, or data of the wrong shape. */
declare class RtfsConfigError extends Error {
    readonly diagnostics: readonly Diagnostic[];
    readonly name = "RtfsConfigError";
    constructor(diagnostics: readonly Diagnostic[]);
}

/** Why a run failed. */
interface RunError {
    /** The stable error code (`runtime/division-by-zero`, `capability/denied` …; docs/errors.md). */
    readonly code: string;
    readonly message: string;
    /** As `rtfs run` prints it: `file:line:col: code: message`, the excerpt, the RTFS stack. */
    readonly text: string;
    /** The diagnostics of a program that did not read or analyze (empty for runtime errors). */
    readonly diagnostics: readonly Diagnostic[];
}
type RunResult = {
    readonly ok: true;
    readonly value: Value;
    readonly runId: string;
} | {
    readonly ok: false;
    readonly error: RunError;
    readonly runId: string;
};
interface Rtfs {
    /** Evaluates `text` as one recorded run; the value of its last form. */
    run(text: string, uri?: string): RunResult;
    /** Reads and runs a file (its imports resolve from its directory); fs errors are thrown. */
    runFile(path: string): RunResult;
    /** The records of the causal chain so far (every run of this instance). */
    records(): ChainRecord[];
    /** Closes a chain directory (flushes it and releases its lock); no-op in memory. */
    close(): void;
    /** The evaluator, for `evalString` without a recorded run, namespaces, modules. */
    readonly runtime: Runtime;
    /** The capability host (policy decisions, steps, calls). */
    readonly host: RunHost;
    /** The capabilities this instance knows. */
    readonly registry: CapabilityRegistry;
    /** The chain the runs are written to. */
    readonly chain: MemoryChain | JsonlChain;
}
/** Creates a runtime with a capability host; see {@link RtfsOptions}. */
declare function createRtfs(options?: RtfsOptions): Rtfs;

/** A run's result with the records it wrote to the causal chain. */
type AsyncRunResult = RunResult & {
    readonly records: readonly ChainRecord[];
};
/** Runs `text` as one recorded run in a worker; TypeScript capabilities run in this thread. */
declare function runAsync(text: string, options?: RtfsOptions & {
    readonly uri?: string;
}): Promise<AsyncRunResult>;
/** Reads and runs a file with {@link runAsync}. */
declare function runFileAsync(path: string, options?: RtfsOptions): Promise<AsyncRunResult>;

interface Edit {
    /** Where: a step id, or `plan` for plan options. */
    readonly at: string;
    readonly op: 'insert' | 'replace' | 'wrap' | 'set';
    readonly what: string;
}
type RewriteOutcome = {
    readonly ok: true;
    readonly plan: Value;
    readonly edits: readonly Edit[];
} | {
    readonly ok: false;
    readonly reason: string;
};
/** What a rewriter may know about the run besides the plan. */
interface RewriteContext {
    capability(id: string): CapabilityInfo | undefined;
    /** The hash of the capability catalog this run uses. */
    readonly catalogSnapshot: string | undefined;
}
interface CapabilityInfo {
    readonly id: string;
    readonly inputSchema: TypeAst | undefined;
    readonly effects: readonly string[];
}
interface Rewriter {
    readonly id: string;
    readonly version: string;
    /** The parameters as RTFS data (recorded in the chain). */
    readonly params: Value;
    /** An RTFS rewriter's source text (recorded so a replay can re-apply it). */
    readonly source?: string;
    rewrite(plan: Value, ctx: RewriteContext): RewriteOutcome;
}

interface PlanGoalOptions {
    /** Capability catalog files (`.rtfs` or `.json`); the built-ins are always there. */
    readonly catalogs?: readonly string[];
    /**
     * Rewriters applied to the meta-plan before it runs: a built-in by spec
     * (`'cap-refinement-cycles=2'`, `'insert-approval-gate'`), an RTFS rewriter file
     * (`'my-rewriter.rtfs'`), or a {@link Rewriter} object.
     */
    readonly rewriters?: readonly (string | Rewriter)[];
    /** Whether the meta-plan runs the final plan (default `'none'`). */
    readonly execute?: 'none' | 'dry-run' | 'full';
    /** Refinement cycles after the first synthesis (default 3). */
    readonly maxCycles?: number;
    /** A chain directory, a chain you made, or nothing for a fresh in-memory chain. */
    readonly chain?: string | MemoryChain;
    /** Answers for `ccos.user.ask` (approval gates). */
    readonly answers?: Answers;
    /** Capabilities the run may not call (everything else is allowed, as `rtfs plan`). */
    readonly deny?: readonly string[];
    /** Where the run's `println` and log lines go (default: nowhere). */
    readonly log?: (text: string) => void;
}
type PlanGoalResult = {
    readonly ok: true;
    /** The final plan's RTFS source. */
    readonly plan: string;
    readonly planHash: string;
    /** The meta-plan that ran (after the rewrites). */
    readonly metaPlan: string;
    readonly metaPlanHash: string;
    /** The meta-plan's result map (`:final_plan`, `:coverage`, `:execution` …). */
    readonly value: Value;
    readonly runId: string;
    readonly records: readonly ChainRecord[];
} | {
    readonly ok: false;
    readonly error: RunError;
    readonly runId?: string;
};
/** The meta-plan for `goal` after the rewriters, as RTFS source (`rtfs plan --emit-meta-plan`). */
declare function metaPlanSource(goal: string, o?: PlanGoalOptions): string;
/** Plans `goal`: runs the (rewritten) meta-plan as a recorded run and returns the final plan. */
declare function planGoal(goal: string, o?: PlanGoalOptions): PlanGoalResult;

type ChainVerification = {
    readonly ok: true;
    readonly count: number;
    readonly headHash: string | undefined;
} | {
    readonly ok: false;
    /** The seq of the first bad record, when known. */
    readonly seq: number | null;
    /** What is wrong (`bad-hash`, `bad-prev`, `truncated` …) and where. */
    readonly kind: string;
    readonly message: string;
};
type ReplayResult = {
    readonly ok: true;
    readonly runId: string;
    /** Capability calls executed for real (0 for a plain replay). */
    readonly liveCalls: number;
    /** Hash of the final value (of the recorded error, for a failed run), as recorded. */
    readonly finalHash: string;
    /** Deterministic capability calls executed again and matched against the log. */
    readonly reexecuted: number;
    /** Calls answered from the log (LLM, user, external services). */
    readonly fromLog: number;
    /** For planner runs: the final plan's hash, identical to the recorded run's. */
    readonly finalPlanHash?: string;
    /** A run that failed, reproduced: the recorded error. */
    readonly failed?: {
        readonly code: string;
        readonly message: string;
    };
} | {
    readonly ok: false;
    readonly runId: string;
    readonly message: string;
};
interface ChainReplayOptions {
    /** The run to replay (default: the last one). */
    readonly runId?: string;
    /** Replay this source instead of the recorded one, to see where a change diverges. */
    readonly source?: string;
    /** The program's own capabilities, as given to `createRtfs` (their calls come from the log). */
    readonly capabilities?: readonly (CapabilityDefinition | Capability)[];
    /** Catalog files of a planner run (default: the files it recorded). */
    readonly catalogs?: readonly string[];
}
interface ChainLog {
    /** Every record, in seq order. */
    records(): ChainRecord[];
    /** Checks every hash link (and signed checkpoints) of the chain. */
    verify(options?: VerifyOptions): ChainVerification;
    /** Records matching a filter: `{cap: 'ccos.*', type: 'CapabilityCall', run}`. */
    query(filter?: RecordFilter): ChainRecord[];
    /** The ids of the runs, oldest first. */
    runs(): string[];
    /** A run (default: every run) as a tree of steps and capability calls. */
    tree(runId?: string): string;
    /** Calls, errors and duration percentiles per capability. */
    stats(): CapabilityStats[];
    /** Re-runs a recorded run with every capability call answered from the log. */
    replay(options?: ChainReplayOptions): ReplayResult;
}
/** Opens a chain directory, or a chain object (`Rtfs.chain`, `new MemoryChain()`). */
declare function openChain(source: string | MemoryChain | JsonlChain): ChainLog;

/**
 * `check(text)`: what `rtfs check` reports for a program, without running it: syntax
 * errors, unbound symbols, bad special forms, step references, arity and literal type
 * mismatches, unknown capability ids (errors when catalogs are given).
 */

interface CheckTextOptions {
    /** The name diagnostics give the text (default `<check>`; a path resolves imports). */
    readonly uri?: string;
    /** Module directories for `(import …)`. */
    readonly paths?: readonly string[];
    /** Capability catalog files: with them, an unknown capability id is an error. */
    readonly catalogs?: readonly string[];
}
/** Every diagnostic of `text`, sorted by position (an empty array: nothing to report). */
declare function check(text: string, options?: CheckTextOptions): Diagnostic[];

/**
 * The synchronous formatting API: RTFS text (or RTFS data) → formatted text, through
 * prettier's Doc printer (`printDocToString` is synchronous, so code that generates
 * plans can print through it without awaiting anything).
 */

/** The repository's prettier `printWidth`. */
declare const DEFAULT_WIDTH = 100;
interface FormatOptions {
    /** Maximum line width (default 100). */
    readonly width?: number;
    /** The name used in diagnostics (default `<input>`). */
    readonly uri?: string;
    /**
     * `formatSource`: type annotations in their canonical spelling (`[x :int]`,
     * `[m :[:map …]]`; the default) or as written. `formatForms` always prints data as it
     * is: its text reads back to the same data, and a canonical spelling would not (the
     * colon of `:[…]` is a form of its own).
     */
    readonly annotations?: 'canonical' | 'as-written';
}
type FormatResult = {
    readonly ok: true;
    readonly text: string;
} | {
    readonly ok: false;
    readonly diagnostics: readonly Diagnostic[];
};
/** Formats RTFS source text; text with syntax errors gives the reader's diagnostics. */
declare function formatSource(text: string, opts?: FormatOptions): FormatResult;
/**
 * Prints RTFS data (e.g. a plan built as data) as formatted source, one form per value;
 * the text reads back to the same data (annotations are printed as they are).
 */
declare function formatForms(values: readonly Value[], opts?: FormatOptions): string;

declare const ConfigCodes: {
    /** The file cannot be read (missing, a directory, no permission). */
    readonly unreadable: "config/unreadable";
    /** The text is neither valid JSON nor valid RTFS data (the message says which). */
    readonly syntax: "config/syntax";
    /** The data has the wrong shape for what it configures (a policy that is not a map …). */
    readonly shape: "config/shape";
};
type ConfigFormat = 'json' | 'rtfs';
type ConfigData = {
    readonly ok: true;
    readonly format: ConfigFormat;
    /** The data as RTFS values (JSON objects are maps with keyword keys). */
    readonly value: Value;
    /** The parsed JSON (JSON files only), for loaders that validate plain data. */
    readonly json?: unknown;
    readonly source: Source;
    /** Where the value is (the whole form; the file start for JSON). */
    readonly span: Span;
} | {
    readonly ok: false;
    readonly diagnostics: readonly Diagnostic[];
};
/** Parses configuration text named `uri` (see the module comment for the format). */
declare function parseConfigText(text: string, uri: string, format?: ConfigFormat): ConfigData;
/** Reads and parses a configuration file; `what` names it in errors ("policy file"). */
declare function readConfigFile(path: string, what?: string, format?: ConfigFormat): ConfigData;

export { ActionInput, AuditSink, Budget, Capability, CapabilityRegistry, ChainRecord, ConfigCodes, DEFAULT_WIDTH, Diagnostic, Effect, Host, JsonlChain, MemoryChain, NodeCompiler, Plain, RMap, RtfsConfigError, RunHost, Runtime, Source, Span, Value, check, createRtfs, createRuntime, defineCapability, formatForms, formatSource, metaPlanSource, openChain, parseConfigText, planGoal, readConfigFile, runAsync, runFileAsync };
export type { Answers, AsyncRunResult, CapabilityCallContext, CapabilityDefinition, CapabilitySpec, CapabilityStats, ChainLog, ChainReplayOptions, ChainVerification, CheckTextOptions, ConfigData, FormatOptions, FormatResult, PlainOrValue, PlanGoalOptions, PlanGoalResult, RecordFilter, ReplayResult, RewriteContext, RewriteOutcome, Rewriter, Rtfs, RtfsOptions, RunError, RunResult, RuntimeOptions, Schema, SchemaInput, SchemaOutput, StandardSchemaResult, StandardSchemaV1, VerifyOptions };

// ==== reader.d.ts ====

import { F as FullReader } from './types-read.js';
export { C as Comment, D as Diagnostic, P as Phase, a as ReadOptions, R as ReadResult, S as Severity, d as diagnostic, b as diagnosticToJson, e as equals, f as formatDiagnosticLine, h as hasFullReader, c as hashValue, i as isIncomplete, r as read, g as renderDiagnostic, s as setFullReader } from './types-read.js';
import { V as Value, h as Sym, S as Source, g as Span } from './types-value.js';
export { K as Keyword, M as MapBuilder, N as NodeSpan, O as ObjectValue, R as RErrorValue, a as RFloat, b as RFn, c as RList, d as RMap, e as RVector, f as ResourceHandle, T as Timestamp, i as TypeName, U as Uuid, j as childSpan, k as clipText, l as float, m as formatLocation, n as isInt, o as isTruthy, p as joinSpans, q as kw, r as renderExcerpt, s as span, t as sym, u as typeName } from './types-value.js';

/**
 * Prints a value readably (`pr-str`): strings quoted and escaped, keywords with their
 * colon, floats always with a decimal point or exponent, maps in insertion order.
 * For every value built from readable parts, `read(printValue(v))` equals `v`.
 */
declare function printValue(v: Value): string;
/** Styles the printed text of one atom (`leaf`: a scalar, a function or an error). */
type Paint = (leaf: Value, text: string) => string;
/**
 * {@link printValue} with every atom's text passed through `paint` (the REPL colours
 * values this way); collections' brackets and spaces are left as they are.
 */
declare function printValueStyled(v: Value, paint: Paint): string;
/**
 * Prints for humans (`str`, `println`): like {@link printValue}, but a top-level
 * string is written raw and nil is written as the empty string.
 */
declare function printDisplay(v: Value): string;
/**
 * `4.0`, `0.1`, `1.0E21`, `1.5E-7`, `##Inf`, `##-Inf`, `##NaN`, `-0.0`: always
 * distinguishable from an integer, and read back to the same double.
 */
declare function formatFloat(x: number): string;
/** A string literal that reads back to `s`. Other control characters use `\uXXXX`. */
declare function quoteString(s: string): string;

/** Bounds of RTFS integers (signed 64-bit). */
declare const MIN_I64: bigint;
declare const MAX_I64: bigint;
/**
 * The canonical representation of an integer: a JS number when it is a safe
 * integer, a bigint otherwise; `undefined` when it does not fit in 64 bits.
 */
declare function normalizeInt(n: bigint): number | bigint | undefined;

/**
 * RTFS values ↔ plain JSON-like JS values, for providers that run outside the
 * evaluator (the sync bridge, HTTP bodies): maps with keyword or string keys become
 * objects, vectors and lists arrays, keywords their names, floats numbers; back,
 * objects become maps with keyword keys and integral numbers ints.
 */

type Plain = null | boolean | number | string | Plain[] | {
    [key: string]: Plain;
};
declare function toPlain(v: Value): Plain;
declare function fromPlain(p: unknown): Value;

/**
 * Size limits of one operation (docs/security.md): a single builtin call never builds a
 * collection or a string larger than these, and no source text is longer than the
 * string limit. They turn what would exhaust memory (an abort with exit 134) into RTFS
 * errors; a normal program never meets them.
 */
/** Largest collection one builtin call builds (`range`, `repeat`, …), in items. */
declare const MAX_BUILD = 10000000;
/**
 * Longest string one builtin call builds (`str`, `join`, `format`, …) and longest source
 * text the reader accepts, in UTF-16 code units (50 to 100 MB of memory; the JavaScript
 * engine's own limit is about 512 million).
 */
declare const MAX_STRING = 50000000;

/**
 * Stable syntax diagnostic codes. Each one is documented with cause and fix in
 * docs/errors.md; tests assert them. Never renumber or rename a released code.
 */
declare const SyntaxCodes: {
    readonly unexpectedCharacter: "syntax/unexpected-character";
    readonly unterminatedString: "syntax/unterminated-string";
    readonly unterminatedComment: "syntax/unterminated-comment";
    readonly unclosedDelimiter: "syntax/unclosed-delimiter";
    readonly unexpectedCloser: "syntax/unexpected-closing-delimiter";
    readonly mismatchedDelimiter: "syntax/mismatched-delimiter";
    readonly oddMapEntries: "syntax/odd-map-entries";
    readonly invalidNumber: "syntax/invalid-number";
    readonly integerOutOfRange: "syntax/integer-out-of-range";
    readonly invalidEscape: "syntax/invalid-escape";
    readonly invalidKeyword: "syntax/invalid-keyword";
    readonly invalidSymbol: "syntax/invalid-symbol";
    readonly invalidTimestamp: "syntax/invalid-timestamp";
    readonly invalidSpecialValue: "syntax/invalid-special-value";
    readonly invalidMetadata: "syntax/invalid-metadata";
    readonly metadataTarget: "syntax/metadata-target";
    readonly invalidDelegation: "syntax/invalid-delegation";
    readonly nestedAnonFn: "syntax/nested-anonymous-fn";
    readonly invalidAnonFnArg: "syntax/invalid-anonymous-fn-arg";
    readonly missingForm: "syntax/missing-form";
    readonly missingFormAtEnd: "syntax/missing-form-at-end";
    readonly unknownDispatch: "syntax/unknown-dispatch";
    readonly tooDeep: "syntax/nesting-too-deep";
    readonly tooLarge: "syntax/source-too-large";
};
type SyntaxCode = (typeof SyntaxCodes)[keyof typeof SyntaxCodes];

/**
 * The candidate closest to `name` by edit distance, if any is close enough: one edit
 * for names of up to 4 characters, two for longer ones ("did you mean …?" hints).
 */
declare function nearest(name: string, candidates: readonly string[]): string | undefined;

/**
 * The colon of a type annotation written the reference's way: `[x : Int]`,
 * `(fn [x] : Int …)`, and glued to a name, `x:int` or `x:[:vector :int]`. The readers
 * read a `:` standing alone as the symbol `:` and `x:` (a name glued to the colon) as
 * a symbol ending in `:`; the analyzer turns them into annotations where an annotation
 * can be (analyzer/annotations.ts) and rejects them anywhere else. Positions where no
 * annotation can ever be (top level, maps, the first or last element of a list or
 * vector, two colons in a row) are syntax errors here already.
 */

/** The symbol a lone `:` reads as. */
declare const COLON: Sym;
/** A lone `:`. */
declare function isColon(v: Value | undefined): v is Sym;
/** The name of `x:` (a name glued to an annotation colon), else undefined. */
declare function gluedColonName(v: Value | undefined): string | undefined;
interface ColonProblem {
    readonly index: number;
    readonly code: SyntaxCode;
    readonly message: string;
}
/**
 * The first colon in `items` that cannot start an annotation: anywhere in a map or at
 * top level; the last element of a list or vector (no type follows); a lone `:` first
 * (nothing to annotate) or right after another colon.
 */
declare function misplacedColon(items: readonly Value[], where: 'sequence' | 'other'): ColonProblem | undefined;

/**
 * A `#!` first line (`#!/usr/bin/env rtfs`) makes an RTFS file an executable script,
 * as in nbb and babashka. Both readers and the formatter treat it as a line comment.
 */
/** The end of a `#!` first line (where its `\n` is, like a `;` comment), or 0 if none. */
declare function shebangEnd(text: string): number;

/** The forms of `source` and their spans, or undefined (then use `read`). */
declare function fastReadData(source: Source): {
    forms: Value[];
    spans: Span[];
} | undefined;

/**
 * The reading half of the public API (`rtfs-ts/reader`; `rtfs-ts` re-exports all of it):
 * reading RTFS text into RTFS data (`read`), the data model, printing (`printValue`),
 * sources/spans and diagnostics, without the runtime. The CLI imports this module
 * statically and the runtime (index.ts) only in the commands that evaluate, so that
 * `rtfs read` does not load the evaluator.
 *
 * `read` parses valid text with a fast hand-written scanner and needs the Chevrotain
 * reader only for input that scanner rejects (it produces the diagnostics). Importing
 * this module installs a loader that `require`s that reader synchronously the first
 * time it is needed (`dist/full-reader.js`), so programs that only read valid text
 * never load Chevrotain. `import 'rtfs-ts/full'` installs it eagerly instead.
 */

/** Loads the Chevrotain reader synchronously (full-reader-loader.ts says from where). */
declare function loadFullReader(): FullReader;

export { COLON, FullReader, MAX_BUILD, MAX_I64, MAX_STRING, MIN_I64, Source, Span, Sym, SyntaxCodes, Value, fastReadData, formatFloat, fromPlain, gluedColonName, isColon, loadFullReader, misplacedColon, nearest, normalizeInt, printDisplay, printValue, printValueStyled, quoteString, shebangEnd, toPlain };
export type { ColonProblem, Paint, Plain, SyntaxCode };

// ==== full.d.ts ====

import { S as Source } from './types-value.js';
export { K as Keyword, M as MapBuilder, N as NodeSpan, O as ObjectValue, R as RErrorValue, a as RFloat, b as RFn, c as RList, d as RMap, e as RVector, f as ResourceHandle, g as Span, h as Sym, T as Timestamp, i as TypeName, U as Uuid, V as Value, j as childSpan, k as clipText, l as float, m as formatLocation, n as isInt, o as isTruthy, p as joinSpans, q as kw, r as renderExcerpt, s as span, t as sym, u as typeName } from './types-value.js';
import { R as ReadResult } from './types-read.js';
export { C as Comment, D as Diagnostic, F as FullReader, P as Phase, a as ReadOptions, S as Severity, d as diagnostic, b as diagnosticToJson, e as equals, f as formatDiagnosticLine, h as hasFullReader, c as hashValue, i as isIncomplete, r as read, g as renderDiagnostic, s as setFullReader } from './types-read.js';
export { COLON, ColonProblem, MAX_BUILD, MAX_I64, MAX_STRING, MIN_I64, Paint, Plain, SyntaxCode, SyntaxCodes, fastReadData, formatFloat, fromPlain, gluedColonName, isColon, loadFullReader, misplacedColon, nearest, normalizeInt, printDisplay, printValue, printValueStyled, quoteString, shebangEnd, toPlain } from './reader.js';
export { Answers, AsyncRunResult, CapabilityCallContext, CapabilityDefinition, CapabilitySpec, CapabilityStats, ChainLog, ChainReplayOptions, ChainVerification, CheckTextOptions, ConfigCodes, ConfigData, DEFAULT_WIDTH, FormatOptions, FormatResult, JsonlChain, MemoryChain, PlainOrValue, PlanGoalOptions, PlanGoalResult, RecordFilter, ReplayResult, RewriteContext, RewriteOutcome, Rewriter, Rtfs, RtfsConfigError, RtfsOptions, RunError, RunResult, RuntimeOptions, Schema, SchemaInput, SchemaOutput, StandardSchemaResult, StandardSchemaV1, VerifyOptions, check, createRtfs, createRuntime, defineCapability, formatForms, formatSource, metaPlanSource, openChain, parseConfigText, planGoal, readConfigFile, runAsync, runFileAsync } from './index.js';
export { A as ActionInput, a as AuditSink, B as Budget, C as Capability, b as CapabilityContext, c as CapabilityRegistry, d as ChainAction, e as ChainRecord, E as Effect, f as EvalOutcome, H as Host, N as NodeCompiler, P as Policy, g as PureHost, R as RtfsError, h as RunHost, i as Runtime } from './types-run-host.js';
import 'node:crypto';

declare function chevrotainRead(source: Source): ReadResult;

export { ReadResult, Source, chevrotainRead };

// ==== prettier.d.ts ====

import { Value } from './full.js';
import { builders } from 'prettier/doc';

/**
 * The formatter's concrete syntax tree: every token's exact text (so `1.50`, `0x…`
 * escapes and reader macros print as written) plus the comments and `#_` forms the
 * reader drops. It is built from text that `read()` already accepted, so the scanner
 * here does not diagnose anything: unexpected input is a bug (it throws).
 */

/** An atom: symbol, number, keyword, string, regex, `##Inf`, resource, … (exact text). */
interface CstAtom {
    readonly kind: 'atom';
    readonly text: string;
    readonly start: number;
    readonly end: number;
}
/** `(…)`, `[…]`, `{…}` or `#(…)`; `items` keep comments and discards in order. */
interface CstColl {
    readonly kind: 'coll';
    readonly open: '(' | '[' | '{' | '#(';
    readonly items: readonly CstItem[];
    readonly start: number;
    readonly end: number;
    /** The data, for trees built from values (formatForms) rather than text. */
    readonly value?: Value;
}
/** `'x`, `` `x ``, `~x`, `~@x`, `@x`: the prefix and its operand. */
interface CstPrefix {
    readonly kind: 'prefix';
    readonly prefix: string;
    readonly target: CstNode;
    readonly start: number;
    readonly end: number;
}
/** `^meta form` (`meta` holds every operand before the target, e.g. `:delegation :local`). */
interface CstMeta {
    readonly kind: 'meta';
    readonly meta: readonly CstNode[];
    readonly target: CstNode;
    readonly start: number;
    readonly end: number;
}
/** An operand with comments or `#_` forms before it (`#_ ;; why\n x`, `#_ #_ a b`). */
interface CstLead {
    readonly kind: 'lead';
    readonly trivia: readonly CstTrivia[];
    readonly node: CstNode;
    readonly start: number;
    readonly end: number;
}
type CstNode = CstAtom | CstColl | CstPrefix | CstMeta | CstLead;
/** A `;` line comment or a `#| … |#` block comment (text without trailing blanks). */
interface CstComment {
    readonly kind: 'comment';
    readonly text: string;
    readonly block: boolean;
    readonly start: number;
    readonly end: number;
}
/** `#_ form`: read and dropped by the reader, kept verbatim (formatted) here. */
interface CstDiscard {
    readonly kind: 'discard';
    readonly target: CstNode;
    readonly start: number;
    readonly end: number;
}
type CstTrivia = CstComment | CstDiscard;
type CstItem = CstNode | CstTrivia;
interface CstRoot {
    readonly kind: 'root';
    readonly text: string;
    readonly items: readonly CstItem[];
    readonly start: number;
    readonly end: number;
}

/**
 * CST → prettier Doc. Layout (Clojure conventions):
 *
 * - forms with a rule in forms.ts (`let`, `defn`, `when`, `step`, `match`, …): their
 *   first arguments on the head line, the body indented by two;
 * - other calls: arguments aligned with the first one; data lists and vectors: items
 *   aligned after the opening bracket (vectors of atoms filled line by line);
 * - maps and binding vectors: key/value pairs, one pair per line when broken.
 *
 * A group is printed on one line when it fits the width. Every form starts at the
 * indentation column of its group (arguments after others on a line are wrapped in an
 * `align` of the width already printed), so nested layouts line up. Atoms print their
 * source text unchanged.
 */

type Doc = builders.Doc;
/** The Doc of `root`, its type annotations in canonical spelling when `canonical`. */
declare function printRoot(root: CstRoot, canonical?: boolean): Doc;

interface Located {
    readonly start: number;
    readonly end: number;
}
declare const languages: {
    name: string;
    parsers: string[];
    extensions: string[];
    vscodeLanguageIds: string[];
}[];
declare const parsers: {
    rtfs: {
        astFormat: string;
        parse(text: string): CstRoot;
        locStart: (node: Located) => number;
        locEnd: (node: Located) => number;
    };
};
declare const printers: {
    "rtfs-cst": {
        print(path: {
            node: CstRoot;
        }): ReturnType<typeof printRoot>;
    };
};
declare const _default: {
    languages: {
        name: string;
        parsers: string[];
        extensions: string[];
        vscodeLanguageIds: string[];
    }[];
    parsers: {
        rtfs: {
            astFormat: string;
            parse(text: string): CstRoot;
            locStart: (node: Located) => number;
            locEnd: (node: Located) => number;
        };
    };
    printers: {
        "rtfs-cst": {
            print(path: {
                node: CstRoot;
            }): ReturnType<typeof printRoot>;
        };
    };
};

export { _default as default, languages, parsers, printers };

// ==== runtime.d.ts ====

import { F as Fn, V as Var, j as Builtin, k as CatchSelector, T as TypeAst, S as StepExport } from './types-run-host.js';
import { Runtime, RunHost, CapabilityRegistry, RtfsError, Host, Capability, AuditSink } from './full.js';
export { l as enterBudget, m as leaveBudget, n as meter, r as refuel, s as shortenChunk } from './types-run-host.js';
export { e as equals, s as setFullReader } from './types-read.js';
import { Value, RMap, Keyword, Span } from './full.js';

/**
 * Printing types and mismatches for messages: `formatType` writes a {@link TypeAst}
 * back as RTFS text (which `parseTypeExpr` reads back to the same type), and
 * `formatMismatch` / `typeErrorMessage` build the texts users see.
 */

/** Where a value failed to match and why (see `compileValidator`). */
interface Mismatch {
    /**
     * Steps from the checked value to the offending part: a string is a map key
     * (printed `.age`), a number a position in a vector or list (printed `[1]`).
     */
    readonly path: readonly (string | number)[];
    /** The expected type as RTFS text, e.g. `:int` or `[:vector :keyword]`. */
    readonly expected: string;
    /** What was found, e.g. `string "x"`, `nil`, `nothing (missing key :id)`. */
    readonly actual: string;
}

/**
 * `compileValidator`: TypeAst → a closure tree, compiled once per type.
 *
 * Every node compiles to two functions: `test(v)`, a boolean check that allocates
 * nothing, and `explain(v)`, called only after `test` failed, which finds the first
 * offending part and builds the {@link Mismatch} (path, expected, actual). A
 * validator is `v => test(v) ? undefined : explain(v)`, so values that match cost
 * no allocation. Why not zod: docs/adr/0004-type-validators.md.
 */

/** Checks a value: undefined when it matches, otherwise where and why it does not. */
type Validator = (v: Value) => Mismatch | undefined;

/**
 * The evaluator's second tier (ADR 0011). A function that runs often is compiled to
 * JavaScript by the same code generator as `rtfs compile`, from the same analyzed
 * node, and its closure calls the compiled code from then on. A closed function
 * (reading no local of an enclosing function) gets one compiled function for every
 * closure made from its node; a function that captures locals gets one per closure,
 * made from the frame the closure captured, which the compiled code reads in place
 * (so a slot filled after the closure was made reads the same as interpreted).
 * Functions that reach the host (steps, plans, capability calls, `context`) stay
 * interpreted.
 *
 * The runtime does not import the compiler: the wiring (src/create-runtime.ts) passes
 * a {@link FnJit} in.
 */

/** A function compiled to JavaScript whose bodies run with `self` as their own value. */
interface JitFn {
    readonly f1: ((this: Fn, a: Value) => Value) | undefined;
    readonly f2: ((this: Fn, a: Value, b: Value) => Value) | undefined;
    invokeAs(self: Fn, args: Value[]): Value;
}

/**
 * The plans running in one runtime and their step results: the state both engines keep
 * while a plan runs (plan-support.ts works on it).
 */

interface PlanFrame {
    readonly name: string;
    readonly inputs: RMap;
    /** Step id → value, for `(step-result "id")`. */
    readonly results: Map<string, Value>;
    /** Declarative steps' `:output` aliases, readable with `(get :alias)`. */
    readonly aliases: Map<string, Value>;
}
/** The plans running in one runtime, innermost last; the bottom frame is the top level. */
declare class PlanStack {
    private readonly frames;
    get current(): PlanFrame;
    push(f: PlanFrame): void;
    pop(): void;
    /** A plan input or a step alias named `name`, or undefined. */
    contextValue(key: Keyword): Value | undefined;
}

/**
 * Wires a runtime to a capability host: builtins, core macros, the built-in
 * capabilities, a policy, and an audit sink.
 */

interface Hosted {
    readonly runtime: Runtime;
    readonly host: RunHost;
    readonly registry: CapabilityRegistry;
}

/**
 * One arity body of a compiled function; `this` is the function value itself (the
 * `CompiledFn`, or the evaluator's closure that tiered up to it: runtime/jit.ts).
 */
type ArityBody = (this: Fn, ...args: Value[]) => Value;
/** An arity as the compiler emits it: fixed parameter count, a rest parameter, the body. */
interface CompiledArity {
    readonly fixed: number;
    readonly rest: boolean;
    readonly body: ArityBody;
}
/**
 * A function compiled to JavaScript. Arity selection is the evaluator's (`Closure`):
 * an exact fixed arity first, then the variadic one; the rest parameter is an `RList`
 * or nil. Calls with 0–3 arguments go straight to their body without an array.
 */
declare class CompiledFn extends Fn implements JitFn {
    private readonly arities;
    /** The exact arities for 0–3 arguments (compiled call sites call them directly). */
    readonly f0: ArityBody | undefined;
    readonly f1: ArityBody | undefined;
    readonly f2: ArityBody | undefined;
    readonly f3: ArityBody | undefined;
    private readonly restFixed;
    private readonly restBody;
    constructor(name: string | undefined, arities: readonly CompiledArity[]);
    invoke(args: Value[]): Value;
    /** Calls the arity for `args` with `self` as the function's own value. */
    invokeAs(self: Fn, args: Value[]): Value;
    /**
     * A loop (`map`, `filter`, `reduce`, … over `n` items) is about to call this function
     * `n` times. When V8 will most likely optimise the body during the loop, the current
     * step chunk ends within {@link FN_WARM_STEPS} steps (budget.ts `shortenChunk`): the
     * loop's first `refuel` then runs from the body's meter check, or from a builtin's
     * `charge` it calls, while V8 still interprets them. A `refuel` call that has never
     * run has no type feedback; the optimised body (and every function that inlined it)
     * would deoptimise at its first `refuel`, thousands of calls into the loop, and
     * compile again (ADR 0042 does the same for JIT code; ADR 0055). Steps counted stay
     * exact; only where the clock and the interrupt flag are looked at moves.
     */
    expectCalls(n: number): void;
    call0(): Value;
    call1(a: Value): Value;
    call2(a: Value, b: Value): Value;
    call3(a: Value, b: Value, c: Value): Value;
}

/**
 * Call sites. A call evaluates its callee and arguments, then calls: functions through
 * their fixed-arity entry points (no argument array), keywords as map lookups. Errors
 * raised inside get the call's position and an RTFS stack frame on the way out.
 *
 * Calls of a core builtin held by a global take a direct path while the global still
 * holds it (redefining `+` still works: the identity check fails and the generic call
 * runs), fused with reading frame locals for the shapes hot loops use.
 */

/** Adds the call's position to an error raised inside it (RTFS stack trace). */
declare function locate(e: unknown, span: Span | undefined, callee: Value): unknown;
/** {@link locate} for a call of a function known by name (compiled self-calls). */
declare function locateIn(e: unknown, span: Span | undefined, name: string): unknown;
/** Calls `f` with one argument. */
declare function call1(f: Value, x: Value, span: Span | undefined): Value;
/** Calls `f` with two arguments. */
declare function call2(f: Value, x: Value, y: Value, span: Span | undefined): Value;
/** Calls `f` with any number of arguments. */
declare function callN(f: Value | undefined, args: Value[], span: Span | undefined): Value;

/**
 * Call helpers for compiled code: the evaluator's own generic call path (arity, keyword
 * lookup, not-callable errors, RTFS stack frames) and the slow half of direct builtin
 * calls, taken when the inline fast path does not apply or the global was redefined.
 */

/** A call of `b` through `f` (its one-argument implementation) while `cell` still holds it. */
declare function direct1(cell: Var, b: Builtin, f: (a: Value) => Value, x: Value, span: Span | undefined): Value;
/** A call of `b` through `f` (its two-argument implementation) while `cell` still holds it. */
declare function direct2(cell: Var, b: Builtin, f: (a: Value, b: Value) => Value, x: Value, y: Value, span: Span | undefined): Value;
/** Reading a global that is not bound (yet): `(def x (+ x 1))`. */
declare function unbound(cell: Var, span: Span | undefined): never;

/**
 * Runtime of the step family, `for` and `dotimes`.
 * Steps report start/completion/failure to the host (the causal chain, issue 4).
 * `step-if`/`step-loop` use the reference's step truthiness: `false nil 0 0.0 "" [] {}`
 * are false (unlike `if`).
 */

declare function stepTruthy(v: Value): boolean;
/** The elements `for` iterates: vectors, lists, maps (as [k v] entries), strings (characters), nil. */
declare function iterable(v: Value, what: string): Value[];

/** Capability ids as `call` and `defcapability` take them (runtime/compile-node.ts). */

/** A capability id from a string or keyword (`:ccos.kv/get` → `"ccos.kv/get"`). */
declare function capabilityId(v: Value, span: Span | undefined): string;

/**
 * Runtime halves of special forms in compiled code, each the evaluator's behaviour
 * (runtime/compile-*.ts) as a function the emitted JavaScript calls.
 */

/** `(throw v)` */
declare function thrown(v: Value, span: Span | undefined): RtfsError;
declare function vector(items: Value[]): Value;
/**
 * Appends `x` in place to `v` when it is a vector (a loop's own `conj` result, see
 * compiler/emit-owned.ts) and says whether it did.
 */
declare function appendOwned(v: Value, x: Value): boolean;
/**
 * The array of `v` when it is a flat vector, else undefined: read at `i` below the
 * vector's `count` by a loop that never rebinds `v` (compiler/vector-reads.ts).
 */
declare function flatItems(v: Value): readonly Value[] | undefined;
declare function map(flat: Value[]): Value;
/** A type annotation's check. */
declare function check(validate: Validator, v: Value, context: string, span: Span | undefined): Value;

declare function defineCapability(host: Host, cap: string, spec: Value, fn: Value, span: Span | undefined): Value;
/** A step body threw: report RTFS errors to the host, then rethrow. */
declare function stepFailed(host: Host, id: string, e: unknown): never;
/** The iteration limit of `step-loop`. */
declare function stepLoopLimit(i: number, span: Span | undefined): void;
/** `dotimes` count. */
declare function dotimesCount(c: Value, span: Span | undefined): number;
/** What a `catch` clause sees: an RTFS error (with the `try`'s span if it had none), or a rethrow. */
declare function caught(e: unknown, span: Span | undefined): RtfsError;
declare function catches(sel: CatchSelector, code: string): boolean;

/**
 * Runtime halves of destructuring (runtime/bind-pattern.ts) and `match` patterns
 * (runtime/compile-match.ts) for compiled code: the emitted code stores into its own
 * variables; these helpers do the type checks and element access.
 */

/** The elements a vector pattern destructures (nil: none). */
declare function destructureSeq(v: Value, span: Span | undefined): readonly Value[];
/** `& rest` of a vector pattern: nil when nothing is left, else a vector or list like `v`. */
declare function destructureRest(v: Value, items: readonly Value[], n: number): Value;
/** Checks that a map pattern may destructure `v` (a map, an error value or nil). */
declare function destructureMap(v: Value, span: Span | undefined): void;
/** One key of a map pattern, or undefined when absent (then the default or nil applies). */
declare function destructureKey(v: Value, key: Value): Value | undefined;
/** A map pattern's `& rest`: the map without the pattern's keys. */
declare function withoutKeys(v: Value, keys: readonly Value[]): Value;
/** The elements a `match` vector pattern sees, or undefined for non-sequences. */
declare function matchSeq(v: Value): readonly Value[] | undefined;
/** A `match` vector pattern's rest: a list for lists, else a vector. */
declare function matchRest(v: Value, items: readonly Value[], n: number): Value;
declare function isMap(v: Value): v is RMap;
declare function noMatch(v: Value, span: Span | undefined): RtfsError;

/**
 * What running a plan does, shared by both engines (the evaluator's closures in
 * compile-plan.ts / compile-step.ts and compiled code): plan inputs with their
 * defaults, dry-run placeholders and checks, the output check, step results and
 * `:output` aliases, and context lookups that see plan inputs before the host's.
 */

/** `@name` / `(get :name)`: a plan input or step alias, else the host's context. */
declare function planContext(plans: PlanStack, host: Host, key: Keyword, optional: boolean, span: Span | undefined): Value;
/** A plan's inputs: given by the host, defaults filled in, required ones present, checked. */
declare function planInputs(host: Host, name: string, type: TypeAst | undefined, check: Validator | undefined, span: Span | undefined): RMap;
declare function planInput(values: RMap, key: Value): Value;
declare function planPush(plans: PlanStack, name: string, inputs: RMap): void;
declare function planOutput(check: Validator | undefined, v: Value, name: string, span: Span | undefined): Value;
/** `(step-result "id")` */
declare function stepResult(plans: PlanStack, name: string, span: Span | undefined): Value;
/** A declarative step's value (the `:output` rule), before the host sees it. */
declare function stepValue(v: Value, exports: readonly StepExport[] | undefined): Value;
/** After a `step` completed: its result (and aliases) for later `step-result`s. */
declare function stepRecord(plans: PlanStack, name: string, v: Value, exports: readonly StepExport[] | undefined): void;

/**
 * The start-up half of an emitted ES module (`rtfs compile`): a hosted runtime (the
 * builtins, the core library, capabilities with their policy, the causal chain in
 * memory), the cells, constants and spans the compiled code links to, and the run
 * itself — each top-level form in order, printing what `rtfs run` prints.
 */

interface ProgramOptions {
    /** The main file's name (the run's uri). */
    readonly uri: string;
    /** Every source file whose spans the code uses: `[uri, text]`. */
    readonly sources: readonly (readonly [string, string])[];
    /**
     * Command-line arguments, as for `rtfs run` (the host options of
     * src/host/run-options.ts that modules accept; default: `process.argv`); the words
     * that are not options (and everything after `--`) are the program's
     * `*command-line-args*`.
     */
    readonly argv?: readonly string[];
    /** Capabilities besides the built-in ones (the planner standard library). */
    readonly capabilities?: readonly Capability[];
}
/** What the compiled code of one program links to at start-up. */
declare class Program {
    readonly options: ProgramOptions;
    readonly hosted: Hosted;
    /** The kept chain (`--chain`, `--trace`), else undefined: `sink` only counts. */
    private readonly chain;
    private readonly sink;
    private readonly flags;
    private readonly sources;
    private readonly namespaces;
    /** Standard output: `println` and the last value (directly to a pipe or file, ADR 0052). */
    private readonly out;
    constructor(options: ProgramOptions);
    get host(): Hosted['host'];
    /** The cell `name` of namespace `ns` (created unbound if needed). */
    cell(ns: string, name: string): Var;
    /** What a core builtin cell holds, or one of its implementations (`f`, `f1`, `f2`). */
    builtin(ns: string, name: string, impl: 'fn' | 'f' | 'f1' | 'f2'): unknown;
    span(source: number, start: number, end: number): Span;
    /** A constant, from its printed form. */
    value(printed: string): Value;
    /** The stack of running plans the compiled code shares (step results, plan inputs). */
    readonly plans: PlanStack;
    typeAst(printed: string): TypeAst;
    validator(printed: string): Validator;
    exports(pairs: readonly (readonly [string, string])[]): StepExport[];
    /**
     * Runs the top-level forms as one recorded run and prints like `rtfs run`: output,
     * then the last value; an error on stderr and exit code 1.
     */
    run(forms: readonly (readonly [Span | undefined, () => Value])[]): void;
}
declare function startProgram(options: ProgramOptions): Program;

/**
 * Gives the core library's text instead of reading stdlib/core.rtfs (for a bundle that
 * runs where the package's files are not: `rtfs compile --bundle`).
 */
declare function provideCoreLibrary(text: string, uri?: string): void;

/**
 * The causal chain of a compiled module run with `--chain DIR` or `--trace`: the JSONL
 * chain (signed with `--sign-key` or the environment's key) or a retained, hashed
 * chain in memory, and the run's tree that `--trace` prints. A run with neither only
 * counts its records (`CountingSink`) and never loads this file's imports: the ES
 * module build loads it through program-chain-loader.lazy.ts (ADR 0046); this file is
 * the build entry of `dist/program-chain.js`.
 */

/** A chain a run's records are kept in, and what `--trace` prints of it. */
interface RecordedChain {
    readonly sink: AuditSink;
    /** Closes the chain's files (after the run). */
    close(): void;
    /** The tree of the records of run `runId` (`--trace`). */
    tree(runId: string | undefined): string;
}
type RecordedChainResult = {
    readonly kind: 'ok';
    readonly chain: RecordedChain;
} | {
    readonly kind: 'error';
    readonly message: string;
};
/** The chain in `dir` (`--chain`; signed with `signKey` or the environment's key), else memory. */
declare function openRecordedChain(dir: string | undefined, signKey: string | undefined): RecordedChainResult;

/**
 * The recorded chain of a compiled module (program-chain.ts) as program-runtime.ts links
 * it. From source and in the CLI's single bundle it is imported with the rest; the ES
 * module build swaps this file for program-chain-loader.lazy.ts, which loads
 * `dist/program-chain.js` when a module runs with `--chain` or `--trace` (ADR 0046).
 */

/** Installs the chain where it is loaded lazily; here it is linked already. */
declare function setProgramChain(open: typeof openRecordedChain): void;

/**
 * The runtime module compiled programs import (`rtfs-ts/runtime`, dist/runtime.js):
 * the helpers the emitted code calls and `startProgram`, which builds the hosted
 * runtime (builtins, core library, capabilities, causal chain) the code links to.
 */

/** The planner standard library (planner.*, llm.complete) over the built-in catalog. */
declare function loadPlannerStdlib(): Promise<readonly Capability[]>;

export { Builtin, CatchSelector, CompiledFn, Fn, Program, StepExport, TypeAst, Var, appendOwned, call1, call2, callN, capabilityId, catches, caught, check, defineCapability, destructureKey, destructureMap, destructureRest, destructureSeq, direct1, direct2, dotimesCount, flatItems, isMap, iterable, loadPlannerStdlib, locate, locateIn, map, matchRest, matchSeq, noMatch, planContext, planInput, planInputs, planOutput, planPush, provideCoreLibrary, setProgramChain, startProgram, stepFailed, stepLoopLimit, stepRecord, stepResult, stepTruthy, stepValue, thrown, unbound, vector, withoutKeys };
export type { ArityBody, CompiledArity, ProgramOptions };

// ==== types-read.d.ts ====

import { V as Value, g as Span, S as Source } from './types-value.js';

/**
 * Structural, type-strict equality (`=`): `1` ≠ `1.0`, `[1]` ≠ `(1)`, `:a` ≠ `"a"`,
 * maps compare regardless of insertion order, `##NaN` equals nothing.
 * Functions and error values compare by identity.
 */
declare function equals(a: Value, b: Value): boolean;
/** A hash consistent with {@link equals} (equal values hash equally). */
declare function hashValue(v: Value): number;

type Phase = 'syntax' | 'analysis' | 'runtime' | 'type' | 'capability';
type Severity = 'error' | 'warning';
/**
 * A problem found in RTFS input. `code` is stable (documented in docs/errors.md);
 * `message` names what was expected; `span` locates it.
 */
interface Diagnostic {
    readonly code: string;
    readonly phase: Phase;
    readonly severity: Severity;
    readonly message: string;
    readonly span: Span;
    /** Extra lines shown after the excerpt (hints, related positions). */
    readonly notes?: readonly string[];
}
declare function diagnostic(code: string, phase: Phase, message: string, span: Span, notes?: readonly string[]): Diagnostic;
/** One line: `file:line:col: code: message` (the form editors and `rtfs check` print). */
declare function formatDiagnosticLine(d: Diagnostic): string;
/** The one-line form followed by the excerpt with a caret, and any notes. */
declare function renderDiagnostic(d: Diagnostic): string;
/** A plain-data view of a diagnostic for `--json` output. */
declare function diagnosticToJson(d: Diagnostic): Record<string, unknown>;

/** A comment kept by the reader (for the formatter). */
interface Comment {
    readonly text: string;
    readonly span: Span;
    readonly block: boolean;
}
/**
 * What reading a source produces. `spans[i]` is the span of `forms[i]`; nested forms
 * carry their children's spans (`childSpans`). `incomplete` is true when every
 * problem is that the input ended too early (an unclosed form or string), so a REPL
 * can ask for another line.
 */
interface ReadResult {
    readonly forms: Value[];
    readonly spans: Span[];
    readonly comments: Comment[];
    readonly diagnostics: Diagnostic[];
    readonly incomplete: boolean;
}
declare function isIncomplete(diagnostics: readonly Diagnostic[]): boolean;

/**
 * `read`: RTFS text → RTFS data with spans, comments and diagnostics.
 *
 * Valid input goes through the fast path (fast-reader.ts, a hand-written scanner that
 * builds exactly the same data); the first thing it does not accept sends the whole
 * text to the Chevrotain reader, which is normative and produces the diagnostics.
 * The CLI loads Chevrotain lazily through {@link setFullReader}, so reading a valid
 * file never pays for building the grammar (docs/adr/0003-reader-fast-path.md).
 */

type FullReader = (source: Source) => ReadResult;
/** Installs the Chevrotain reader (or a loader that produces it on first use). */
declare function setFullReader(reader: FullReader | (() => FullReader), lazy?: boolean): void;
/** Whether a full reader (or a loader for one) has been installed. */
declare function hasFullReader(): boolean;
interface ReadOptions {
    /** Skip the fast path (used by tests and the benchmark). */
    readonly fullReaderOnly?: boolean;
}
/** Reads every form of `text` (named `uri` in positions). Never throws on bad input. */
declare function read(text: string | Source, uri?: string, options?: ReadOptions): ReadResult;

export { diagnosticToJson as b, hashValue as c, diagnostic as d, equals as e, formatDiagnosticLine as f, renderDiagnostic as g, hasFullReader as h, isIncomplete as i, read as r, setFullReader as s };
export type { Comment as C, Diagnostic as D, FullReader as F, Phase as P, ReadResult as R, Severity as S, ReadOptions as a };

// ==== types-run-host.d.ts ====

import { K as Keyword, V as Value, g as Span, d as RMap, R as RErrorValue, b as RFn } from './types-value.js';
import { D as Diagnostic } from './types-read.js';

/**
 * The typed AST of RTFS type expressions (docs/types.md). Built by `parseTypeExpr`
 * from type-expression data (keywords, symbols, vectors, maps as read), compiled by
 * `compileValidator`, printed back by `formatType`.
 */

/**
 * Named types. `any` matches everything and `never` nothing; `list`, `vector`, `map`
 * and `fn` are "any list/vector/map/function"; `float` and `number` both accept
 * integers and floats (an int is accepted where a float is expected).
 */
type PrimName = 'any' | 'never' | 'int' | 'float' | 'number' | 'string' | 'bool' | 'nil' | 'keyword' | 'symbol' | 'timestamp' | 'uuid' | 'resource' | 'error' | 'list' | 'vector' | 'map' | 'fn';
/** One declared key of a `[:map …]` record type. */
interface MapEntryType {
    readonly key: Keyword;
    readonly type: TypeAst;
    /** The key may be absent (`[:k T?]`, `[:k T ?]`, `[:k T {:optional true}]`). */
    readonly optional: boolean;
    /** `{:default v}`: the value a plan input takes when it is not given. */
    readonly default?: Value;
}
type CompareOp = '>' | '>=' | '<' | '<=' | '=' | '!=';
type SizeOp = 'min-length' | 'max-length' | 'length' | 'min-count' | 'max-count' | 'count';
/** A refinement predicate inside `[:and T pred…]`. */
type Predicate = {
    readonly kind: 'compare';
    readonly op: CompareOp;
    readonly value: Value;
} | {
    readonly kind: 'size';
    readonly op: SizeOp;
    readonly n: number;
} | {
    readonly kind: 'matches-regex';
    readonly pattern: string;
} | {
    readonly kind: 'in-range';
    readonly lo: Value;
    readonly hi: Value;
} | {
    readonly kind: 'non-empty';
} | {
    readonly kind: 'has-key';
    readonly key: Value;
} | {
    readonly kind: 'required-keys';
    readonly keys: readonly Value[];
};
type TypeAst = {
    readonly kind: 'prim';
    readonly name: PrimName;
}
/** nil or `inner` (`:string?`, `T?`). */
 | {
    readonly kind: 'optional';
    readonly inner: TypeAst;
}
/** `[:vector T]`: a vector (not a list) whose elements all match T. */
 | {
    readonly kind: 'vector';
    readonly element: TypeAst;
}
/** `[:list T]`: a list (not a vector) whose elements all match T. */
 | {
    readonly kind: 'list';
    readonly element: TypeAst;
}
/** `[:tuple A B]`: a vector of exactly that many elements. */
 | {
    readonly kind: 'tuple';
    readonly elements: readonly TypeAst[];
}
/**
 * `[:array T [2 ?]]`: nested vectors; `shape[i]` is the length at depth i (null for
 * `?`, any length); the innermost elements match T.
 */
 | {
    readonly kind: 'array';
    readonly element: TypeAst;
    readonly shape: readonly (number | null)[];
}
/**
 * `[:map [:k T] … [:* W]]`: an open record. Each declared key may be present as a
 * keyword or as a string; extra keys are allowed, and their values must match
 * `rest` when it is given.
 */
 | {
    readonly kind: 'map';
    readonly entries: readonly MapEntryType[];
    readonly rest: TypeAst | undefined;
}
/** `[:map-of K V]` / `[:dict K V]`: every key matches K and every value V. */
 | {
    readonly kind: 'map-of';
    readonly key: TypeAst;
    readonly value: TypeAst;
} | {
    readonly kind: 'union';
    readonly members: readonly TypeAst[];
}
/** `[:and T… pred…]`: every type and every predicate holds. */
 | {
    readonly kind: 'and';
    readonly types: readonly TypeAst[];
    readonly predicates: readonly Predicate[];
} | {
    readonly kind: 'enum';
    readonly values: readonly Value[];
} | {
    readonly kind: 'val';
    readonly value: Value;
}
/**
 * `[:fn [A B & R] Ret]` / `[:=> …]`: any function matches; the signature is
 * documentation (not checked at runtime, functions are not wrapped).
 */
 | {
    readonly kind: 'fn';
    readonly params: readonly TypeAst[];
    readonly rest: TypeAst | undefined;
    readonly ret: TypeAst;
}
/** `[:resource Name]`: any resource handle (the name is not checked). */
 | {
    readonly kind: 'resource';
    readonly name: string;
};

/** What a capability may do; `pure` and `read` are safe to run in a dry run. */
type Effect = 'pure' | 'read' | 'write' | 'network' | 'llm' | 'human';
/** How a plan given to `ccos.plan.execute` without a `:mode` runs (`none`: not at all). */
type ExecuteMode = 'none' | 'dry-run' | 'full';
/** What an implementation gets besides its input: nested calls go through the host. */
interface CapabilityContext {
    /** Calls another capability (recorded as a child of the current call). */
    call(id: string, input: Value): Value;
    /** Writes a line to the program's log. */
    log(text: string): void;
    /** Runs `body` as a step named `name`, nested under the current call (loop iterations). */
    step(name: string, body: () => Value): Value;
    /** The name of the innermost enclosing step, if any. */
    readonly stepName: string | undefined;
    /**
     * Runs a plan (source text or plan data) as a child of the current call with its own
     * inputs and step table; `dryRun` simulates every capability that is not :pure/:read.
     */
    runPlan(plan: Value, inputs: Value, dryRun: boolean): Value;
    /** The run's mode for plan executions that do not name one (default dry-run). */
    readonly executeMode: ExecuteMode;
}
/**
 * A capability: an id (`core.data.filter`), a description, input and output schemas
 * written as RTFS type expressions (validated on every call), declared effects, and a
 * synchronous implementation (asynchronous providers run through the sync bridge,
 * docs/adr/0007-capability-calls.md).
 */
interface Capability {
    readonly id: string;
    readonly description: string;
    readonly inputSchema: TypeAst | undefined;
    readonly outputSchema: TypeAst | undefined;
    /** The schemas as written (RTFS data), for catalogs and `:caps`. */
    readonly inputSchemaForm?: Value;
    readonly outputSchemaForm?: Value;
    readonly effects: readonly Effect[];
    /**
     * True for a capability described by a catalog without an implementation in this
     * process (an external service): a dry run always simulates it, a full run reports
     * `capability/unavailable` unless a provider is configured.
     */
    readonly external?: boolean;
    /**
     * Part of the standard library (`core.data.*`, `planner.*`, `ccos.control.loop` …):
     * with only `:pure` effects it runs without a grant (policy.ts).
     */
    readonly standard?: boolean;
    /** Defined by the running program (`defcapability`); `:pure` ones need no grant. */
    readonly definedByProgram?: boolean;
    readonly impl: (input: Value, ctx: CapabilityContext) => Value;
}

/** The capabilities a host knows, by id. */
declare class CapabilityRegistry {
    private readonly byId;
    /** Ids a program defined with `defcapability` (it may define them again). */
    private readonly defined;
    register(c: Capability): void;
    /**
     * Registers a capability a program defines (`defcapability`). A built-in or catalog
     * capability cannot be redefined: the chain would record the program's results under
     * the trusted id. Returns why when refused.
     */
    define(c: Capability): string | undefined;
    get(id: string): Capability | undefined;
    ids(): string[];
    all(): Capability[];
    /** Up to three known ids closest to `id` (by edit distance, then shared prefix). */
    suggestions(id: string): string[];
}

interface Policy {
    readonly allow: readonly string[];
    readonly deny: readonly string[];
}

/**
 * Binding patterns (destructuring) for `let`, `loop`, `fn` parameters and `for`:
 * `sym`, `_`, `[a b & rest :as all]`, `{:keys [a b] :strs [c] :or {a 1} :as m}`,
 * `{p :k}` (Clojure order) and `{:k p}` (reference order), map rest `& more`.
 * Analysis binds every name to a slot; the runtime only fills slots.
 */

type Pattern = {
    readonly kind: 'slot';
    readonly slot: number;
    readonly name: string;
} | {
    readonly kind: 'ignore';
} | {
    readonly kind: 'vector';
    readonly items: readonly Pattern[];
    readonly rest: Pattern | undefined;
    readonly as: number | undefined;
    readonly span: Span | undefined;
} | {
    readonly kind: 'map';
    readonly entries: readonly MapEntryPattern[];
    readonly rest: number | undefined;
    readonly as: number | undefined;
    readonly span: Span | undefined;
};
interface MapEntryPattern {
    readonly key: Value;
    readonly pattern: Pattern;
    /** Default (from `:or`) when the key is absent. */
    readonly default: Node | undefined;
}

/**
 * `match` patterns: literals (compared with `=`, so `1.0` does not match `1`), `_`,
 * symbol binders, vectors (exact length, or `[h & t]`), maps (open: the listed keys
 * must be present, others are allowed; `{:k p & rest}`), `(:as name pattern)`,
 * and `'sym` for a literal symbol. Guards (`pattern when test body`) live in the clause.
 */

type MatchPattern = {
    readonly kind: 'any';
} | {
    readonly kind: 'bind';
    readonly slot: number;
} | {
    readonly kind: 'lit';
    readonly value: Value;
} | {
    readonly kind: 'vector';
    readonly items: readonly MatchPattern[];
    readonly rest: MatchPattern | undefined;
} | {
    readonly kind: 'map';
    readonly entries: readonly {
        readonly key: Value;
        readonly pattern: MatchPattern;
    }[];
    readonly rest: number | undefined;
} | {
    readonly kind: 'as';
    readonly slot: number;
    readonly pattern: MatchPattern;
};

/**
 * Which iterating forms need a fresh frame per iteration. The locals of a function
 * share one frame (ADR 0005; this: ADR 0023), so a closure made inside a `loop`, `for`, `doseq`,
 * `dotimes` or a function body that `recur`s would see the next iteration's values.
 * When a function inside the form reads a slot the form binds, the form renews the
 * slots it binds on every iteration (Clojure's fresh bindings); otherwise nothing
 * changes, so hot loops without such closures pay nothing.
 */

/** The slots `[from, to)` of the current frame that a form binds (its own and its body's). */
interface SlotRange {
    readonly from: number;
    readonly to: number;
}

/** A global variable cell, resolved once at analysis time (no lookups by name later). */
interface Var {
    readonly name: string;
    value: Value | undefined;
    /** True when the value is a macro (a function called on unevaluated forms). */
    macro?: boolean;
    /** Docstring and arities, for `:doc` in the REPL. */
    doc?: string;
    /** A builtin's cell in the core namespace: set once, never reassigned. */
    builtin?: boolean;
    /**
     * Defined by a `def` the analyzer has seen (one inside a body, say) but maybe not
     * run yet: later forms may name it, and reading it before it runs is a runtime
     * `runtime/unbound-symbol` error (Clojure's interned but unbound var).
     */
    declared?: boolean;
}
/** Where a local lives: `depth` frames up from the current one, at `slot`. */
interface LocalRef {
    readonly depth: number;
    readonly slot: number;
}
/** A parameter list: fixed parameter slots and an optional rest slot. */
interface Params {
    readonly fixed: number;
    readonly rest: boolean;
}
/** A destructuring step: bind `pattern` from the value in `slot`. */
interface Destructure {
    readonly pattern: Pattern;
    readonly slot: number;
}
interface FnArity {
    readonly params: Params;
    /** Slots the arguments land in, in order (the rest parameter last). */
    readonly paramSlots: readonly number[];
    /** Parameters written as patterns, bound from their slots before the body runs. */
    readonly destructure: readonly Destructure[];
    readonly body: Node;
    /** Slots renewed on every `recur` (a function inside reads them; fresh-frames.ts). */
    readonly fresh: SlotRange | undefined;
}
interface Binding {
    readonly pattern: Pattern;
    readonly init: Node;
}
/**
 * Analyzed code: special forms recognised, locals resolved to slots, globals to
 * cells. Both the evaluator (runtime/compile-node.ts) and the compiler consume it.
 */
type Node = {
    readonly kind: 'const';
    readonly value: Value;
    readonly span: Span | undefined;
    /**
     * Set when this is a read of a `let` local bound to a literal (ADR 0050): the
     * local's name. `rtfs check` lints only literals written in place.
     */
    readonly local?: string;
} | {
    readonly kind: 'local';
    readonly ref: LocalRef;
    readonly name: string;
    readonly span: Span | undefined;
} | {
    readonly kind: 'global';
    readonly cell: Var;
    readonly span: Span | undefined;
} | {
    readonly kind: 'if';
    readonly test: Node;
    readonly then: Node;
    readonly else: Node;
    readonly span: Span | undefined;
} | {
    readonly kind: 'do';
    readonly body: readonly Node[];
    readonly span: Span | undefined;
} | {
    readonly kind: 'let';
    readonly bindings: readonly Binding[];
    readonly body: Node;
    readonly span: Span | undefined;
} | {
    readonly kind: 'loop';
    /** Slots `recur` writes (one per binding). */
    readonly slots: readonly number[];
    readonly inits: readonly Node[];
    /** Bindings written as patterns, re-bound from their slots on every iteration. */
    readonly destructure: readonly Destructure[];
    readonly body: Node;
    /** Slots renewed on every iteration (a function inside reads them; fresh-frames.ts). */
    readonly fresh: SlotRange | undefined;
    readonly span: Span | undefined;
} | {
    readonly kind: 'recur';
    readonly args: readonly Node[];
    /** The loop's or fn's slots that receive the new values. */
    readonly slots: readonly number[];
    readonly span: Span | undefined;
} | {
    readonly kind: 'fn';
    readonly name: string | undefined;
    /** Slot that holds the function itself (for self-recursion), or -1. */
    readonly selfSlot: number;
    /** Slots in one call frame (parameters and every local of the body). */
    readonly frameSize: number;
    readonly arities: readonly FnArity[];
    readonly span: Span | undefined;
} | {
    readonly kind: 'def';
    readonly cell: Var;
    readonly init: Node;
    /** `defmacro`: the value is a macro, and the form evaluates to nil. */
    readonly macro: boolean;
    readonly span: Span | undefined;
} | {
    readonly kind: 'call';
    readonly fn: Node;
    readonly args: readonly Node[];
    readonly span: Span | undefined;
} | {
    readonly kind: 'and' | 'or';
    readonly items: readonly Node[];
    readonly span: Span | undefined;
} | {
    readonly kind: 'try';
    readonly body: Node;
    readonly catches: readonly CatchClause[];
    readonly finally: Node | undefined;
    readonly span: Span | undefined;
} | {
    readonly kind: 'throw';
    readonly value: Node;
    readonly span: Span | undefined;
} | {
    readonly kind: 'step';
    readonly variant: StepVariant;
    readonly name: string;
    /** `:params {"k" v}` bound as `%params` in the step's scope. */
    readonly params: {
        readonly slot: number;
        readonly init: Node;
    } | undefined;
    /** step: body; step-if: test then else; step-loop: test body; step-parallel: branches. */
    readonly items: readonly Node[];
    /** A declarative step's `:output {:k "alias"}`: names exported into the plan context. */
    readonly exports?: readonly StepExport[];
    readonly span: Span | undefined;
}
/** `(plan :name … :input-schema … body…)`, normalised (see plan-form.ts). */
 | {
    readonly kind: 'plan';
    readonly name: string;
    /** Every option of the plan form (:name, :description, :input-schema …) as data. */
    readonly meta: RMap;
    /** The input-schema's keys, each bound as a local. */
    readonly inputs: readonly PlanInput[];
    /** The slot of `context`, the immutable map of plan inputs. */
    readonly contextSlot: number;
    readonly inputType: TypeAst | undefined;
    readonly outputType: TypeAst | undefined;
    /** The plan's own budget (`:max-steps`, `:timeout` seconds), if it declares one. */
    readonly budget: PlanBudget | undefined;
    readonly body: Node;
    readonly span: Span | undefined;
}
/** `(step-result "id")` or `(step "id")`: the value of an earlier step. */
 | {
    readonly kind: 'step-result';
    readonly name: string;
    readonly span: Span | undefined;
} | {
    readonly kind: 'for';
    readonly clauses: readonly ForClause[];
    readonly body: Node;
    /** `for` collects the body's values into a vector; `doseq` runs it for effect (nil). */
    readonly collect: boolean;
    /** Slots renewed on every iteration (a function inside reads them; fresh-frames.ts). */
    readonly fresh: SlotRange | undefined;
    readonly span: Span | undefined;
} | {
    readonly kind: 'dotimes';
    readonly slot: number;
    readonly count: Node;
    readonly body: Node;
    /** Slots renewed on every iteration (a function inside reads them; fresh-frames.ts). */
    readonly fresh: SlotRange | undefined;
    readonly span: Span | undefined;
}
/** `@name` (an error when the host has no such value) or `(get :name)` (`optional`: nil). */
 | {
    readonly kind: 'context';
    readonly name: string;
    readonly optional?: boolean;
    readonly span: Span | undefined;
}
/** `(call id arg…)`: a capability call through the host. */
 | {
    readonly kind: 'capability';
    readonly id: Node;
    readonly args: readonly Node[];
    readonly span: Span | undefined;
}
/** `(defcapability id spec impl)` */
 | {
    readonly kind: 'defcapability';
    readonly id: Node;
    readonly spec: Node;
    readonly impl: Node;
    readonly span: Span | undefined;
} | {
    /** Checks `expr`'s value against a declared type (`context` names the site). */
    readonly kind: 'check';
    readonly expr: Node;
    readonly type: TypeAst;
    readonly context: string;
    readonly span: Span | undefined;
} | {
    readonly kind: 'match';
    readonly target: Node;
    readonly clauses: readonly MatchClause[];
    readonly span: Span | undefined;
} | {
    readonly kind: 'vector';
    readonly items: readonly Node[];
    readonly span: Span | undefined;
} | {
    readonly kind: 'map';
    readonly items: readonly Node[];
    readonly span: Span | undefined;
};
/** What a `catch` clause catches: everything, or errors whose code matches. */
type CatchSelector = {
    readonly kind: 'all';
}
/** `full` matches the whole code (`runtime/type-error`), `local` the part after `/`. */
 | {
    readonly kind: 'code';
    readonly full: string | undefined;
    readonly local: string;
};
interface CatchClause {
    readonly selector: CatchSelector;
    /** Slot of the bound error value, or -1 for `_`. */
    readonly slot: number;
    readonly body: Node;
}
interface StepExport {
    readonly key: Keyword;
    readonly alias: string;
}
/** A budget a plan declares (runtime/budget.ts `Budget`, as plain data). */
interface PlanBudget {
    readonly maxSteps?: number;
    readonly timeoutMs?: number;
    readonly source: string;
}
interface PlanInput {
    readonly name: string;
    readonly key: Keyword;
    readonly slot: number;
}
type StepVariant = 'step' | 'step-if' | 'step-loop' | 'step-parallel';
type ForClause = {
    readonly kind: 'each';
    readonly pattern: Pattern;
    readonly coll: Node;
} | {
    readonly kind: 'when' | 'while';
    readonly test: Node;
} | {
    readonly kind: 'let';
    readonly bindings: readonly Binding[];
};
interface MatchClause {
    readonly pattern: MatchPattern;
    readonly guard: Node | undefined;
    readonly body: Node;
}

/** What every part of the analyzer shares: codes, the failure it throws, its context. */

/** The steps a `(step-result "id")` may name: those analyzed before it. */
interface StepScope {
    /** Steps whose analysis is complete. */
    readonly done: Set<string>;
    /** Every step name of the enclosing plan (to tell a forward reference from a typo). */
    readonly all: ReadonlySet<string>;
    /** The plan's name, or undefined at top level. */
    readonly plan: string | undefined;
}

/**
 * A namespace: the global variables of one module (or of a script, `user`), the names
 * it imported, and its module aliases. Names are resolved to cells once, during
 * analysis. Lookups fall back to the parent (the core namespace of builtins and
 * stdlib macros).
 */
declare class Globals {
    readonly name: string;
    readonly parent: Globals | undefined;
    private readonly vars;
    /** `(import m :as a)`: alias → module namespace. */
    readonly aliases: Map<string, Globals>;
    /** `(import m :only [f])`: local name → the module's cell. */
    readonly refers: Map<string, Var>;
    /** Names other modules may use; undefined means every name. */
    exports: Set<string> | undefined;
    /** Steps run at top level so far (outside any plan), for `(step-result "id")`. */
    readonly steps: StepScope;
    constructor(name?: string, parent?: Globals | undefined);
    /**
     * A bound (or declared, see {@link Var.declared}) cell visible here under `name`
     * (own, imported, then parent), or undefined.
     */
    lookup(name: string): Var | undefined;
    /** This namespace's own cell for `name`, created (unbound) if needed: `def`. */
    intern(name: string): Var;
    /** An own bound cell (no imports, no parent): what a module exports from. */
    own(name: string): Var | undefined;
    isExported(name: string): boolean;
    /** Every bound name visible here (for suggestions and completion). */
    names(): string[];
}

/** One RTFS call-stack frame: `at fname (file:line:col)`. */
interface Frame$1 {
    readonly name: string;
    readonly span: Span | undefined;
}
/**
 * An RTFS-level error (thrown by `throw`, raised by builtins, caught by `try`).
 * `code` is a stable keyword such as `:runtime/division-by-zero`.
 */
declare class RtfsError extends Error {
    readonly code: string;
    span: Span | undefined;
    readonly data: Value;
    readonly frames: Frame$1[];
    constructor(code: string, message: string, span?: Span | undefined, data?: Value);
    /** The error value this was thrown with (`(throw (ex-info …))`), if any. */
    thrownValue: RErrorValue | undefined;
    /**
     * A fatal error ends the evaluation: `try` does not catch it (`finally` still runs).
     * Ctrl-C, an exhausted budget, and a program that keeps overflowing the stack.
     */
    fatal: boolean;
    /** The value `catch` binds: a map-like error with `:message`, `:code`, `:data`. */
    toValue(): RErrorValue;
    /**
     * `file:line:col: code: message`, the excerpt, and the RTFS stack. A huge message (a
     * thrown megabyte string, a pattern quoted in its error) is clipped here; `catch` still
     * gets it whole.
     */
    render(): string;
}

/**
 * Base of every callable RTFS value. Fixed-arity entry points (`call0`…`call3`) let
 * compiled call sites avoid allocating an argument array.
 */
declare abstract class Fn implements RFn {
    readonly name: string | undefined;
    readonly kind: "fn";
    /**
     * Set on `(fn [acc x] …)` that passes `acc` only to this cell's function, in tail
     * position (analyzer/linear-acc.ts): `reduce` may then hand it an owned accumulator.
     */
    linearAcc: Var | undefined;
    constructor(name: string | undefined);
    abstract invoke(args: Value[]): Value;
    /**
     * A loop is about to call this function `n` times in a row (runtime/jit.ts
     * `expectCalls`). Nothing to do by default; JIT closures may compile now, compiled
     * functions let the loop's first `refuel` come early.
     */
    expectCalls(_n: number): void;
    call0(): Value;
    call1(a: Value): Value;
    call2(a: Value, b: Value): Value;
    call3(a: Value, b: Value, c: Value): Value;
    protected arityError(got: number, expected: string): RtfsError;
}
/** Two-argument operations call sites may do inline on integers (compile-arith.ts). */
type NumOp = '+' | '-' | '<' | '>' | '<=' | '>=';
/** A primitive implemented in TypeScript, with a declared arity range. */
declare class Builtin extends Fn {
    readonly min: number;
    readonly max: number;
    readonly f: (...args: Value[]) => Value;
    /** Optional allocation-free implementations for one and two arguments. */
    readonly f1?: ((a: Value) => Value) | undefined;
    readonly f2?: ((a: Value, b: Value) => Value) | undefined;
    /**
     * Set on core arithmetic: its two-argument implementation `f2` agrees with this JS
     * operator whenever both arguments are JS numbers and the result is a safe integer.
     */
    numOp: NumOp | undefined;
    /**
     * Set on map operations (`assoc`, `update`, …) that never keep their first argument
     * and return an updated copy of it: they may update an owned accumulator in place.
     */
    acceptsOwned: boolean;
    constructor(name: string, min: number, max: number, f: (...args: Value[]) => Value, 
    /** Optional allocation-free implementations for one and two arguments. */
    f1?: ((a: Value) => Value) | undefined, f2?: ((a: Value, b: Value) => Value) | undefined);
    private check;
    invoke(args: Value[]): Value;
    call1(a: Value): Value;
    call2(a: Value, b: Value): Value;
}

/**
 * One call frame: an array whose slot 0 holds the enclosing frame (the closure's
 * environment) and whose other slots hold parameters and locals. One allocation per
 * call; the analyzer numbers slots from 1.
 */
type Env = Value[];
/** Compiled code: runs against a frame. */
type Code = (env: Env) => Value;

/**
 * What the evaluator needs from its host. The runtime only calls this interface; the
 * causal-chain writer and capability registry implement it elsewhere (issue 4).
 */
interface Host {
    /** A step began; returns an id for the matching completion. */
    stepStarted(name: string, span: Span | undefined): string;
    stepCompleted(id: string, value: Value): void;
    stepFailed(id: string, error: RtfsError): void;
    /** `@name`: a value from the host's context (plan id, step context …), or undefined. */
    contextValue(name: string): Value | undefined;
    /** The inputs of the plan being run (`--input`, or a child plan's), if any. */
    planInputs?(): Value | undefined;
    /** A stand-in for a missing plan input (dry-run child plans only), or undefined. */
    placeholderInput?(name: string, type: TypeAst): Value | undefined;
    /** `(call "id" args…)`: runs a capability (checked, logged) and returns its value. */
    callCapability(id: string, args: Value[], span: Span | undefined): Value;
    /** `(defcapability "id" spec impl)`: registers a capability implemented in RTFS. */
    defineCapability(id: string, spec: Value, impl: Fn, span: Span | undefined): void;
}
/** A host with no context that records nothing (pure RTFS). */
declare class PureHost implements Host {
    private next;
    stepStarted(): string;
    stepCompleted(): void;
    stepFailed(): void;
    contextValue(): Value | undefined;
    callCapability(id: string, _args: Value[], span: Span | undefined): Value;
    defineCapability(id: string, _spec: Value, _impl: Fn, span: Span | undefined): void;
}

/**
 * Evaluation budgets (ADR 0016): fuel (a step limit), a deadline, Ctrl-C in the REPL,
 * and the guard against programs that keep overflowing the stack, all tested in one
 * place.
 *
 * Every function call (each iteration of a closure's body loop, so every `recur` too),
 * `loop` iteration, and `dotimes`/`for` step runs `if (--meter[0] < 0) refuel()`: a
 * decrement and a compare on a typed array the optimising compiler embeds. The meter
 * holds the steps left in the current chunk (at most {@link CHUNK}); only when a chunk
 * is used up does {@link refuel} look at the interrupt flag, the clock and the step
 * limit, and grant the next chunk. Builtins that build large results in one go charge
 * their size with {@link charge}, so a run of big builtin work still meets the clock.
 *
 * Budgets nest ({@link withBudget}): a plan's own `:max-steps`, macro expansion during
 * analysis, a child plan. The inner limit is the smaller of its own and what the
 * enclosing budget has left; its steps count against the enclosing one too.
 *
 * The numbers of a budget live in a Float64Array (finite doubles only, `NONE` for no
 * limit) so their representation never changes under optimised code that inlines
 * `refuel`. The first `refuel` from an optimised function costs one deoptimisation
 * (the call had no feedback yet); ADR 0016 has the measurements.
 */

/**
 * Element 0: steps left in the current chunk (below 0: call {@link refuel}). Element 1:
 * stack overflows seen in the current budget (compiled `catch` blocks count them inline,
 * where there may be no stack left to call anything).
 */
declare const meter: Int32Array;
interface Budget {
    /** Most steps (function calls and loop iterations, plus builtin work); none when absent. */
    readonly maxSteps?: number;
    /** Wall-clock limit in milliseconds, from when the budget starts; none when absent. */
    readonly timeoutMs?: number;
    /**
     * Who set it, for the errors: `plan p` gives "plan p :max-steps"; without it the
     * errors name the command-line options `--max-steps` and `--timeout`.
     */
    readonly source?: string;
    /** What set the limits, used verbatim in the errors instead of `source` (defaults). */
    readonly label?: string;
}
/**
 * The slow path of a step: the chunk is used up (or a builtin charged more than was
 * left). Raises Ctrl-C, an exhausted budget or a timeout; otherwise grants a new chunk.
 *
 * Written as one function, its helpers' work inline, so that its bytecode stays above
 * V8's limit for inlining (460 bytes in Node 20): every compiled function and loop calls
 * it from its step check, and TurboFan, which has type feedback for that call (ADR 0042),
 * would otherwise inline this whole rarely taken path into each of them, compiling
 * hot loops more slowly and into bigger code (ADR 0053: vectors row −42M instructions).
 */
declare function refuel(): void;
/**
 * Ends the current chunk after at most `k` more steps (the steps counted stay exact: the
 * rest of the chunk is granted again by the next {@link refuel}, as after any chunk).
 * The loop tier calls it when a loop switches to compiled code, so that the compiled
 * loop's own `refuel` call runs once while V8 still interprets it: a call that has never
 * run has no type feedback, and V8's optimised loop would deoptimise at its first
 * `refuel` and compile again. Compiled code calls it before a counted loop of 1,000+
 * iterations (ADR 0056) for the same reason.
 */
declare function shortenChunk(k: number): void;
/**
 * Starts `budget`, nested in the current one; returns what {@link leaveBudget} needs.
 * (Compiled plans call the pair around their body; everything else {@link withBudget}.)
 */
declare function enterBudget(budget: Budget): unknown;
/** Ends the budget {@link enterBudget} started: its steps count against the outer one. */
declare function leaveBudget(token: unknown): void;

/** Finds the source of a module by name (the runtime never touches files itself). */
interface ModuleLoader {
    /**
     * The text of module `name` (e.g. `my.app/math`), looked up relative to the file
     * that imports it (`fromUri`, which declares module `fromModule` when the import is
     * inside a `(module …)` form), or an error message naming where it looked.
     */
    load(name: string, fromUri: string | undefined, fromModule?: string): {
        uri: string;
        text: string;
    } | {
        error: string;
    };
}

/**
 * Top-level `(module name (:exports [..]) form…)` and `(import name :as a :only [..])`.
 * A module's definitions live in its own namespace; other code sees them through an
 * alias (`a/f`) or `:only`, and only if exported. Modules load once; an import cycle
 * is reported with the whole chain.
 */

type TopResult = {
    readonly ok: true;
    readonly value: Value;
} | {
    readonly ok: false;
    readonly diagnostics: Diagnostic[];
} | {
    readonly ok: false;
    readonly error: unknown;
};
interface ModuleHost {
    readonly core: Globals;
    /** Loads (once) and returns the namespace of module `name`. */
    loadModule(name: string, fromUri: string | undefined, span: Span | undefined, fromModule?: string): Globals | Diagnostic[];
    /** Evaluates one form in `ns`. */
    evalForm(form: Value, span: Span | undefined, ns: Globals, uri: string): TopResult;
}

/**
 * Running RTFS: read → analyze each top-level form → compile to closures → run.
 * Each top-level form is analyzed after the previous one ran, so a `def` (or a
 * `defmacro`) is visible to the forms that follow it. `module` and `import` are
 * handled here, at top level (see modules.ts).
 */

/**
 * Turns analyzed top-level nodes into runnable code: the evaluator's closures
 * (`makeCompiler`, the default) or another engine (the JavaScript compiler). `core`
 * is the namespace of builtins, whose cells are never reassigned once it is built.
 */
type NodeCompiler = (host: Host, core: Globals) => (n: Node, frameSize: number) => Code;
type EvalOutcome = {
    readonly ok: true;
    readonly value: Value;
} | {
    readonly ok: false;
    readonly diagnostics: Diagnostic[];
    readonly error?: undefined;
} | {
    readonly ok: false;
    readonly error: RtfsError;
    readonly diagnostics?: undefined;
};
declare class Runtime implements ModuleHost {
    readonly host: Host;
    readonly loader: ModuleLoader | undefined;
    /** Builtins and stdlib macros; every namespace falls back to it. */
    readonly core: Globals;
    /** The namespace of scripts and the REPL. */
    readonly globals: Globals;
    private readonly compiler;
    /** Made on the first form evaluated: a compiled program may never evaluate one (ADR 0059). */
    private compiled;
    private readonly modules;
    private readonly loading;
    /** A runtime whose core namespace holds `builtins` (see src/create-runtime.ts). */
    constructor(builtins: readonly Fn[], host?: Host, loader?: ModuleLoader | undefined, compiler?: NodeCompiler);
    /**
     * The budget of every {@link evalString} (runtime/budget.ts): none by default; a run
     * sets `--max-steps`/`--timeout` here. Nested in whatever budget is running already.
     */
    budget: Budget;
    /** Reads and evaluates every form of `text` in `ns`; the outcome of the last one. */
    evalString(text: string, uri?: string, ns?: Globals): EvalOutcome;
    private evalText;
    private outcome;
    /** Evaluates one top-level form in `ns`. */
    evalForm(form: Value, span: Span | undefined, ns: Globals, uri: string): TopResult;
    /** A top-level form that is not `do`, `module` or `import`. */
    private evalLeaf;
    loadModule(name: string, fromUri: string | undefined, span: Span | undefined, fromModule?: string): Globals | Diagnostic[];
    private asDiagnostics;
}

/**
 * What the host writes to the causal chain. The runtime and host only know this
 * interface; src/audit/ implements it (in memory, or a hash-chained JSONL log).
 */
type ActionType = 'PlanStarted' | 'PlanCompleted' | 'PlanAborted' | 'StepStarted' | 'StepCompleted' | 'StepFailed' | 'CapabilityCall' | 'CapabilityResult' | 'GovernanceDecision' | 'RewriteApplied' | 'ReplayStarted' | 'ReplayDiverged' | 'ContentStored';
/** One action, as the host describes it (the sink adds seq, prev, hash, ts). */
interface ActionInput {
    /** Unique, time-ordered id (UUIDv7), chosen by the host before appending. */
    readonly id: string;
    readonly type: ActionType;
    /** The enclosing open action (step, or the call that made a nested call); null for a run. */
    readonly parent: string | null;
    /** The id of this run's PlanStarted record. */
    readonly run: string;
    /** Deterministic ordinal path of this action within the run, e.g. `"2.0.5"`. */
    readonly callPath: string;
    /** Capability id (calls and results), step name (steps), plan name (plans). */
    readonly name?: string;
    readonly args?: Value;
    readonly argsHash?: string;
    /** Result value or error ({ok:false, error:{code, message}}) of a result/completion. */
    readonly result?: {
        readonly ok: true;
        readonly value: Value;
    } | {
        readonly ok: false;
        readonly error: {
            readonly code: string;
            readonly message: string;
        };
    };
    readonly resultHash?: string;
    readonly durationMs?: number;
    /** Free-form extra fields (effects, decision, plan source hash, rewrite edits …). */
    readonly meta?: Value;
}
interface AuditSink {
    /**
     * Appends an action. `durable` asks for it to be on disk (fsync) before this returns
     * (write-ahead for side-effecting calls); otherwise it may be buffered.
     */
    append(action: ActionInput, durable?: boolean): void;
    /** Makes every appended action durable. */
    flush(): void;
    /**
     * True when the log already holds a `ContentStored` record named `hash` (content is
     * stored once per chain). Sinks without it store content with every run.
     */
    hasContent?(hash: string): boolean;
    /**
     * Seals everything appended so far: a signing sink appends a signed checkpoint.
     * The host calls it at the end of every run.
     */
    checkpoint?(): void;
    /**
     * True when appended actions are only counted: nothing keeps, hashes or exports them
     * (`rtfs run` without `--chain`, `--trace` or live export). The ids in them are then
     * seen by no one after the run, and the host may draw them from `Math.random` rather
     * than a cryptographic source (ADR 0037).
     */
    readonly countsOnly?: boolean;
}

/**
 * The span tree of a run in the causal chain: the run (PlanStarted … PlanCompleted /
 * PlanAborted), its steps and capability calls as open/close pairs with explicit parents
 * and deterministic call paths (`"2.0.1"`: the second child of the first child of the
 * run's third …), run-level notes (rewrites, stored content), and where the error being
 * thrown started (for a failed child plan's message). RunHost adds capability dispatch.
 */

/** A call's or step's outcome, as recorded. */
type SpanResult = NonNullable<ActionInput['result']>;
interface Frame {
    readonly id: string;
    /** A step's name ('' for runs and calls). */
    readonly name: string;
    readonly path: string;
    children: number;
    readonly started: number;
}
declare class RunSpans {
    private readonly sink;
    private readonly clock;
    protected readonly stack: Frame[];
    protected runId: string;
    /** Where the error being thrown started: its capability and innermost step. */
    protected failure: {
        error: RtfsError;
        capability?: string;
        step?: string;
        depth: number;
    } | undefined;
    constructor(sink: AuditSink | undefined, clock: (() => number) | undefined);
    private now;
    private record;
    /** Opens a run: records PlanStarted (with the program source and its name). */
    startRun(name: string, meta?: Value): string;
    /** Closes the run with its value or error (PlanCompleted / PlanAborted) and flushes. */
    endRun(outcome: {
        ok: true;
        value: Value;
    } | {
        ok: false;
        error: {
            code: string;
            message: string;
        };
    }): void;
    /**
     * Records a run-level event that is not a call or a step (an applied plan rewrite):
     * a child of the run with call path `<kind>.<n>`.
     */
    note(type: ActionType, kind: string, n: number, name: string, meta: Value): void;
    /**
     * Stores `content` (a catalog …) in the log under its `hash`, once per chain: a
     * `ContentStored` record, child of the run, that a replay reads back by hash.
     */
    storeContent(hash: string, kind: string, content: Value): void;
    private contentCount;
    get currentRun(): string;
    /**
     * Opens a child span of the innermost open one; returns it. The action is built with
     * the same members every time (no spread): one object shape for the sinks.
     */
    protected open(type: ActionType, name: string, args?: Value, meta?: Value, durable?: boolean): Frame;
    /** Closes `frame` with its result (and meta): one object shape, as in {@link open}. */
    protected close(frame: Frame, type: ActionType, name: string, result: SpanResult, meta?: Value): void;
    stepStarted(name: string): string;
    stepCompleted(id: string, value: Value): void;
    stepFailed(id: string, error: RtfsError): void;
    protected innermostStep(): string | undefined;
    /**
     * Remembers where `error` started (the first capability and innermost step it passed),
     * so a failed child plan can say where it failed.
     */
    protected noteFailure(error: RtfsError, capability: string | undefined): void;
}

/**
 * RFC 8785 (JSON Canonicalization Scheme) for plain JSON data.
 *
 * - Object members are sorted by their names as UTF-16 code units (JS default sort).
 * - Numbers are written as ECMAScript `Number.prototype.toString` writes them, which is
 *   what `JSON.stringify` does; non-finite numbers are rejected (JCS forbids them).
 * - Strings use `JSON.stringify`'s escaping (the minimal JCS escapes; a lone surrogate
 *   is written as `\udxxx`, where RFC 8785 would reject the input).
 * - No whitespace.
 */
/** JSON data as `JSON.parse` returns it. */
type Json = null | boolean | number | string | Json[] | {
    [key: string]: Json;
};

/** Record types the log itself writes (they carry `data` instead of run fields). */
type HousekeepingType = 'ChainOpened' | 'Checkpoint' | 'RecoveryTruncated' | 'RecoveryHeadRebuilt';
type StoredType = ActionType | HousekeepingType;
type ActionResult = NonNullable<ActionInput['result']>;
/** A stored action, decoded (RTFS values are values again). */
interface ChainAction {
    readonly id: string;
    /** An {@link StoredType}; other strings are kept (forward compatibility). */
    readonly type: StoredType | (string & Record<never, never>);
    /** Wall-clock epoch ms at append (informational: `seq` is the order). */
    readonly ts: number;
    /** null for a run's PlanStarted and for housekeeping records. */
    readonly parent: string | null;
    /** null for housekeeping records. */
    readonly run: string | null;
    readonly callPath: string | null;
    readonly name?: string;
    readonly args?: Value;
    readonly argsHash?: string;
    readonly result?: ActionResult;
    readonly resultHash?: string;
    readonly durationMs?: number;
    readonly meta?: Value;
    /** Housekeeping payload (plain JSON). */
    readonly data?: {
        readonly [key: string]: Json;
    };
}
/** One line of the log. */
interface ChainRecord {
    readonly seq: number;
    readonly prev: string;
    readonly hash: string;
    readonly action: ChainAction;
}

/**
 * Replay of a recorded run: re-evaluate the program source stored in its PlanStarted
 * record with the calls matched against the log by call path, capability id and args
 * hash. Deterministic capabilities (in-process and `:pure`, or defined by the program)
 * are re-executed and their results compared with the log; every other answer (LLM,
 * human, network, files, external services) comes from the log, so a replay makes no
 * live effect. A divergence names the call path, the step and the capability, and shows
 * the first differing argument or result, decoded.
 */

interface RecordedCall {
    readonly call: ChainAction;
    result: ChainAction | undefined;
    /** The innermost step the call ran in ('' at top level). */
    readonly step: string;
}
interface RecordedRun {
    readonly runId: string;
    readonly uri: string;
    readonly source: string;
    /** Recorded calls by call path. */
    readonly calls: ReadonlyMap<string, RecordedCall>;
    /** The recorded final outcome (PlanCompleted/PlanAborted), if the run finished. */
    readonly final: ActionResult | undefined;
    /** The recorded final outcome's result_hash. */
    readonly finalHash: string | undefined;
    /** The run's PlanStarted metadata (source, inputs, rewrites, catalog …). */
    readonly meta: RMap;
    /** The plan inputs the run was given. */
    readonly inputs: RMap | undefined;
}
type ReplayAnswer = {
    readonly kind: 'answer';
    readonly result: ActionResult;
} | {
    readonly kind: 'live';
} | {
    readonly kind: 'diverged';
    readonly message: string;
};
/** Answers a replayed run's calls from the log and notes what was used. */
declare class ReplayLog {
    readonly run: RecordedRun;
    /** Capabilities to execute again (and compare) instead of answering from the log. */
    private readonly live;
    private readonly used;
    firstDivergence: string | undefined;
    /** Answers taken from the log. */
    fromLog: number;
    constructor(run: RecordedRun, 
    /** Capabilities to execute again (and compare) instead of answering from the log. */
    live?: (c: Capability | undefined) => boolean);
    answer(callPath: string, id: string, input: Value, cap: Capability | undefined): ReplayAnswer;
    /**
     * A capability re-executed during the replay: its outcome (value or error) must be the
     * recorded one. Returns the divergence message, or undefined.
     */
    checkLive(callPath: string, id: string, outcome: ActionResult): string | undefined;
    private diverge;
    /** Recorded calls the replay never made, in call-path order. */
    unused(): string[];
}

/**
 * The capability host: the runtime's {@link Host} for real runs. It checks every
 * `(call …)` against the policy (deny by default), validates input and output against
 * the capability's schemas, runs it, and records the run, its steps and its calls in
 * the causal chain through an {@link AuditSink}, with explicit parents and a
 * deterministic call path (`"2.0.1"`: the third child of the run's first … ).
 */

interface RunHostOptions {
    readonly registry: CapabilityRegistry;
    readonly policy: Policy;
    readonly sink?: AuditSink;
    /** `@name` values (plan-id, intent-id …). */
    readonly context?: ReadonlyMap<string, Value>;
    /** Dry run: capabilities with effects other than :pure/:read return a simulated value. */
    readonly dryRun?: boolean;
    readonly log?: (text: string) => void;
    /** Wall clock in ms (tests fix it). */
    readonly now?: () => number;
    /** Replaying a recorded run: calls are matched against, and answered from, this log. */
    readonly replay?: ReplayLog;
    /** The inputs of the plan this run executes (`--input`). */
    readonly inputs?: RMap;
    /** How `ccos.plan.execute` runs a plan given no `:mode` (default dry-run). */
    readonly executeMode?: ExecuteMode;
}
/** Evaluates plan source text as a child program (attached by createHostedRuntime). */
type PlanEvaluator = (plan: Value, uri: string) => Value;
declare class RunHost extends RunSpans implements Host {
    private readonly opts;
    private readonly validators;
    /**
     * Number of live (non-simulated) capability executions; in a replay, only those of
     * capabilities with effects (the deterministic ones are counted in `reexecuted`).
     */
    liveCalls: number;
    /** In a replay: deterministic capabilities executed again (and compared with the log). */
    reexecuted: number;
    private dryRun;
    private readonly inputStack;
    private replay;
    private evaluator;
    constructor(opts: RunHostOptions);
    /** True when effects are simulated (`--dry-run`). */
    get isDryRun(): boolean;
    /** For a replay of several runs (a REPL session): the inputs, mode and log of the next. */
    setInputs(inputs: RMap | undefined): void;
    setDryRun(dryRun: boolean): void;
    /** How `ccos.plan.execute` runs a plan given no `:mode`. */
    executeMode: ExecuteMode;
    replayFrom(log: ReplayLog): void;
    /** Lets `ccos.plan.execute` run child plans through the runtime. */
    attachEvaluator(e: PlanEvaluator): void;
    placeholderInput(name: string, type: TypeAst): Value | undefined;
    planInputs(): Value;
    contextValue(name: string): Value | undefined;
    callCapability(id: string, args: Value[], span: Span | undefined): Value;
    /** Runs capability `id` on `input` (also used for nested calls from implementations). */
    call(id: string, input: Value, span: Span | undefined): Value;
    private execute;
    /** Records the call in `frame` as failed with `code` and throws that error. */
    private fail;
    /** In a replay: the recorded answer of this call, or undefined to run it live. */
    private replayCall;
    /**
     * The context of a call made at `span`: made once per call site (and step name and
     * execute mode), not per call — its functions depend on nothing else.
     */
    private contextFor;
    private readonly contexts;
    private inStep;
    private runChildPlan;
    /**
     * The policy's decision on calling `cap` and the call record's meta, made once per
     * capability (and dry-run state): the same meta map each call lets the chain reuse its
     * canonical encoding.
     */
    private decisionOf;
    private readonly decisions;
    private validatorsOf;
    defineCapability(id: string, spec: Value, impl: Fn, span: Span | undefined): void;
}

export { Fn as F, RtfsError as R, CapabilityRegistry as c, PureHost as g, RunHost as h, Runtime as i, Builtin as j, enterBudget as l, leaveBudget as m, meter as n, refuel as r, shortenChunk as s };
export type { ActionInput as A, Budget as B, Capability as C, Effect as E, Host as H, NodeCompiler as N, Policy as P, StepExport as S, TypeAst as T, Var as V, AuditSink as a, CapabilityContext as b, ChainAction as d, ChainRecord as e, EvalOutcome as f, CatchSelector as k };

// ==== types-value.d.ts ====

/**
 * An RTFS float. Integers are plain JS numbers (or bigints beyond 2^53), so floats
 * are boxed to keep `4.0` distinct from `4` (see docs/adr/0001-number-representation.md).
 */
declare class RFloat {
    readonly value: number;
    readonly kind: "float";
    constructor(value: number);
    equals(other: unknown): boolean;
    hashCode(): number;
}
declare function float(n: number): RFloat;

/**
 * An interned keyword. `name` is the text after the colon (`a.b/c` for `:a.b/c`);
 * `ns` is the part before the last `/` (null when there is none).
 * Two keywords are equal exactly when they are the same object.
 */
declare class Keyword {
    readonly name: string;
    readonly kind: "keyword";
    /** The hash, computed on first use (0 until then): most keywords never need one. */
    private h;
    private constructor();
    /** The part before the last `/` (null when there is none). */
    get ns(): string | null;
    /** The part after the last `/` (the whole name when there is none). */
    get local(): string;
    /** The keyword with this name (without its leading colon). */
    static of(name: string): Keyword;
    equals(other: unknown): boolean;
    hashCode(): number;
    toString(): string;
}
declare function kw(name: string): Keyword;

/**
 * A source text with its name. Line and column numbers are computed on demand
 * (binary search over line starts), so reading never pays for them.
 */
declare class Source {
    /** File path or a pseudo-name such as `<eval>` or `<repl:3>`. */
    readonly uri: string;
    readonly text: string;
    private lineStartsCache;
    constructor(
    /** File path or a pseudo-name such as `<eval>` or `<repl:3>`. */
    uri: string, text: string);
    /** Offsets at which each line starts (line 1 starts at 0). */
    get lineStarts(): number[];
    /** 1-based line and column of a 0-based offset (columns count UTF-16 units). */
    position(offset: number): {
        line: number;
        column: number;
    };
    /** The text of a 1-based line, without its line terminator. */
    lineText(line: number): string;
}

/** A half-open range `[start, end)` of 0-based offsets into a source. */
interface Span {
    readonly source: Source;
    readonly start: number;
    readonly end: number;
}
declare function span(source: Source, start: number, end: number): Span;
/** A span covering both arguments (which must share a source). */
declare function joinSpans(a: Span, b: Span): Span;
/** `file:line:col` for the start of a span. */
declare function formatLocation(s: Span): string;
/**
 * `text` shortened to about `max` characters: its start, `…`, how much was left out,
 * and its end. Messages and excerpts go through it, so a million-digit literal or a
 * huge thrown string never floods the terminal.
 */
declare function clipText(text: string, max?: number): string;
/**
 * The source line of a span with a caret line under it, e.g.
 * ```
 *    3 | (let [x 1
 *      |      ^^^^
 * ```
 * Spans running past the end of their first line are underlined to the line end. A
 * line longer than 160 columns is shown as a window around the span, with `…` marks.
 */
declare function renderExcerpt(s: Span): string;
/**
 * The span of a read collection plus the offsets of its children, stored as
 * `[start0, end0, start1, end1, …]` in a buffer that many nodes share (reading a
 * large file allocates one buffer instead of one array or object per child).
 * Use {@link childSpan} to get a child's span.
 */
declare class NodeSpan implements Span {
    readonly source: Source;
    readonly start: number;
    readonly end: number;
    private readonly buf;
    private readonly base;
    readonly childCount: number;
    constructor(source: Source, start: number, end: number, buf: Int32Array | readonly number[], base: number, childCount: number);
    /** A node span whose children are given as a plain offsets array. */
    static of(source: Source, start: number, end: number, offsets: readonly number[]): NodeSpan;
    childStart(i: number): number;
    childEnd(i: number): number;
    child(i: number): Span | undefined;
    /** All child offsets as a fresh `[start0, end0, …]` array. */
    offsets(): number[];
}
/** The span of child `i` of a collection read from source, or undefined. */
declare function childSpan(parent: NodeSpan | undefined, i: number): Span | undefined;

/**
 * An immutable map that keeps insertion order and accepts any value as a key, with
 * structural equality (`[1 2]`, `1.0` and `:k` are all distinct, usable keys).
 *
 * Small maps (the common case in plans) are a flat `[k0 v0 k1 v1 …]` array searched
 * linearly (keywords compare by identity); larger ones are a persistent hash trie
 * (src/data/hamt.ts) whose entries carry their insertion number, so `assoc` never
 * copies the whole map and the order is rebuilt (once per map, lazily) only when the
 * map is walked. See docs/adr/0002-collections.md for the measurements.
 *
 * A big map built in place by an owner (a `reduce` with an owned accumulator, a
 * {@link MapBuilder}) whose keys are all plain (keywords, strings, integers…) is a
 * table instead (src/data/map-table.ts: a JS `Map` from key to position, shared, and
 * its own array of values): changed in place while owned, then frozen; the first
 * persistent change derives a trie from it, once (docs/adr/0020, 0034).
 */
declare class RMap {
    private readonly kvs;
    /** Big maps: the trie (for a table map, derived on first need; see {@link trie}). */
    private root;
    /** Big maps: the number of entries and the insertion number of the next new key. */
    private bigSize;
    private nextSeq;
    /** When read from source: the map's span; its children are `[k0 v0 k1 v1 …]`. */
    readonly span: NodeSpan | undefined;
    readonly meta: RMap | undefined;
    /** Table maps: the entries in columns (src/data/map-table.ts). */
    private readonly table;
    /** Table maps: the token that may change `table` in place (undefined once frozen). */
    private owner;
    readonly kind: "map";
    private hash;
    /** Big maps: `[k0 v0 k1 v1 …]` in insertion order, built on the first walk. */
    private ordered;
    private constructor();
    /** A table map over `t`, changed in place under `owner` until frozen. */
    private static ofTable;
    /**
     * The trie of a big map. A table map derives it once, and from then on its table is
     * frozen (it only answers lookups), so the trie stays true to it.
     */
    private trie;
    static readonly EMPTY: RMap;
    /**
     * A map from alternating keys and values (the array is taken over, not copied); a
     * repeated key keeps its first position and its last value.
     */
    static fromFlat(kvs: Value[], span?: NodeSpan): RMap;
    static of(...kvs: Value[]): RMap;
    get size(): number;
    /** The value under `k`, or undefined when absent. */
    get(k: Value): Value | undefined;
    has(k: Value): boolean;
    assoc(k: Value, v: Value): RMap;
    /** A big map over `root`, which {@link assocNode} just returned (`changed` is set). */
    private withRoot;
    /**
     * A new map object over the same entries, for an accumulator that only `reduce` and
     * one operation per step ever see (src/builtins/owned.ts).
     */
    ownedCopy(edit?: object, expectedWrites?: number): RMap;
    /**
     * {@link assoc} that may change, in place, trie nodes created under `edit` (a
     * transient's token): only for a map no one else can see. Always a new map object.
     */
    assocOwned(k: Value, v: Value, edit: object): RMap;
    dissoc(k: Value): RMap;
    withMeta(meta: RMap | undefined): RMap;
    /** Keys and values alternating in insertion order (shared: never change it). */
    private flat;
    /** Calls `fn(value, key)` for each entry in insertion order. */
    forEach(fn: (v: Value, k: Value) => void): void;
    /** Keys and values alternating, in insertion order (a fresh array). */
    toFlat(): Value[];
    keys(): Value[];
    vals(): Value[];
    entries(): IterableIterator<[Value, Value]>;
    equals(other: unknown): boolean;
    hashCode(): number;
}
/**
 * Builds a map from `start` by repeated `assoc`, in place (a transient private to the
 * builder): `start` itself never changes. Call {@link MapBuilder.build} once, at the end.
 */
declare class MapBuilder {
    private readonly edit;
    private m;
    private built;
    constructor(start: RMap);
    get(k: Value): Value | undefined;
    assoc(k: Value, v: Value): void;
    /** The map built (`start` itself when nothing was added). */
    build(): RMap;
}

/**
 * A symbol. Plain symbols are interned (`Sym.of`), so the common comparison is by
 * identity; a symbol carrying metadata is a separate instance that is still equal
 * to the interned one by name.
 */
declare class Sym {
    readonly name: string;
    readonly meta: RMap | undefined;
    readonly kind: "symbol";
    readonly ns: string | null;
    readonly local: string;
    private readonly h;
    private constructor();
    static of(name: string): Sym;
    /** The same symbol with metadata attached (a new, non-interned instance). */
    withMeta(meta: RMap | undefined): Sym;
    equals(other: unknown): boolean;
    hashCode(): number;
    toString(): string;
}
declare function sym(name: string): Sym;

/**
 * Literal kinds the reader keeps distinct from strings: timestamps
 * (`2026-01-02T03:04:05Z`), UUIDs and `resource://…` handles. Each keeps its source
 * text, which is also how it prints, so it reads back as the same kind.
 */
declare abstract class TextLiteral {
    readonly text: string;
    constructor(text: string);
    equals(other: unknown): boolean;
    hashCode(): number;
    protected abstract salt(): number;
}
declare class Timestamp extends TextLiteral {
    readonly kind: "timestamp";
    protected salt(): number;
}
declare class Uuid extends TextLiteral {
    readonly kind: "uuid";
    protected salt(): number;
}
declare class ResourceHandle extends TextLiteral {
    readonly kind: "resource";
    protected salt(): number;
}

/**
 * An immutable list (array-backed; lists are mostly code and short rest-argument
 * sequences). `span` is set by the reader and also holds the offsets of every child
 * (see `childSpan`), which is how every read form, atoms included, has a position.
 */
declare class RList {
    readonly items: readonly Value[];
    readonly span: NodeSpan | undefined;
    readonly meta: RMap | undefined;
    readonly kind: "list";
    constructor(items: readonly Value[], span?: NodeSpan | undefined, meta?: RMap | undefined);
    static readonly EMPTY: RList;
    static of(...items: Value[]): RList;
    get count(): number;
    /** A new list with `v` in front. */
    cons(v: Value): RList;
    withMeta(meta: RMap | undefined): RList;
    equals(other: unknown): boolean;
    hashCode(): number;
}

/**
 * An immutable vector over a JS array that may be shared with longer vectors.
 *
 * `conj` appends in place when this vector is the longest owner of its array
 * (`arr.length === count`) and copies otherwise, so building a vector by repeated
 * `conj` is amortised O(1) while every earlier vector still sees exactly its own
 * `count` elements. Never hand out `arr` itself: it can grow.
 *
 * `assoc` on a vector of more than 32 elements moves it to a persistent trie with a
 * tail buffer (src/data/vector-trie.ts), where `assoc` copies one path instead of the
 * whole array and `conj` still appends to a shared tail in place; vectors built only by
 * `conj` stay flat, so `nth` on them is one array read (docs/adr/0020).
 */
declare class RVector {
    private readonly arr;
    readonly count: number;
    readonly span: NodeSpan | undefined;
    readonly meta: RMap | undefined;
    readonly kind: "vector";
    private hash;
    constructor(arr: Value[], count?: number, span?: NodeSpan | undefined, meta?: RMap | undefined);
    /** Set for trie vectors (`arr` is then unused); only {@link ofTrie} sets it. */
    private trie;
    private static ofTrie;
    static readonly EMPTY: RVector;
    /** A vector that takes ownership of `items` (the caller must not keep mutating it). */
    static from(items: Value[]): RVector;
    static of(...items: Value[]): RVector;
    /** The element at `i`, or undefined when out of range. */
    get(i: number): Value | undefined;
    /** A fresh array of the elements (safe to mutate). */
    toArray(): Value[];
    conj(v: Value): RVector;
    /** A vector with index `i` (0 ≤ i < count) replaced. */
    assoc(i: number, v: Value): RVector;
    /** Elements `[start, end)` as a new vector (shares nothing mutable). */
    slice(start: number, end?: number): RVector;
    withMeta(meta: RMap | undefined): RVector;
    [Symbol.iterator](): Iterator<Value>;
    equals(other: unknown): boolean;
    hashCode(): number;
}

/**
 * An RTFS error value, as bound by `catch` and built by `ex-info`. It behaves like a
 * map with `:message`, `:code` and `:data` (keyword lookup works on it).
 */
declare class RErrorValue {
    readonly message: string;
    /** A stable error code keyword such as `:runtime/division-by-zero`. */
    readonly code: Keyword;
    readonly data: Value;
    readonly kind: "error";
    constructor(message: string, 
    /** A stable error code keyword such as `:runtime/division-by-zero`. */
    code: Keyword, data: Value);
}

/**
 * A callable RTFS value. The runtime defines the concrete classes; data only needs
 * to recognise, compare (by identity) and print them.
 */
interface RFn {
    readonly kind: 'fn';
    readonly name: string | undefined;
}
/**
 * Every RTFS value, which is also every piece of RTFS code (code is data).
 *
 * - `null` is nil; booleans are JS booleans; strings are JS strings.
 * - Integers are JS numbers when they are safe integers and bigints otherwise
 *   (always within signed 64 bits; the canonical form is a number whenever possible).
 * - Floats are boxed ({@link RFloat}) so that `4.0` and `4` stay distinct.
 */
type Value = null | boolean | number | bigint | string | RFloat | Keyword | Sym | Timestamp | Uuid | ResourceHandle | RList | RVector | RMap | RFn | RErrorValue;
type ObjectValue = Exclude<Value, null | boolean | number | bigint | string>;
/** Names returned by `type-name` (and used in error messages). */
type TypeName = 'nil' | 'boolean' | 'integer' | 'float' | 'string' | 'keyword' | 'symbol' | 'timestamp' | 'uuid' | 'resource-handle' | 'list' | 'vector' | 'map' | 'function' | 'error';
declare function typeName(v: Value): TypeName;
declare function isInt(v: Value): v is number | bigint;
/** Only nil and false are falsey. */
declare function isTruthy(v: Value): boolean;

export { Keyword as K, MapBuilder as M, NodeSpan as N, RErrorValue as R, Source as S, Timestamp as T, Uuid as U, RFloat as a, RList as c, RMap as d, RVector as e, ResourceHandle as f, Sym as h, childSpan as j, clipText as k, float as l, formatLocation as m, isInt as n, isTruthy as o, joinSpans as p, kw as q, renderExcerpt as r, span as s, sym as t, typeName as u };
export type { ObjectValue as O, Value as V, RFn as b, Span as g, TypeName as i };
