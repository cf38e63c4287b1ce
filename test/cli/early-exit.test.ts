import { describe, expect, it } from 'vitest';
import {
  endsEarly,
  idle,
  writesOnlyThroughIo,
  type ProcessState,
} from '../../src/cli/early-exit.js';

const quiet: ProcessState = {
  resources: [],
  stdioStreams: 0,
  beforeExitListeners: 0,
  pendingBytes: 0,
};

describe('endsEarly', () => {
  it('is for the commands that run a program to completion', () => {
    expect(endsEarly(['run', 'x.rtfs'])).toBe(true);
    expect(endsEarly(['eval', '(+ 1 2)'])).toBe(true);
    expect(endsEarly(['plan', 'list open issues'])).toBe(true);
    for (const c of ['repl', 'lsp', 'fmt', 'x.rtfs']) expect(endsEarly([c])).toBe(false);
    expect(endsEarly([])).toBe(false);
  });
});

describe('writesOnlyThroughIo', () => {
  it('holds for run, eval and plan, whose output may bypass Node streams (ADR 0051)', () => {
    for (const c of ['run', 'eval', 'plan']) expect(writesOnlyThroughIo([c, 'x'])).toBe(true);
    // The REPL and the language server write process.stdout themselves.
    for (const c of ['repl', 'lsp', 'x.rtfs']) expect(writesOnlyThroughIo([c])).toBe(false);
    expect(writesOnlyThroughIo([])).toBe(false);
  });
});

describe('idle', () => {
  it('holds when only the standard streams in use own handles', () => {
    expect(idle(quiet)).toBe(true);
    expect(idle({ ...quiet, resources: ['PipeWrap'], stdioStreams: 1 })).toBe(true);
    expect(idle({ ...quiet, resources: ['TTYWrap', 'PipeWrap'], stdioStreams: 2 })).toBe(true);
  });

  it('does not hold while a timer, socket, child process or file request is alive', () => {
    for (const r of ['Timeout', 'TCPSocketWrap', 'ProcessWrap', 'FSReqCallback', 'Immediate']) {
      expect(idle({ ...quiet, resources: [r], stdioStreams: 2 })).toBe(false);
    }
  });

  it('does not hold for more pipes or terminals than streams in use', () => {
    expect(idle({ ...quiet, resources: ['PipeWrap', 'PipeWrap'], stdioStreams: 1 })).toBe(false);
    expect(idle({ ...quiet, resources: ['PipeWrap'], stdioStreams: 0 })).toBe(false);
  });

  it('does not hold with output still buffered or a beforeExit listener', () => {
    expect(idle({ ...quiet, pendingBytes: 1 })).toBe(false);
    expect(idle({ ...quiet, beforeExitListeners: 1 })).toBe(false);
  });
});
