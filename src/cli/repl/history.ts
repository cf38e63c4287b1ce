/**
 * The history file: `RTFS_HISTORY`, else `~/.rtfs_history`. One entry per line, oldest
 * first (node:readline keeps its history newest first); the last 1000 are kept.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const HISTORY_SIZE = 1000;

export function historyFile(env: Readonly<Record<string, string | undefined>>): string {
  const override = env['RTFS_HISTORY'];
  return override !== undefined && override !== '' ? override : join(homedir(), '.rtfs_history');
}

/** The saved history, newest first (readline's order); empty when there is none. */
export function loadHistory(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(-HISTORY_SIZE)
    .reverse();
}

/** Saves readline's history (newest first) oldest first; a failure is reported once. */
export function saveHistory(file: string, history: readonly string[]): string | undefined {
  try {
    const lines = history.slice(0, HISTORY_SIZE).reverse();
    writeFileSync(file, lines.length === 0 ? '' : `${lines.join('\n')}\n`);
    return undefined;
  } catch (e) {
    return `cannot save the history to ${file}: ${(e as Error).message}`;
  }
}
