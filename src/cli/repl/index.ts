export { runRepl, PROMPT, CONTINUATION } from './frontend.js';
export { InputAccumulator, parseCommand, COMMANDS, type Input } from './input.js';
export { complete, type CompleterResult } from './completion.js';
export { ReplSession, ReplCodes, collectKeywords } from './session.js';
export { runCommand, HELP } from './commands.js';
export { formatValue } from './printing.js';
export { historyFile, loadHistory, saveHistory } from './history.js';
export type { Completions, ReplFlags } from './protocol.js';
