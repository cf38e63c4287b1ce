// Preloaded (`node -r`) into every process of the peer comparison: at exit, report the
// process's CPU time (user + system, all threads) on stderr for bench/peers/measure.ts.
/* global process */
'use strict';
process.on('exit', () => {
  const u = process.cpuUsage();
  process.stderr.write(`\n@@cpu-ms ${(u.user + u.system) / 1000}\n`);
});
