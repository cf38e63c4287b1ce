/**
 * Editor support as README "Editor support" gives it: the VS Code extension builds to
 * a .vsix (offline, as CI does), its grammar tokenizes RTFS with vscode-textmate (the
 * engine VS Code uses), and the Neovim, Emacs and Helix samples each name a command
 * that, started as written (with `rtfs` on the PATH), completes an LSP handshake.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';
import { createOnigScanner, createOnigString, loadWASM } from 'vscode-oniguruma';
import {
  ExitNotification,
  InitializeRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node.js';
import { codeBlocks, markdownSection } from '../support/markdown.js';
import { root } from '../cli/run-cli.js';

const ext = join(root, 'editors', 'vscode');
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rtfs-editors-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The file names in a zip archive (its central directory). */
function zipEntries(zip: Buffer): string[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

describe('the VS Code extension', () => {
  it('builds to a .vsix with the client bundled, the grammar and the language configuration', () => {
    const out = join(dir, 'rtfs.vsix');
    execFileSync(process.execPath, [join(root, 'scripts', 'build-vsix.mjs'), '--out', out], {
      cwd: root,
      stdio: 'pipe',
    });
    const entries = zipEntries(readFileSync(out));
    expect(entries).toEqual(
      expect.arrayContaining([
        'extension/package.json',
        'extension/dist/extension.js',
        'extension/syntaxes/rtfs.tmLanguage.json',
        'extension/language-configuration.json',
      ]),
    );
    expect(entries.some((e) => e.includes('node_modules') || e.endsWith('.ts'))).toBe(false);
  }, 120_000);

  it('declares ; and #| |# comments, brackets and the word pattern', () => {
    const conf = JSON.parse(readFileSync(join(ext, 'language-configuration.json'), 'utf8')) as {
      comments: { lineComment: string; blockComment: string[] };
      brackets: string[][];
      wordPattern: string;
    };
    expect(conf.comments).toEqual({ lineComment: ';', blockComment: ['#|', '|#'] });
    expect(conf.brackets.map((b) => b.join(''))).toEqual(['()', '[]', '{}']);
    const word = new RegExp(`^${conf.wordPattern}$`, 'u');
    for (const w of ['map-indexed', 'nil?', 'ccos.echo', 'a/b', 'λ', '->>'])
      expect(w).toMatch(word);
  });
});

describe('the TextMate grammar', () => {
  let grammar: IGrammar;

  beforeAll(async () => {
    const wasm = readFileSync(
      join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'),
    );
    await loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new Registry({
      onigLib: Promise.resolve({ createOnigScanner, createOnigString }),
      loadGrammar: async (scope) =>
        scope === 'source.rtfs'
          ? parseRawGrammar(
              readFileSync(join(ext, 'syntaxes', 'rtfs.tmLanguage.json'), 'utf8'),
              'rtfs.tmLanguage.json',
            )
          : null,
    });
    const g = await registry.loadGrammar('source.rtfs');
    if (g === null) throw new Error('the grammar did not load');
    grammar = g;
  });

  /** Each token's text with its most specific scope. */
  function tokens(text: string): [string, string][] {
    let state = INITIAL;
    const out: [string, string][] = [];
    for (const line of text.split('\n')) {
      const r = grammar.tokenizeLine(line, state);
      for (const t of r.tokens) {
        const s = line.slice(t.startIndex, t.endIndex);
        if (s.trim() !== '') out.push([s, t.scopes[t.scopes.length - 1] as string]);
      }
      state = r.ruleStack;
    }
    return out;
  }

  it('scopes definitions, special forms, calls, keywords, strings, numbers and comments', () => {
    const t = new Map(
      tokens(
        '(defn add "Adds." [a :int] ; sum\n  (let [n 1.5] (+ a n nil)))\n#| block |# (call "ccos.echo" {:message "hi\\n"})',
      ),
    );
    expect(t.get('defn')).toBe('keyword.control.definition.rtfs');
    expect(t.get('add')).toBe('entity.name.function.rtfs');
    expect(t.get('let')).toBe('keyword.control.rtfs');
    expect(t.get('call')).toBe('keyword.control.rtfs');
    expect(t.get('+')).toBe('entity.name.function.call.rtfs');
    expect(t.get(':int')).toBe('constant.other.keyword.rtfs');
    expect(t.get('Adds.')).toBe('string.quoted.double.rtfs');
    expect(t.get('\\n')).toBe('constant.character.escape.rtfs');
    expect(t.get('1.5')).toBe('constant.numeric.rtfs');
    expect(t.get('nil')).toBe('constant.language.rtfs');
    expect(t.get('; sum')).toBe('comment.line.semicolon.rtfs');
    expect(t.get(' block ')).toBe('comment.block.rtfs');
    expect(t.get('n')).toBe('variable.other.rtfs');
  });

  it('scopes a regex literal #"…" as a regexp, escapes included', () => {
    const t = new Map(tokens('(re-find #"a\\d+" s)'));
    expect(t.get('a')).toBe('string.regexp.rtfs');
    expect(t.get('\\d')).toBe('constant.character.escape.regexp.rtfs');
    expect(t.get('#"')).toBe('punctuation.definition.string.regexp.begin.rtfs');
  });

  it('keeps symbols whole (nil?, x-1, if-not are not split)', () => {
    const t = tokens('(nil? x-1) (if-not a b)');
    expect(t).toContainEqual(['nil?', 'entity.name.function.call.rtfs']);
    expect(t).toContainEqual(['x-1', 'variable.other.rtfs']);
    expect(t).toContainEqual(['if-not', 'keyword.control.rtfs']);
  });
});

describe('README editor samples', () => {
  const section = markdownSection(readFileSync(join(root, 'README.md'), 'utf8'), 'Editor support');
  const commands: [string, string[]][] = [];
  for (const lua of codeBlocks(section, 'lua')) {
    const m = /cmd = \{ ([^}]*) \}/.exec(lua);
    if (m)
      commands.push([
        'neovim',
        [...(m[1] as string).matchAll(/'([^']*)'/g)].map((x) => x[1] as string),
      ]);
  }
  for (const el of codeBlocks(section, 'elisp')) {
    const m = /\(rtfs-mode \. \(([^)]*)\)\)/.exec(el);
    if (m)
      commands.push([
        'emacs',
        [...(m[1] as string).matchAll(/"([^"]*)"/g)].map((x) => x[1] as string),
      ]);
  }
  for (const toml of codeBlocks(section, 'toml')) {
    const cmd = /command = "([^"]*)"/.exec(toml)?.[1];
    const args = /args = \[([^\]]*)\]/.exec(toml)?.[1] ?? '';
    if (cmd)
      commands.push([
        'helix',
        [cmd, ...[...args.matchAll(/"([^"]*)"/g)].map((x) => x[1] as string)],
      ]);
  }

  it('has a Neovim, an Emacs and a Helix sample', () => {
    expect(commands.map((c) => c[0])).toEqual(['neovim', 'emacs', 'helix']);
  });

  it.each(commands)(
    '%s: the command starts a language server that answers initialize',
    async (_, argv) => {
      // `rtfs` on the PATH, as `npm install -g rtfs-ts` puts it.
      const bin = join(dir, 'bin');
      execFileSync('mkdir', ['-p', bin]);
      writeFileSync(
        join(bin, 'rtfs'),
        `#!/bin/sh\nexec "${process.execPath}" "${join(root, 'bin', 'rtfs.js')}" "$@"\n`,
      );
      chmodSync(join(bin, 'rtfs'), 0o755);
      const [command, ...args] = argv;
      const server = spawn(command as string, args, {
        env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` },
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      const conn = createProtocolConnection(
        new StreamMessageReader(server.stdout),
        new StreamMessageWriter(server.stdin),
      );
      conn.listen();
      const init = await conn.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: null,
        capabilities: {},
        initializationOptions: { catalogs: [], paths: [] },
      });
      expect(init.capabilities.definitionProvider).toBe(true);
      await conn.sendRequest(ShutdownRequest.type);
      await conn.sendNotification(ExitNotification.type);
      const code = await new Promise((done) => server.once('exit', done));
      conn.dispose();
      expect(code).toBe(0);
    },
  );
});
