/**
 * The history file: `RTFS_HISTORY`, else `~/.rtfs_history`. One entry per line, oldest
 * first (node:readline keeps its history newest first); the last 1000 are kept. A form
 * typed over several lines is one entry (Up brings it back whole): it is saved as
 * `#json "…"`, its text as a JSON string — `#j` starts no valid RTFS input, so no
 * one-line entry reads as one.
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
    .map(decodeEntry)
    .reverse();
}

const MULTI_LINE = '#json ';

function encodeEntry(entry: string): string {
  return entry.includes('\n') ? `${MULTI_LINE}${JSON.stringify(entry)}` : entry;
}

function decodeEntry(line: string): string {
  if (!line.startsWith(MULTI_LINE)) return line;
  try {
    const v: unknown = JSON.parse(line.slice(MULTI_LINE.length));
    return typeof v === 'string' ? v : line;
  } catch {
    return line;
  }
}

/**
 * Replaces the last `count` entries of readline's history (newest first: the lines of
 * a form typed over several lines) with the whole form as one entry.
 */
export function mergeLastLines(history: string[], lines: readonly string[]): void {
  let removed = 0;
  for (let i = lines.length - 1; i >= 0 && removed < history.length; i--) {
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    const at = history.indexOf(line);
    if (at < 0 || at > lines.length) continue;
    history.splice(at, 1);
    removed++;
  }
  const entry = lines.join('\n');
  const dup = history.indexOf(entry);
  if (dup >= 0) history.splice(dup, 1);
  history.unshift(entry);
}

/** Saves readline's history (newest first) oldest first; a failure is reported once. */
export function saveHistory(file: string, history: readonly string[]): string | undefined {
  try {
    const lines = history.slice(0, HISTORY_SIZE).reverse().map(encodeEntry);
    writeFileSync(file, lines.length === 0 ? '' : `${lines.join('\n')}\n`);
    return undefined;
  } catch (e) {
    return `cannot save the history to ${file}: ${(e as Error).message}`;
  }
}
