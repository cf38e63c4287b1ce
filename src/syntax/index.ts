export { read, setFullReader, hasFullReader, type FullReader, type ReadOptions } from './read.js';
export { type ReadResult, type Comment, isIncomplete } from './read-result.js';
