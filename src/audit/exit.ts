/**
 * Chains open in this process are closed (flushed and, with a key, signed) when the
 * process exits normally: one `exit` listener for all of them.
 */
const open = new Set<{ close(): void }>();

function closeAll(): void {
  for (const c of [...open]) {
    try {
      c.close();
    } catch {
      // the process is exiting; a torn tail is recovered at the next open
    }
  }
}

export function closeOnExit(c: { close(): void }): void {
  open.add(c);
  if (open.size === 1) process.on('exit', closeAll);
}

export function forgetOnExit(c: { close(): void }): void {
  if (open.delete(c) && open.size === 0) process.removeListener('exit', closeAll);
}
