import { randomBytes } from 'node:crypto';

/** A UUIDv7: 48 bits of Unix milliseconds, then random bits (time-ordered ids). */
export function uuidv7(now = Date.now(), bytes: () => Buffer = cryptoBytes): string {
  const b = bytes();
  b.writeUIntBE(now, 0, 6);
  b[6] = ((b[6] as number) & 0x0f) | 0x70;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function cryptoBytes(): Buffer {
  return randomBytes(16);
}

/**
 * 16 bytes from `Math.random`: for ids that no chain records (the sink only counts), where
 * loading node:crypto would be most of the cost of a small run (ADR 0037). Not
 * unpredictable; unique in practice (74 random bits per UUIDv7 within a millisecond).
 */
export function mathRandomBytes(): Buffer {
  const b = Buffer.allocUnsafe(16);
  for (let i = 0; i < 16; i += 4) b.writeUInt32BE(Math.floor(Math.random() * 0x1_0000_0000), i);
  return b;
}
