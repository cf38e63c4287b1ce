import type { Value } from '../data/index.js';
import type { LocalRef } from './nodes.js';

/** The literal a local is bound to, when every read of it may be that literal. */
export interface KnownConstant {
  readonly value: Value;
}

/**
 * Lexical scopes. A `FrameScope` is one function body (or the top level): it owns a
 * frame whose size is the number of slots it ever needs. `BlockScope`s (let, loop,
 * fn params) map names to slots inside the enclosing frame.
 */
export class FrameScope {
  /** Slot 0 of every frame holds the enclosing frame, so locals start at 1. */
  size = 1;
  constructor(readonly parent: BlockScope | undefined) {}

  allocate(): number {
    return this.size++;
  }
}

export class BlockScope {
  private readonly names = new Map<string, number>();
  private readonly constants = new Map<string, KnownConstant>();
  constructor(
    readonly frame: FrameScope,
    readonly parent: BlockScope | undefined,
  ) {}

  /** A child block in the same frame. */
  child(): BlockScope {
    return new BlockScope(this.frame, this);
  }

  /** A block in a new frame (a function body). */
  fnChild(): BlockScope {
    return new BlockScope(new FrameScope(this), undefined);
  }

  bind(name: string): number {
    const slot = this.frame.allocate();
    this.names.set(name, slot);
    this.constants.delete(name);
    return slot;
  }

  /**
   * Records that the local `name`, just bound in this block, always holds `value` (a
   * `let` of a plain symbol to a literal: locals are never reassigned).
   */
  markConstant(name: string, value: Value): void {
    if (this.names.has(name)) this.constants.set(name, { value });
  }

  /** The literal the local `name` resolves to, if it is one (shadowing respected). */
  constant(name: string): KnownConstant | undefined {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- walking the scope chain
    let block: BlockScope | undefined = this;
    while (block !== undefined) {
      if (block.names.has(name)) return block.constants.get(name);
      block = block.parent ?? block.frame.parent;
    }
    return undefined;
  }

  /** Resolves a local name to (frame depth, slot), or undefined for non-locals. */
  resolve(name: string): LocalRef | undefined {
    let depth = 0;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- walking the scope chain
    let block: BlockScope | undefined = this;
    let frame = this.frame;
    while (block !== undefined) {
      const slot = block.names.get(name);
      if (slot !== undefined) return { depth, slot };
      if (block.parent !== undefined) {
        block = block.parent;
      } else {
        block = frame.parent;
        if (block === undefined) return undefined;
        frame = block.frame;
        depth++;
      }
    }
    return undefined;
  }

  /** All local names visible here (for "did you mean" suggestions). */
  visibleNames(): string[] {
    const out: string[] = [];
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- walking the scope chain
    let block: BlockScope | undefined = this;
    while (block !== undefined) {
      out.push(...block.names.keys());
      block = block.parent ?? block.frame.parent;
    }
    return out;
  }
}
