// Tests use the Chevrotain reader directly (the CLI loads it lazily instead).
import '../src/syntax/full.js';
