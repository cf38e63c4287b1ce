/** What builtins may use from their host (output only; effects go through capabilities). */
export interface BuiltinContext {
  /** Writes text to the program's standard output (`println`, `print`). */
  readonly out: (text: string) => void;
  /** Writes a log line (`log`, `tool/log`). */
  readonly log: (text: string) => void;
}
