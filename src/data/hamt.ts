/**
 * The persistent hash trie behind big maps (see docs/adr/0002-collections.md): a CHAMP
 * (compressed hash-array mapped prefix tree; Steindorfer & Vinju, 2015) of 32-way nodes.
 * Each node keeps its entries inline as `[key, value, seq]` triples (`data`, ordered by
 * hash bits) and its children apart (`nodes`); `dataMap`/`nodeMap` say which of the 32
 * hash slices hold which. `seq` is the entry's insertion number: the map's order is the
 * entries sorted by it (map.ts), so the trie needs no second, ordered structure.
 *
 * Functions here never change a node unless it belongs to `edit`, the token of a
 * builder that owns every node it created (a transient, as in Clojure); every other
 * change copies the path from the root. Keys compare with {@link keyEquals}.
 */
import type { Value } from './value.js';
import { equals, hashValue } from './equality.js';

/** A builder's ownership token: nodes created under it may be changed in place. */
export type Edit = object | null;

export class HNode {
  constructor(
    public dataMap: number,
    public nodeMap: number,
    /** `[k0 v0 seq0 k1 v1 seq1 …]`, in the order of the slots' hash bits. */
    public data: Value[],
    public nodes: HNode[],
    public edit: Edit,
    /** Set on nodes of keys whose 32-bit hashes are all equal (`data` is unordered). */
    readonly collision: boolean,
  ) {}
}

export const EMPTY_NODE = new HNode(0, 0, [], [], null, false);

/** Set by {@link assocNode} when it added a key; by {@link dissocNode} when it removed one. */
export const changed = { size: false };

/** Key equality for maps: identity first (a `##NaN` key is found), then structural. */
export function keyEquals(a: Value, b: Value): boolean {
  return (
    a === b ||
    (typeof a === 'object' && a !== null && a.kind !== 'keyword' && equals(a, b as Value))
  );
}

export function keyHash(k: Value): number {
  return typeof k === 'object' && k !== null && k.kind === 'keyword' ? k.hashCode() : hashValue(k);
}

function bitCount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** The value under `k` (hash `h`), or undefined. */
export function getNode(root: HNode, k: Value, h: number): Value | undefined {
  let n = root;
  let shift = 0;
  for (;;) {
    const bit = 1 << ((h >>> shift) & 31);
    if ((n.dataMap & bit) !== 0) {
      const i = 3 * bitCount(n.dataMap & (bit - 1));
      return keyEquals(n.data[i] as Value, k) ? n.data[i + 1] : undefined;
    }
    if ((n.nodeMap & bit) !== 0) {
      n = n.nodes[bitCount(n.nodeMap & (bit - 1))] as HNode;
      shift += 5;
      continue;
    }
    if (n.collision) {
      const d = n.data;
      for (let i = 0; i < d.length; i += 3) if (keyEquals(d[i] as Value, k)) return d[i + 1];
    }
    return undefined;
  }
}

function withData(n: HNode, data: Value[], edit: Edit): HNode {
  if (edit !== null && n.edit === edit) {
    n.data = data;
    return n;
  }
  return new HNode(n.dataMap, n.nodeMap, data, shared(n.nodes, edit), edit, n.collision);
}

/**
 * An array of a node being copied, for the copy: a node owned by a builder may change
 * its arrays in place later, so it must not share them with the node it came from.
 */
function shared<T>(a: T[], edit: Edit): T[] {
  return edit === null ? a : a.slice();
}

/** A node holding two entries whose hashes first differ at or below `shift`. */
function pair(
  shift: number,
  k1: Value,
  v1: Value,
  s1: number,
  h1: number,
  k2: Value,
  v2: Value,
  s2: number,
  h2: number,
  edit: Edit,
): HNode {
  if (h1 === h2) return new HNode(0, 0, [k1, v1, s1, k2, v2, s2], [], edit, true);
  const b1 = (h1 >>> shift) & 31;
  const b2 = (h2 >>> shift) & 31;
  if (b1 === b2) {
    const sub = pair(shift + 5, k1, v1, s1, h1, k2, v2, s2, h2, edit);
    return new HNode(0, 1 << b1, [], [sub], edit, false);
  }
  const data = b1 < b2 ? [k1, v1, s1, k2, v2, s2] : [k2, v2, s2, k1, v1, s1];
  return new HNode((1 << b1) | (1 << b2), 0, data, [], edit, false);
}

/**
 * `n` with `k` → `v` (a new key gets insertion number `seq`), or `n` itself when `k`
 * already maps to `v`. Sets `changed.size` when the key is new.
 */
