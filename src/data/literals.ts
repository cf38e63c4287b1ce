import { hashPrimitive } from './hashing.js';

/**
 * Literal kinds the reader keeps distinct from strings: timestamps
 * (`2026-01-02T03:04:05Z`), UUIDs and `resource://…` handles. Each keeps its source
 * text, which is also how it prints, so it reads back as the same kind.
 */
abstract class TextLiteral {
  constructor(readonly text: string) {}

  equals(other: unknown): boolean {
    return (
      other instanceof TextLiteral &&
      other.constructor === this.constructor &&
      other.text === this.text
    );
  }

  hashCode(): number {
    return hashPrimitive(this.text) ^ this.salt();
  }

  protected abstract salt(): number;
}

export class Timestamp extends TextLiteral {
  readonly kind = 'timestamp' as const;
  protected salt(): number {
    return 0x1111;
  }
}

export class Uuid extends TextLiteral {
  readonly kind = 'uuid' as const;
  protected salt(): number {
    return 0x2222;
  }
}

export class ResourceHandle extends TextLiteral {
  readonly kind = 'resource' as const;
  protected salt(): number {
    return 0x3333;
  }
}
