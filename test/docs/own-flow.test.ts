/**
 * docs/planner-as-plan.md, "Writing your own flow": every `$ ` command of the section runs
 * (in a scratch directory, `rtfs` being this checkout's CLI) in order, with the edit its
 * `clojure` block shows applied to the emitted flow, and each one succeeds.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from '../cli/run-cli.js';

const doc = readFileSync(join(root, 'docs/planner-as-plan.md'), 'utf8');
const section = doc.slice(
  doc.indexOf('## Writing your own flow'),
  doc.indexOf('\n## ', doc.indexOf('## Writing your own flow') + 3),
);

type Block = { readonly lang: string; readonly body: string };
const blocks: Block[] = [...section.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({
  lang: m[1] ?? '',
  body: m[2] ?? '',
}));

const work = mkdtempSync(join(tmpdir(), 'rtfs-own-flow-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
mkdirSync(join(work, 'bin'));
mkdirSync(join(work, 'test'));
writeFileSync(
  join(work, 'bin', 'rtfs'),
  `#!/bin/sh\nexec "${process.execPath}" "${join(root, 'bin', 'rtfs.js')}" "$@"\n`,
);
chmodSync(join(work, 'bin', 'rtfs'), 0o755);
symlinkSync(join(root, 'examples'), join(work, 'examples'));
symlinkSync(join(root, 'test', 'fixtures'), join(work, 'test', 'fixtures'));

function sh(command: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('/bin/sh', ['-c', command], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${join(work, 'bin')}:${process.env.PATH ?? ''}` },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('docs/planner-as-plan.md: Writing your own flow', () => {
  it('has commands and an edit', () => {
    expect(blocks.filter((b) => b.lang === 'clojure')).toHaveLength(1);
    expect(
      blocks.flatMap((b) => b.body.split('\n')).filter((l) => l.startsWith('$ ')).length,
    ).toBeGreaterThan(8);
  });

  it('every command succeeds, in order', () => {
    const outputs = new Map<string, string>();
    for (const b of blocks) {
      if (b.lang === 'clojure') {
        // The edit: insert the block before the materialize step of the emitted flow.
        const file = join(work, 'my-flow.rtfs');
        const text = readFileSync(file, 'utf8');
        const at = text.indexOf('  (step "materialize_final_plan"');
        expect(at).toBeGreaterThan(0);
        writeFileSync(file, text.slice(0, at) + b.body + text.slice(at));
        continue;
      }
      for (const line of b.body.split('\n')) {
        if (!line.startsWith('$ ')) continue;
        const command = line.slice(2);
        const r = sh(command);
        if (r.code !== 0) throw new Error(`${command}\nexit ${r.code}\n${r.stdout}\n${r.stderr}`);
        outputs.set(command, r.stdout);
      }
    }
    const out = (prefix: string): string[] =>
      [...outputs].filter(([c]) => c.startsWith(prefix)).map(([, o]) => o);
    // The edited flow ran its new step, and every replay reproduced its run.
    expect(out('rtfs plan "list open bugs in acme/web')[0]).toContain(
      'step count_final_steps → core.data.count',
    );
    for (const o of out('rtfs chain replay')) expect(o).toMatch(/^REPLAY OK .*, 0 live calls\n$/);
    expect(out('rtfs chain replay')).toHaveLength(3);
  });
});