export function assocNode(
  n: HNode,
  shift: number,
  h: number,
  k: Value,
  v: Value,
  seq: number,
  edit: Edit,
): HNode {
  const bit = 1 << ((h >>> shift) & 31);
  if ((n.dataMap & bit) !== 0) {
    const i = 3 * bitCount(n.dataMap & (bit - 1));
    const d = n.data;
    const key = d[i] as Value;
    if (keyEquals(key, k)) {
      if (d[i + 1] === v) return n;
      if (edit !== null && n.edit === edit) {
        d[i + 1] = v;
        return n;
      }
      const copy = d.slice();
      copy[i + 1] = v;
      return new HNode(n.dataMap, n.nodeMap, copy, shared(n.nodes, edit), edit, false);
    }
    // Two keys share this slot: they move down into a new child.
    changed.size = true;
    const sub = pair(
      shift + 5,
      key,
      d[i + 1] as Value,
      d[i + 2] as number,
      keyHash(key),
      k,
      v,
      seq,
      h,
      edit,
    );
    const data = d.slice(0, i).concat(d.slice(i + 3));
    const j = bitCount(n.nodeMap & (bit - 1));
    const nodes = n.nodes.slice(0, j);
    nodes.push(sub);
    for (let x = j; x < n.nodes.length; x++) nodes.push(n.nodes[x] as HNode);
    return new HNode(n.dataMap ^ bit, n.nodeMap | bit, data, nodes, edit, false);
  }
  if ((n.nodeMap & bit) !== 0) {
    const j = bitCount(n.nodeMap & (bit - 1));
    const child = n.nodes[j] as HNode;
    const next = child.collision
      ? assocCollision(child, shift + 5, h, k, v, seq, edit)
      : assocNode(child, shift + 5, h, k, v, seq, edit);
    if (next === child) return n;
    if (edit !== null && n.edit === edit) {
      n.nodes[j] = next;
      return n;
    }
    const nodes = n.nodes.slice();
    nodes[j] = next;
    return new HNode(n.dataMap, n.nodeMap, shared(n.data, edit), nodes, edit, false);
  }
  changed.size = true;
  const i = 3 * bitCount(n.dataMap & (bit - 1));
  const d = n.data;
  if (edit !== null && n.edit === edit) {
    d.splice(i, 0, k, v, seq);
    n.dataMap |= bit;
    return n;
  }
  const data = new Array<Value>(d.length + 3);
  for (let x = 0; x < i; x++) data[x] = d[x] as Value;
  data[i] = k;
  data[i + 1] = v;
  data[i + 2] = seq;
  for (let x = i; x < d.length; x++) data[x + 3] = d[x] as Value;
  return new HNode(n.dataMap | bit, n.nodeMap, data, shared(n.nodes, edit), edit, false);
}

function assocCollision(
  n: HNode,
  shift: number,
  h: number,
  k: Value,
  v: Value,
  seq: number,
  edit: Edit,
): HNode {
  const d = n.data;
  const h0 = keyHash(d[0] as Value);
  if (h0 !== h) {
    // A different hash reaches this slot: put the collision node one level down.
    const wrap = new HNode(0, 1 << ((h0 >>> shift) & 31), [], [n], edit, false);
    return assocNode(wrap, shift, h, k, v, seq, edit);
  }
  for (let i = 0; i < d.length; i += 3) {
    if (keyEquals(d[i] as Value, k)) {
      if (d[i + 1] === v) return n;
      const copy = d.slice();
      copy[i + 1] = v;
      return withData(n, copy, edit);
    }
  }
  changed.size = true;
  return withData(n, d.concat([k, v, seq]), edit);
}

function isSingle(n: HNode): boolean {
  return n.nodeMap === 0 && n.data.length === 3;
}

/**
 * `n` without `k`: `n` itself when absent, null when nothing is left. A node left with a
 * single entry is returned as is, for the parent to take the entry in.
 * Sets `changed.size` when a key was removed.
 */
export function dissocNode(n: HNode, shift: number, h: number, k: Value): HNode | null {
  if (n.collision) {
    const d = n.data;
    for (let i = 0; i < d.length; i += 3) {
      if (keyEquals(d[i] as Value, k)) {
        changed.size = true;
        return new HNode(0, 0, d.slice(0, i).concat(d.slice(i + 3)), [], null, true);
      }
    }
    return n;
  }
  const bit = 1 << ((h >>> shift) & 31);
  if ((n.dataMap & bit) !== 0) {
    const i = 3 * bitCount(n.dataMap & (bit - 1));
    if (!keyEquals(n.data[i] as Value, k)) return n;
    changed.size = true;
    if (n.data.length === 3 && n.nodeMap === 0) return null;
    const data = n.data.slice(0, i).concat(n.data.slice(i + 3));
    return new HNode(n.dataMap ^ bit, n.nodeMap, data, n.nodes, null, false);
  }
  if ((n.nodeMap & bit) === 0) return n;
  const j = bitCount(n.nodeMap & (bit - 1));
  const child = n.nodes[j] as HNode;
  const next = dissocNode(child, shift + 5, h, k);
  if (next === child) return n;
  if (next === null) {
    if (n.dataMap === 0 && n.nodeMap === bit) return null;
    const nodes = n.nodes.slice(0, j).concat(n.nodes.slice(j + 1));
    return new HNode(n.dataMap, n.nodeMap ^ bit, n.data, nodes, null, false);
  }
  if (isSingle(next)) {
    // Only child and no entries: pass the single entry up; otherwise take it in here.
    if (n.dataMap === 0 && n.nodeMap === bit) return next;
    const i = 3 * bitCount(n.dataMap & (bit - 1));
    const data = n.data.slice(0, i).concat(next.data, n.data.slice(i));
    const nodes = n.nodes.slice(0, j).concat(n.nodes.slice(j + 1));
    return new HNode(n.dataMap | bit, n.nodeMap ^ bit, data, nodes, null, false);
  }
  const nodes = n.nodes.slice();
  nodes[j] = next;
  return new HNode(n.dataMap, n.nodeMap, n.data, nodes, null, false);
}

/** A root holding the single entry `[k v seq]` (for a single entry passed up to the top). */
export function singleRoot(e: readonly Value[]): HNode {
  const k = e[0] as Value;
  return new HNode(1 << (keyHash(k) & 31), 0, e.slice(0, 3), [], null, false);
}

/** Appends every `[k v seq]` triple under `n` to `out` (trie order). */
export function collect(n: HNode, out: Value[]): void {
  const d = n.data;
  for (let i = 0; i < d.length; i++) out.push(d[i] as Value);
  for (const c of n.nodes) collect(c, out);
}
