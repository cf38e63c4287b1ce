/**
 * `rtfs lsp`: the language server over stdio (vscode-languageserver). Diagnostics as
 * you type (read + check, the same as `rtfs check`, with the definitions a diagnostic
 * is about as related information), hover, completion, go to definition, document
 * symbols and formatting. Workspace settings (`initializationOptions` or the `rtfs`
 * section of `workspace/didChangeConfiguration`): `{"catalogs": ["caps.rtfs"]}`
 * (paths relative to the workspace root) for capability hovers, completion and
 * unknown-capability errors; `{"paths": ["lib"]}` for imports.
 */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Connection,
  CompletionItemKind,
  type Diagnostic as LspDiagnostic,
  DiagnosticSeverity,
  type DocumentSymbol,
  type InitializeResult,
  MarkupKind,
  type Range,
  SymbolKind,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Readable, Writable } from 'node:stream';
import type { Diagnostic } from '../diagnostics/index.js';
import { Source, type Span } from '../source/index.js';
import { checkSource } from '../check/index.js';
import { formatSource } from '../format/index.js';
import { analyze, analyzeForCompletion, uriPath, type Analysis } from './document.js';
import { type CompletionKind, complete, definition, hover } from './features.js';
import { Knowledge } from './knowledge.js';
import type { Definition } from './outline.js';

interface Settings {
  readonly catalogs?: readonly string[];
  readonly paths?: readonly string[];
}

const DEBOUNCE_MS = 150;

