/** Every `rtfs` subcommand, in the order `rtfs --help` lists them. */
import type { RegisterCommand } from '../command.js';
import { registerRead } from './read.js';
import { registerRun } from './run.js';
import { registerEval } from './eval.js';
import { registerChain } from './chain.js';
import { registerPlan } from './plan.js';
import { registerFmt } from './fmt.js';
import { registerCheck } from './check.js';
import { registerRepl } from './repl.js';
import { registerCompile } from './compile.js';
import { registerLsp } from './lsp.js';

/** Each subcommand's name and the function that adds it to the program. */
export const commandTable: readonly (readonly [string, RegisterCommand])[] = [
  ['read', registerRead],
  ['run', registerRun],
  ['eval', registerEval],
  ['plan', registerPlan],
  ['chain', registerChain],
  ['fmt', registerFmt],
  ['check', registerCheck],
  ['repl', registerRepl],
  ['compile', registerCompile],
  ['lsp', registerLsp],
];
