/** Entry point of the `rtfs` command (bundled to dist/cli.cjs, which dist/launch.js runs). */
import { runCli } from './program.js';
import { nodeIo } from './io.js';

void runCli(process.argv.slice(2), nodeIo()).then((code) => {
  process.exitCode = code;
});
