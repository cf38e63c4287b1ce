/**
 * The build's scan of the core library (core-scan.ts), which core-library.ts uses instead
 * of scanning stdlib/core.rtfs when the file has the same text. From source and in the
 * ES module builds there is none: the library is scanned as it is read. The CommonJS
 * bundles (the CLI, the runtime of compiled modules) have core-scan-loader.bundled.ts,
 * with the scan the build made of the package's stdlib/core.rtfs (ADR 0059).
 */
import type { CoreForm } from './core-scan.js';

/** A core library's text and its forms as scanForms gives them. */
export interface BuiltCoreScan {
  readonly text: string;
  readonly forms?: readonly CoreForm[] | undefined;
}

export const builtCoreScan: BuiltCoreScan | undefined = undefined;
