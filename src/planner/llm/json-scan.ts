/**
 * A JSON scanner for model answers: finds complete JSON values in free text (prose,
 * code fences, trailing remarks) by matching brackets while skipping the contents of
 * JSON strings, then checks each candidate with JSON.parse. Unlike "first `[` to last
 * `]`" (the reference's approach), brackets inside strings and an object wrapping the
 * array are handled.
 */

/** The end index (exclusive) of the bracketed value starting at `start`, or -1. */
function matchValue(text: string, start: number): number {
  const stack: string[] = [];
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i] as string;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') stack.push(c === '{' ? '}' : ']');
    else if (c === '}' || c === ']') {
      if (stack.pop() !== c) return -1;
      if (stack.length === 0) return i + 1;
    }
  }
  return -1;
}

/** Every complete JSON object or array in `text`, in order (nested ones not repeated). */
export function scanJsonValues(text: string): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c !== '{' && c !== '[') {
      i++;
      continue;
    }
    const end = matchValue(text, i);
    if (end < 0) {
      i++;
      continue;
    }
    try {
      out.push(JSON.parse(text.slice(i, end)) as unknown);
      i = end;
    } catch {
      i++;
    }
  }
  return out;
}

/** The first JSON value in `text` for which `accept` returns a result. */
export function firstJson<T>(text: string, accept: (v: unknown) => T | undefined): T | undefined {
  for (const v of scanJsonValues(text)) {
    const r = accept(v);
    if (r !== undefined) return r;
  }
  return undefined;
}
