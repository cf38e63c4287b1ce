/**
 * A JSON reader that keeps RTFS number types exact, which `JSON.parse` cannot: `1` is an
 * integer and `1.0` a float; integers beyond 2^53 become bigints, exactly (beyond 64
 * bits, floats, as in the reference). Objects become insertion-ordered maps with string
 * keys (or keyword keys when asked); arrays become vectors; null becomes nil.
 */
import { type Value, Keyword, RFloat, RMap, RVector, normalizeInt } from '../data/index.js';
import { RtfsError, RuntimeCodes } from '../runtime/errors.js';

class Reader {
  private i = 0;
  constructor(
    private readonly s: string,
    private readonly keywordize: boolean,
  ) {}

  fail(what: string): never {
    const at = this.i >= this.s.length ? 'end of input' : `position ${this.i}`;
    throw new RtfsError(RuntimeCodes.invalidJson, `parse-json: ${what} at ${at}`);
  }

  ws(): void {
    const s = this.s;
    let i = this.i;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
    this.i = i;
  }

  document(): Value {
    this.ws();
    const v = this.value();
    this.ws();
    if (this.i < this.s.length) this.fail('unexpected trailing text');
    return v;
  }

  value(): Value {
    const c = this.s.charCodeAt(this.i);
    switch (c) {
      case 123:
        return this.object();
      case 91:
        return this.array();
      case 34:
        return this.string();
      case 116:
        return this.word('true', true);
      case 102:
        return this.word('false', false);
      case 110:
        return this.word('null', null);
      default:
        if (c === 45 || (c >= 48 && c <= 57)) return this.number();
        return this.fail(
          this.i >= this.s.length ? 'unexpected end of input' : 'unexpected character',
        );
    }
  }

  word(w: string, v: Value): Value {
    if (!this.s.startsWith(w, this.i)) this.fail('invalid literal');
    this.i += w.length;
    return v;
  }

  number(): Value {
    const s = this.s;
    const start = this.i;
    let i = start;
    if (s.charCodeAt(i) === 45) i++;
    const digits = (): void => {
      const from = i;
      while (s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
      if (i === from) {
        this.i = i;
        this.fail('expected a digit');
      }
    };
    if (s.charCodeAt(i) === 48) i++;
    else digits();
    let isFloat = false;
    if (s.charCodeAt(i) === 46) {
      i++;
      digits();
      isFloat = true;
    }
    const e = s.charCodeAt(i);
    if (e === 101 || e === 69) {
      i++;
      const sign = s.charCodeAt(i);
      if (sign === 43 || sign === 45) i++;
      digits();
      isFloat = true;
    }
    this.i = i;
    const text = s.slice(start, i);
    if (isFloat) return new RFloat(Number(text));
    if (i - start <= 15) return Number(text) + 0;
    const n = normalizeInt(BigInt(text));
    return n === undefined ? new RFloat(Number(text)) : n;
  }

  string(): string {
    const s = this.s;
    let i = this.i + 1;
    let out = '';
    let from = i;
    for (;;) {
      if (i >= s.length) {
        this.i = i;
        this.fail('unterminated string');
      }
      const c = s.charCodeAt(i);
      if (c === 34) break;
      if (c < 32) {
        this.i = i;
        this.fail('control character in string');
      }
      if (c !== 92) {
        i++;
        continue;
      }
      out += s.slice(from, i);
      const esc = s[i + 1];
      i += 2;
      switch (esc) {
        case '"':
        case '\\':
        case '/':
          out += esc;
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          const hex = s.slice(i, i + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
            this.i = i;
            this.fail('invalid \\u escape');
          }
          out += String.fromCharCode(parseInt(hex, 16));
          i += 4;
          break;
        }
        default:
          this.i = i - 1;
          this.fail('invalid escape');
      }
      from = i;
    }
    this.i = i + 1;
    return out + s.slice(from, i);
  }

  array(): Value {
    this.i++;
    const items: Value[] = [];
    this.ws();
    if (this.s.charCodeAt(this.i) === 93) {
      this.i++;
      return RVector.EMPTY;
    }
    for (;;) {
      this.ws();
      items.push(this.value());
      this.ws();
      const c = this.s.charCodeAt(this.i++);
      if (c === 93) return RVector.from(items);
      if (c !== 44) {
        this.i--;
        this.fail("expected ',' or ']'");
      }
    }
  }

  object(): Value {
    this.i++;
    const flat: Value[] = [];
    this.ws();
    if (this.s.charCodeAt(this.i) === 125) {
      this.i++;
      return RMap.EMPTY;
    }
    for (;;) {
      this.ws();
      if (this.s.charCodeAt(this.i) !== 34) this.fail('expected a string key');
      const k = this.string();
      this.ws();
      if (this.s.charCodeAt(this.i) !== 58) this.fail("expected ':'");
      this.i++;
      this.ws();
      flat.push(this.keywordize ? Keyword.of(k) : k, this.value());
      this.ws();
      const c = this.s.charCodeAt(this.i++);
      if (c === 125) return RMap.fromFlat(flat);
      if (c !== 44) {
        this.i--;
        this.fail("expected ',' or '}'");
      }
    }
  }
}

/** Parses JSON text into RTFS data; `runtime/invalid-json` on malformed input. */
export function parseJson(text: string, keywordize: boolean): Value {
  return new Reader(text, keywordize).document();
}
