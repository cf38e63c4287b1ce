// Stands in for `immutable` in the bundles (scripts/build.mjs aliases it). Only
// src/data/map.ts uses immutable.js, for maps of more than 16 entries, so the 64 KB
// library is `require`d on first use instead of being parsed at every startup (about
// 8 ms of `rtfs read`). Export here exactly what src/ imports from 'immutable': a
// missing name fails the build rather than a run.
import { createRequire } from 'node:module';

let immutable;

function load() {
  immutable ??= createRequire(import.meta.url)('immutable');
  return immutable;
}

export function OrderedMap(...args) {
  return load().OrderedMap(...args);
}
