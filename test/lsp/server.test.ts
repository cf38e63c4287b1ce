/**
 * `rtfs lsp` tested as an editor uses it: the built CLI is spawned, and a JSON-RPC
 * client (vscode-languageserver-protocol over vscode-jsonrpc's stream transport)
 * initializes it, opens a document, edits it, and asks for diagnostics, hover,
 * completion, definition, document symbols and formatting.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CompletionItem,
  type Hover,
  type Location,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type DocumentSymbol,
  type TextEdit,
  CompletionRequest,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  ExitNotification,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node.js';
import { root } from '../cli/run-cli.js';

let server: ChildProcess;
let conn: ProtocolConnection;
let dir = '';
const published: PublishDiagnosticsParams[] = [];
const waiters: (() => void)[] = [];

/** The next diagnostics published for `uri` at `version` (or later). */
function diagnosticsFor(uri: string, version: number): Promise<PublishDiagnosticsParams> {
  return new Promise((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`no diagnostics for ${uri} v${version}`)),
      20_000,
    );
    const check = (): void => {
      const hit = published.find((p) => p.uri === uri && (p.version ?? 0) >= version);
      if (hit === undefined) return void waiters.push(check);
      clearTimeout(timer);
      done(hit);
    };
    check();
  });
}

const MAIN = `(defn add
  "Adds two numbers."
  [a :int b :int] :int
  (+ a b))
(def total (add 1 2))
(let [scale 10]
  (* scale total))
(plan :name "demo"
  (step "fetch" (call "ccos.echo" {:message "hi"}))
  (step "use" (step-result "fetch")))
(import modules.shop/money :only [format-price])
(format-price 3)
`;

let mainUri = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rtfs-lsp-'));
  writeFileSync(
    join(dir, 'caps.rtfs'),
    '[{:id "github.list_issues" :description "Lists the issues of a repository." :effects [:network :read] :input-schema [:map [:owner :string] [:repo :string]]}]\n',
  );
  const main = join(dir, 'main.rtfs');
  mainUri = pathToFileURL(main).href;
  server = spawn(process.execPath, [join(root, 'bin', 'rtfs.js'), 'lsp'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  conn = createProtocolConnection(
    new StreamMessageReader(server.stdout as NodeJS.ReadableStream),
    new StreamMessageWriter(server.stdin as NodeJS.WritableStream),
  );
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    for (const w of waiters.splice(0)) w();
  });
  conn.listen();
  const init = await conn.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    capabilities: {},
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
    initializationOptions: { catalogs: ['caps.rtfs'], paths: [join(root, 'examples')] },
  });
  expect(init.capabilities.hoverProvider).toBe(true);
  await conn.sendNotification(InitializedNotification.type, {});
  await conn.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri: mainUri, languageId: 'rtfs', version: 1, text: MAIN },
  });
}, 60_000);

afterAll(async () => {
  await conn.sendRequest(ShutdownRequest.type);
  await conn.sendNotification(ExitNotification.type);
  conn.dispose();
  await new Promise((done) => (server.exitCode !== null ? done(null) : server.once('exit', done)));
  rmSync(dir, { recursive: true, force: true });
});

const at = (text: string, needle: string, delta = 0): { line: number; character: number } => {
  const offset = text.indexOf(needle) + delta;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: (before[before.length - 1] as string).length };
};

