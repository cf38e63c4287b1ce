/**
 * `ccos.user.ask` in the REPL. Capability calls are synchronous (ADR 0007), and the
 * terminal belongs to the front end's readline: the worker posts the question, then
 * blocks in `Atomics.wait` until the front end has read the answer (with
 * `readline.question`) and written it into a shared buffer.
 */
const HEADER = 8; // Int32 state (0 waiting, 1 answered, 2 no answer) + Int32 byte length
const CAPACITY = 64 * 1024;

export function makeAnswerBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER + CAPACITY);
}

/** Worker side: asks through `post` and waits for the answer (undefined: none). */
export function askThrough(
  buffer: SharedArrayBuffer,
  post: (prompt: string) => void,
): (prompt: string) => string | undefined {
  const header = new Int32Array(buffer, 0, 2);
  const bytes = new Uint8Array(buffer, HEADER);
  return (prompt) => {
    Atomics.store(header, 0, 0);
    post(prompt);
    Atomics.wait(header, 0, 0);
    if (Atomics.load(header, 0) !== 1) return undefined;
    const n = Atomics.load(header, 1);
    return new TextDecoder().decode(bytes.slice(0, n));
  };
}

/** Front-end side: hands `answer` (undefined: no answer) to the waiting worker. */
export function answer(buffer: SharedArrayBuffer, text: string | undefined): void {
  const header = new Int32Array(buffer, 0, 2);
  if (text !== undefined) {
    const encoded = new TextEncoder().encode(text).slice(0, CAPACITY);
    new Uint8Array(buffer, HEADER).set(encoded);
    Atomics.store(header, 1, encoded.length);
  }
  Atomics.store(header, 0, text === undefined ? 2 : 1);
  Atomics.notify(header, 0);
}
