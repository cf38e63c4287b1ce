/**
 * The build's scan of the core library (core-scan.ts), which core-library.ts uses instead
 * of scanning stdlib/core.rtfs when the file has the same text. From source, in the ES
 * module builds and in the CLI's bundle there is none: the library is scanned as it is
 * read. The runtime of compiled modules has core-scan-loader.runtime.ts, with the scan
 * the build made of the package's stdlib/core.rtfs (ADR 0059).
 */
import type { CoreForm } from './core-scan.js';

/** A core library's text and its forms as scanForms gives them. */
export interface BuiltCoreScan {
  readonly text: string;
  readonly forms?: readonly CoreForm[] | undefined;
}

export const builtCoreScan: BuiltCoreScan | undefined = undefined;