describe('rtfs lsp', () => {
  it('publishes no diagnostics for a correct document, then the errors of an edit', async () => {
    const first = await diagnosticsFor(mainUri, 1);
    expect(first.diagnostics).toEqual([]);
    // Edit: a wrong arity and a misspelt local.
    const pos = at(MAIN, '(def total (add 1 2))');
    await conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: mainUri, version: 2 },
      contentChanges: [
        {
          range: { start: pos, end: { line: pos.line, character: pos.character + 21 } },
          text: '(def total (add 1))\n(def other (* 2 totl))',
        },
      ],
    });
    const second = await diagnosticsFor(mainUri, 2);
    const codes = second.diagnostics.map((d) => d.code);
    expect(codes).toContain('check/arity-mismatch');
    expect(codes).toContain('analysis/unbound-symbol');
    const arity = second.diagnostics.find((d) => d.code === 'check/arity-mismatch');
    expect(arity?.range.start).toEqual({ line: 4, character: 11 });
    // Related information points at the definition of `add`.
    expect(arity?.relatedInformation?.[0]?.location.range.start).toEqual({ line: 0, character: 6 });
    // Back to the original text: clean again.
    await conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: mainUri, version: 3 },
      contentChanges: [{ text: MAIN }],
    });
    expect((await diagnosticsFor(mainUri, 3)).diagnostics).toEqual([]);
  });

  it('reports an unknown capability against the workspace catalogs', async () => {
    const uri = pathToFileURL(join(dir, 'caps-use.rtfs')).href;
    await conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {
        uri,
        languageId: 'rtfs',
        version: 1,
        text: '(call "github.list_isues" {})\n',
      },
    });
    const d = await diagnosticsFor(uri, 1);
    expect(d.diagnostics[0]?.code).toBe('check/unknown-capability');
    expect(d.diagnostics[0]?.severity).toBe(1);
  });

  it('hovers: docstring and signature of a defn, a builtin, a local, a capability', async () => {
    const hoverAt = async (needle: string, delta = 0): Promise<string> => {
      const h = (await conn.sendRequest(HoverRequest.type, {
        textDocument: { uri: mainUri },
        position: at(MAIN, needle, delta),
      })) as Hover | null;
      return h === null ? '' : (h.contents as { value: string }).value;
    };
    const add = await hoverAt('(add 1 2)', 1);
    expect(add).toContain('(defn add [a :int b :int] :int)');
    expect(add).toContain('Adds two numbers.');
    expect(await hoverAt('(+ a b)', 1)).toContain('builtin');
    expect(await hoverAt('scale total', 0)).toContain('local');
    expect(await hoverAt('(+ a b)', 3)).toMatch(/a :int[\s\S]*parameter/);
    const echo = await hoverAt('"ccos.echo"', 2);
    expect(echo).toContain('**ccos.echo**');
    expect(echo).toContain('effects:');
  });

  it('completes locals, globals, core names, capability ids and step ids', async () => {
    const labels = async (text: string, needle: string, delta: number): Promise<string[]> => {
      await conn.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: mainUri, version: 10 + text.length },
        contentChanges: [{ text }],
      });
      const r = (await conn.sendRequest(CompletionRequest.type, {
        textDocument: { uri: mainUri },
        position: at(text, needle, delta),
      })) as CompletionItem[];
      return r.map((c) => c.label);
    };
    // Mid-edit (the let is not closed): the locals in scope still complete.
    const typing = `${MAIN}(let [width 3 height 4]\n  (* wi`;
    const inLet = await labels(typing, '(* wi', 5);
    expect(inLet).toEqual(
      expect.arrayContaining(['width', 'height', 'add', 'total', 'map', 'when']),
    );
    expect(inLet).not.toContain('scale'); // not in scope here
    const caps = await labels(`${MAIN}(call "gi`, '(call "gi', 9);
    expect(caps).toEqual(expect.arrayContaining(['github.list_issues', 'ccos.echo']));
    const steps = await labels(`${MAIN}(step-result "`, '(step-result "', 14);
    expect(steps.sort()).toEqual(['fetch', 'use']);
    await conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: mainUri, version: 100 },
      contentChanges: [{ text: MAIN }],
    });
  });

  it('goes to definitions: defs, locals, steps, imported names, modules', async () => {
    const def = async (needle: string, delta: number): Promise<Location | null> =>
      (await conn.sendRequest(DefinitionRequest.type, {
        textDocument: { uri: mainUri },
        position: at(MAIN, needle, delta),
      })) as Location | null;
    expect((await def('(add 1 2)', 1))?.range.start).toEqual({ line: 0, character: 6 });
    expect((await def('(* scale total)', 4))?.range.start).toEqual({ line: 5, character: 6 });
    expect((await def('(step-result "fetch")', 15))?.range.start).toEqual({
      line: 8,
      character: 8,
    });
    const imported = await def('(format-price 3)', 1);
    expect(imported?.uri).toMatch(/examples\/modules\/shop\/money\.rtfs$/);
    const mod = await def('modules.shop/money', 3);
    expect(mod?.uri).toMatch(/examples\/modules\/shop\/money\.rtfs$/);
    const core = await def('(let [scale', 1);
    expect(core).toBeNull(); // a special form has no source
  });

  it('the reference\'s (capability "id" :key value …) form: definition, hover, symbol', async () => {
    const text = `(capability "shop.quote"
  :name "Quote"
  :description "Prices a basket."
  :input-schema [:map [:items [:vector :string]]]
  :implementation (fn [input] {:total 0}))
(call "shop.quote" {:items []})
`;
    const uri = pathToFileURL(join(dir, 'cap-object.rtfs')).href;
    await conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'rtfs', version: 1, text },
    });
    const use = at(text, '(call "shop.quote"', 8);
    const d = (await conn.sendRequest(DefinitionRequest.type, {
      textDocument: { uri },
      position: use,
    })) as Location | null;
    expect(d?.uri).toBe(uri);
    expect(d?.range.start).toEqual({ line: 0, character: 12 });
    const h = (await conn.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: use,
    })) as Hover | null;
    const md = h === null ? '' : (h.contents as { value: string }).value;
    expect(md).toContain('**shop.quote** (this file)');
    expect(md).toContain('Prices a basket.');
    expect(md).toContain('input: `[:map [:items [:vector :string]]]`');
    const symbols = (await conn.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri },
    })) as DocumentSymbol[];
    expect(symbols.map((s) => s.name)).toEqual(['shop.quote']);
  });

  it('lists document symbols: definitions, plans with their steps', async () => {
    const symbols = (await conn.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri: mainUri },
    })) as DocumentSymbol[];
    expect(symbols.map((s) => `${s.detail} ${s.name}`)).toEqual([
      'defn add',
      'def total',
      'plan demo',
    ]);
    expect(symbols[2]?.children?.map((s) => s.name)).toEqual(['fetch', 'use']);
  });

  it('formats through the formatter', async () => {
    const uri = pathToFileURL(join(dir, 'ugly.rtfs')).href;
    await conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {
        uri,
        languageId: 'rtfs',
        version: 1,
        text: '(defn f [x]\n(when x\n(inc x)))',
      },
    });
    const edits = (await conn.sendRequest(DocumentFormattingRequest.type, {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    })) as TextEdit[];
    expect(edits).toHaveLength(1);
    expect(edits[0]?.newText).toBe('(defn f [x]\n  (when x\n    (inc x)))\n');
  });
});
