// Declarations of build-types.mjs for the tests that import it.
export declare const REPORT: string;
export declare const ENTRIES: Record<string, string>;
export declare function buildTypes(root: string): Promise<unknown>;
export declare function apiReport(files: readonly { name: string; text: string }[]): string;
