/**
 * core-scan-loader.ts as the CommonJS bundles have it (the CLI's and the runtime of
 * compiled modules, ADR 0059): the build scans the package's stdlib/core.rtfs with
 * core-scan.ts and defines `RTFS_CORE_SCAN` as the text and its forms. Scanning the
 * library at every start (a loop over 5.5 KB and a few regular expressions V8 compiles
 * then) was ~4M instructions of a compiled `(+ 1 2)`; core-library.ts still scans a text
 * that differs.
 */
import type { BuiltCoreScan } from './core-scan-loader.js';

declare const RTFS_CORE_SCAN: BuiltCoreScan;

export const builtCoreScan: BuiltCoreScan | undefined = RTFS_CORE_SCAN;
