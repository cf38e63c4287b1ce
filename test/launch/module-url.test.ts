import { createRequire } from 'node:module';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { MODULE_URL } from '../../scripts/module-url.mjs';

/** The CLI bundle's `import.meta.url` for a bundle at `file` on a POSIX system. */
function moduleUrl(file: string): unknown {
  return runInNewContext(MODULE_URL, {
    require: createRequire(import.meta.url),
    process: { platform: 'linux' },
    __filename: file,
  });
}

describe("the CLI bundle's import.meta.url", () => {
  it('is what pathToFileURL gives, for every ASCII character and non-ASCII text', () => {
    const paths = ['/a/b/cli.cjs', '/tmp/é ü/日本/😀x/cli.cjs', '/tmp/x y/%41/cli.cjs'];
    for (let c = 1; c < 0x80; c++) {
      if (c !== 0x2f) paths.push(`/tmp/a${String.fromCharCode(c)}b/cli.cjs`);
    }
    for (const p of paths) {
      expect(moduleUrl(p)).toBe(pathToFileURL(p).href);
      expect(fileURLToPath(moduleUrl(p) as string)).toBe(p);
    }
  });
});
