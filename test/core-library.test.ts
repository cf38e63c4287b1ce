import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { scanForms } from '../src/core-library.js';
import { read } from '../src/syntax/index.js';
import type { RList, Sym } from '../src/data/index.js';
import { type Value, printValue } from '../src/data/index.js';
import { createRuntime } from '../src/create-runtime.js';
import { Globals } from '../src/analyzer/index.js';

describe('scanForms (the quick split of stdlib/core.rtfs)', () => {
  it('finds every top-level form of core.rtfs, with the names and docstrings the reader sees', () => {
    const text = readFileSync(new URL('../stdlib/core.rtfs', import.meta.url), 'utf8');
    const forms = scanForms(text);
    const r = read(text, 'core.rtfs');
    expect(forms).toBeDefined();
    expect(forms?.length).toBe(r.forms.length);
    r.forms.forEach((form, i) => {
      const f = forms?.[i];
      const l = form as RList;
      const isMacro = (l.items[0] as Sym).name === 'defmacro';
      expect(f?.macro?.name).toBe(isMacro ? (l.items[1] as Sym).name : undefined);
      if (isMacro)
        expect(f?.macro?.doc).toBe(typeof l.items[2] === 'string' ? l.items[2] : undefined);
      // The slice reads as the same form.
      expect(printValue(read(text.slice(f?.start, f?.end), 'x').forms[0] as Value)).toBe(
        printValue(form),
      );
    });
  });

  it('skips brackets in strings and comments, and leaves docstrings with escapes to the reader', () => {
    const text =
      '; (not a form\n(defmacro a "x ) y" [] 1)\n(def s ")") (defmacro b "q\\"" [] 2) (defmacro c "only")';
    const forms = scanForms(text) ?? [];
    expect(forms.map((f) => text.slice(f.start, f.end))).toEqual([
      '(defmacro a "x ) y" [] 1)',
      '(def s ")")',
      '(defmacro b "q\\"" [] 2)',
      '(defmacro c "only")',
    ]);
    expect(forms.map((f) => f.macro)).toEqual([
      { name: 'a', doc: 'x ) y' },
      undefined,
      undefined,
      { name: 'c' },
    ]);
  });

  it('gives up (the whole file is then read) on anything but lists at top level', () => {
    expect(scanForms('(a) b')).toBeUndefined();
    expect(scanForms('[a]')).toBeUndefined();
    expect(scanForms('(a')).toBeUndefined();
    expect(scanForms('"open')).toBeUndefined();
  });

  it('marks a plain (def name nil), which loads without the evaluator but as evaluating it would', () => {
    const text = '(def *a* nil)\n(def b  nil )\n(def nil nil)\n(def c (nil))\n(def d nil 1)';
    expect((scanForms(text) ?? []).map((f) => f.nilDef)).toEqual([
      '*a*',
      'b',
      undefined,
      undefined,
      undefined,
    ]);
    const rt = createRuntime();
    const user = new Globals('user', rt.core);
    expect(rt.evalString('(def *command-line-args* nil)', 'x.rtfs', user).ok).toBe(true);
    expect(rt.core.lookup('*command-line-args*')).toEqual(user.lookup('*command-line-args*'));
    expect(rt.evalString('*command-line-args*', 'y.rtfs').ok).toBe(true);
  });

  it('an error a lazily loaded core macro throws reaches the program', () => {
    const o = createRuntime().evalString('(cond 1)', 'user.rtfs');
    expect(o.ok).toBe(false);
    if (o.ok) return;
    const text = o.diagnostics ? o.diagnostics.map((d) => d.message).join('\n') : o.error.render();
    expect(text).toMatch(/cond needs test\/expression pairs/);
  });
});
