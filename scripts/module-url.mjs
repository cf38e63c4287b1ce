// The expression the CLI bundle's banner gives `import.meta.url` (scripts/build.mjs).

/**
 * `import.meta.url` in the CLI bundle: what `pathToFileURL(__filename).href` gives, made
 * without it on POSIX. The URL parser's first use costs about 0.3 ms, paid by the
 * launcher and the CLI on every start (ADR 0037). `__filename` is absolute and
 * normalised; the characters Node's `pathToFileURL` escapes are escaped alike, then
 * non-ASCII text as UTF-8 (test/launch/module-url.test.ts checks it against Node).
 */
export const MODULE_URL = String.raw`(process.platform === "win32" ? require("node:url").pathToFileURL(__filename).href : "file://" + __filename.replace(/[\0- "#%<>?[\\\]^${'`'}{|}~\x7f]/g, (c) => "%" + (c.charCodeAt(0) + 256).toString(16).slice(1).toUpperCase()).replace(/[^\0-\x7f]+/g, encodeURIComponent))`;
