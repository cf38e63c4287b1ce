/**
 * JavaScript `RangeError`s that are RTFS-level failures, classified by what ran out:
 * the stack (deep recursion or nesting), the length of a string, the length of an
 * array, the size of a BigInt. Anything else (a bad count or radix deep in a builtin)
 * is an invalid argument. Classifying runs where the stack may be nearly exhausted, so
 * it calls as little as possible and treats its own failure as a stack overflow.
 */
import type { Span } from '../source/index.js';
import { RtfsError, RuntimeCodes } from './errors.js';
import { noteStackOverflow } from './budget.js';

const STACK = 'Maximum call stack size exceeded';
const STACK_MESSAGE = 'stack depth exceeded (recursion or nesting too deep)';

function make(code: string, message: string, span: Span | undefined): RtfsError {
  return new RtfsError(code, message, span);
}

/** The RTFS error for `e`, a RangeError thrown while evaluating. */
export function fromRangeError(e: RangeError, span: Span | undefined): RtfsError {
  let message: string;
  try {
    message = e.message;
    if (message === STACK)
      return noteStackOverflow(make(RuntimeCodes.stackDepth, STACK_MESSAGE, span));
    if (message === 'Invalid string length')
      return make(
        RuntimeCodes.stringTooLong,
        'a string would be longer than the JavaScript engine allows (about 512 million characters)',
        span,
      );
    if (
      message === 'Invalid array length' ||
      message.startsWith('Array buffer allocation failed') ||
      message.startsWith('Invalid typed array length')
    )
      return make(
        RuntimeCodes.collectionTooLarge,
        'a collection would be larger than the JavaScript engine allows',
        span,
      );
    if (message.startsWith('Maximum BigInt size'))
      return make(RuntimeCodes.integerTooLarge, 'an integer would be too large', span);
    return make(RuntimeCodes.invalidArgument, message, span);
  } catch {
    // Not even room to classify: the stack is what ran out.
    const err = new RtfsError(RuntimeCodes.stackDepth, STACK_MESSAGE, span);
    return noteStackOverflow(err);
  }
}
