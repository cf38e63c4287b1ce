/**
 * The persistent trie behind vectors that have been changed other than at the end
 * (see RVector): Clojure's PersistentVector design, a 32-way trie of leaves holding
 * every element before the tail, and a tail buffer of the last 1…32 elements, so
 * `conj` touches only the tail and `assoc` copies one path of at most log32(n) nodes.
 *
 * The tail is shared between versions as vectors share their flat array: the longest
 * owner of a tail appends to it in place, and every version reads only its own `count`
 * elements, so `conj` does not copy the tail. Nodes are never changed after they are
 * built. See docs/adr/0020-collection-fast-paths.md.
 */
import type { Value } from './value.js';

/** An inner node holds child nodes, a leaf holds elements; both at most 32. */
type VNode = readonly unknown[];

export interface VTrie {
  /** Bits to shift the index by at the root: 5 when the root's children are leaves. */
  readonly shift: number;
  readonly root: VNode;
  /** Elements from the tail offset on; may be longer than this version's tail. */
  readonly tail: Value[];
}

/** The index of the tail's first element in a vector of `count` elements. */
function tailOffset(count: number): number {
  return count < 32 ? 0 : ((count - 1) >>> 5) << 5;
}

/** The element at `i` (0 ≤ i < count). */
export function trieGet(t: VTrie, count: number, i: number): Value {
  if (i >= tailOffset(count)) return t.tail[i & 31] as Value;
  let node = t.root;
  for (let level = t.shift; level > 0; level -= 5) node = node[(i >>> level) & 31] as VNode;
  return node[i & 31] as Value;
}

/** A trie of the first `n` elements of `arr`. */
export function trieOf(arr: readonly Value[], n: number): VTrie {
  const off = tailOffset(n);
  let nodes: VNode[] = [];
  for (let i = 0; i < off; i += 32) nodes.push(arr.slice(i, i + 32));
  let shift = 5;
  while (nodes.length > 32) {
    const up: VNode[] = [];
    for (let i = 0; i < nodes.length; i += 32) up.push(nodes.slice(i, i + 32));
    nodes = up;
    shift += 5;
  }
  return { shift, root: nodes, tail: arr.slice(off, n) };
}

/** The trie with `v` appended to a vector of `count` elements. */
export function trieConj(t: VTrie, count: number, v: Value): VTrie {
  const inTail = count - tailOffset(count);
  if (inTail < 32) {
    if (t.tail.length === inTail) {
      // The longest owner of this tail: append in place (shorter versions never see it).
      t.tail.push(v);
      return t;
    }
    const tail = t.tail.slice(0, inTail);
    tail.push(v);
    return { shift: t.shift, root: t.root, tail };
  }
  // The tail is full: it becomes a leaf of the trie.
  const leaf = t.tail.slice(0, 32);
  if (count >>> 5 > 1 << t.shift)
    return { shift: t.shift + 5, root: [t.root, newPath(t.shift, leaf)], tail: [v] };
  return { shift: t.shift, root: pushLeaf(count, t.shift, t.root, leaf), tail: [v] };
}

function newPath(level: number, node: VNode): VNode {
  return level === 0 ? node : [newPath(level - 5, node)];
}

function pushLeaf(count: number, level: number, parent: VNode, leaf: VNode): VNode {
  const sub = ((count - 1) >>> level) & 31;
  const out = parent.slice();
  if (level === 5) out[sub] = leaf;
  else {
    const child = parent[sub] as VNode | undefined;
    out[sub] =
      child === undefined ? newPath(level - 5, leaf) : pushLeaf(count, level - 5, child, leaf);
  }
  return out;
}

/** The trie with element `i` (0 ≤ i < count) replaced by `v`. */
export function trieAssoc(t: VTrie, count: number, i: number, v: Value): VTrie {
  const off = tailOffset(count);
  if (i >= off) {
    const tail = t.tail.slice(0, count - off);
    tail[i & 31] = v;
    return { shift: t.shift, root: t.root, tail };
  }
  return { shift: t.shift, root: assocPath(t.shift, t.root, i, v), tail: t.tail };
}

function assocPath(level: number, node: VNode, i: number, v: Value): VNode {
  const out = node.slice();
  if (level === 0) out[i & 31] = v;
  else {
    const sub = (i >>> level) & 31;
    out[sub] = assocPath(level - 5, node[sub] as VNode, i, v);
  }
  return out;
}

/** The first `count` elements, in a fresh array. */
export function trieToArray(t: VTrie, count: number): Value[] {
  const out = new Array<Value>(count);
  const off = tailOffset(count);
  let o = 0;
  const walk = (node: VNode, level: number): void => {
    if (level === 0) for (let j = 0; j < node.length && o < off; j++) out[o++] = node[j] as Value;
    else for (const c of node) walk(c as VNode, level - 5);
  };
  walk(t.root, t.shift);
  for (let j = 0; o < count; j++) out[o++] = t.tail[j] as Value;
  return out;
}
