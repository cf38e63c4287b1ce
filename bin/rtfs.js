#!/usr/bin/env node
// CommonJS (bin/package.json), so starting the CLI needs no ES module loader (ADR 0024).
require('../dist/launch.cjs');
