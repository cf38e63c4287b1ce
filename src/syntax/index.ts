export { read, setFullReader, hasFullReader, type FullReader, type ReadOptions } from './read.js';
export { type ReadResult, type Comment, isIncomplete } from './read-result.js';
export { COLON, isColon, gluedColonName, misplacedColon, type ColonProblem } from './colon.js';
export { shebangEnd } from './shebang.js';
export { fastReadData } from './fast-reader-data.js';