/** Starts the server on `input`/`output` (stdin/stdout for `rtfs lsp`). */
export function startServer(input: Readable, output: Writable): Connection {
  const connection = createConnection(input, output);
  const documents = new TextDocuments(TextDocument);
  const knowledge = new Knowledge();
  let root = process.cwd();
  let paths: string[] = [];
  const timers = new Map<string, NodeJS.Timeout>();

  const configure = (s: Settings | undefined): void => {
    const abs = (p: string): string => (isAbsolute(p) ? p : resolve(root, p));
    knowledge.setCatalogs((s?.catalogs ?? []).map(abs));
    paths = (s?.paths ?? []).map(abs);
  };

  const range = (doc: TextDocument, span: Span): Range => ({
    start: doc.positionAt(span.start),
    end: doc.positionAt(span.end),
  });
  /** A range in a file that may not be open (its text is the span's source). */
  const fileRange = (span: Span): Range => {
    const a = span.source.position(span.start);
    const b = span.source.position(span.end);
    return {
      start: { line: a.line - 1, character: a.column - 1 },
      end: { line: b.line - 1, character: b.column - 1 },
    };
  };

  const validate = (doc: TextDocument): void => {
    const text = doc.getText();
    const source = new Source(uriPath(doc.uri), text);
    let ds: Diagnostic[];
    try {
      ds = checkSource(source, {
        paths,
        ...(knowledge.catalogIds ? { catalog: knowledge.catalogIds } : {}),
      });
    } catch (e) {
      connection.console.error(
        `rtfs: check failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
      );
      return;
    }
    const a = analyze(text, doc.uri);
    void connection.sendDiagnostics({
      uri: doc.uri,
      version: doc.version,
      diagnostics: ds.map((d) => toLsp(doc, d, a)),
    });
  };

  const toLsp = (doc: TextDocument, d: Diagnostic, a: Analysis | undefined): LspDiagnostic => {
    const sameFile = d.span.source.uri === uriPath(doc.uri);
    const related = a === undefined ? [] : relatedDefinitions(d, a);
    return {
      range: sameFile
        ? range(doc, d.span)
        : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: d.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
      code: d.code,
      source: 'rtfs',
      message: [
        sameFile ? d.message : `${d.span.source.uri}: ${d.message}`,
        ...(d.notes ?? []),
      ].join('\n'),
      ...(related.length > 0
        ? {
            relatedInformation: related.map((r) => ({
              location: { uri: doc.uri, range: range(doc, r.nameSpan) },
              message: `${r.name} is defined here`,
            })),
          }
        : {}),
    };
  };

  const schedule = (doc: TextDocument): void => {
    const old = timers.get(doc.uri);
    if (old !== undefined) clearTimeout(old);
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        const current = documents.get(doc.uri);
        if (current !== undefined) validate(current);
      }, DEBOUNCE_MS),
    );
  };

  connection.onInitialize((params): InitializeResult => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    if (folder) root = folder.startsWith('file:') ? fileURLToPath(folder) : folder;
    configure(params.initializationOptions as Settings | undefined);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['(', '"', ':'] },
        definitionProvider: true,
        documentSymbolProvider: true,
        documentFormattingProvider: true,
      },
      serverInfo: { name: 'rtfs', version: '0.1.0' },
    };
  });

  connection.onDidChangeConfiguration((change) => {
    const s = (change.settings as { rtfs?: Settings } | undefined)?.rtfs;
    if (s !== undefined) configure(s);
    for (const d of documents.all()) schedule(d);
  });

  documents.onDidChangeContent((e) => schedule(e.document));
  documents.onDidClose((e) => {
    const t = timers.get(e.document.uri);
    if (t !== undefined) clearTimeout(t);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onHover((p) => {
    const doc = documents.get(p.textDocument.uri);
    const a = doc && analyze(doc.getText(), doc.uri);
    if (doc === undefined || a === undefined) return null;
    const h = hover(a, doc.offsetAt(p.position), knowledge);
    return h === undefined
      ? null
      : { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: range(doc, h.span) };
  });

  connection.onCompletion((p) => {
    const doc = documents.get(p.textDocument.uri);
    if (doc === undefined) return [];
    const text = doc.getText();
    const offset = doc.offsetAt(p.position);
    const a = analyzeForCompletion(text, doc.uri, offset);
    return complete(text, offset, a, knowledge).map((c) => ({
      label: c.label,
      kind: KINDS[c.kind],
      ...(c.detail !== undefined ? { detail: c.detail } : {}),
      ...(c.documentation !== undefined
        ? { documentation: { kind: MarkupKind.Markdown, value: c.documentation } }
        : {}),
    }));
  });

  connection.onDefinition((p) => {
    const doc = documents.get(p.textDocument.uri);
    const a = doc && analyze(doc.getText(), doc.uri);
    if (doc === undefined || a === undefined) return null;
    const place = definition(a, doc.uri, doc.offsetAt(p.position), paths);
    if (place === undefined) return null;
    return {
      uri: place.uri,
      range: place.uri === doc.uri ? range(doc, place.span) : fileRange(place.span),
    };
  });

  connection.onDocumentSymbol((p) => {
    const doc = documents.get(p.textDocument.uri);
    const a = doc && analyze(doc.getText(), doc.uri);
    if (doc === undefined || a === undefined) return [];
    return documentSymbols(a, (s) => range(doc, s));
  });

  connection.onDocumentFormatting((p) => {
    const doc = documents.get(p.textDocument.uri);
    if (doc === undefined) return [];
    const text = doc.getText();
    const r = formatSource(text, { uri: uriPath(doc.uri) });
    if (!r.ok || r.text === text) return [];
    return [
      { range: { start: doc.positionAt(0), end: doc.positionAt(text.length) }, newText: r.text },
    ];
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}

const KINDS: Record<CompletionKind, CompletionItemKind> = {
  local: CompletionItemKind.Variable,
  definition: CompletionItemKind.Function,
  core: CompletionItemKind.Function,
  keyword: CompletionItemKind.Keyword,
  capability: CompletionItemKind.Interface,
  step: CompletionItemKind.Event,
};

/** The definitions a diagnostic is about: the callee of an arity error, a suggestion. */
function relatedDefinitions(d: Diagnostic, a: Analysis): Definition[] {
  const names = [...d.message.matchAll(/(?:to |did you mean ')([^\s':]+)/g)].map((m) => m[1]);
  return a.outline.definitions.filter(
    (x) => names.includes(x.name) && x.nameSpan.start !== d.span.start,
  );
}

function documentSymbols(a: Analysis, range: (s: Span) => Range): DocumentSymbol[] {
  const kind = (d: Definition): SymbolKind =>
    d.kind === 'defn'
      ? SymbolKind.Function
      : d.kind === 'defmacro'
        ? SymbolKind.Operator
        : d.kind === 'defstruct'
          ? SymbolKind.Struct
          : d.kind === 'defcapability'
            ? SymbolKind.Interface
            : SymbolKind.Variable;
  const out: DocumentSymbol[] = a.outline.definitions.map((d) => ({
    name: d.name,
    detail: d.kind,
    kind: kind(d),
    range: range(d.span),
    selectionRange: range(d.nameSpan),
  }));
  const inPlans = new Set<string>();
  for (const p of a.outline.plans) {
    out.push({
      name: p.name,
      detail: 'plan',
      kind: SymbolKind.Module,
      range: range(p.span),
      selectionRange: range(p.span),
      children: p.steps.map((s) => {
        inPlans.add(`${s.nameSpan.start}`);
        return {
          name: s.name,
          detail: 'step',
          kind: SymbolKind.Event,
          range: range(s.span),
          selectionRange: range(s.nameSpan),
        };
      }),
    });
  }
  for (const s of a.outline.steps)
    if (!inPlans.has(`${s.nameSpan.start}`))
      out.push({
        name: s.name,
        detail: 'step',
        kind: SymbolKind.Event,
        range: range(s.span),
        selectionRange: range(s.nameSpan),
      });
  return out.sort(
    (x, y) =>
      x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character,
  );
}
