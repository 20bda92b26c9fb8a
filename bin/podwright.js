#!/usr/bin/env node
// The `podwright` command (package.json bin). tsx compiles the TypeScript sources on the fly, so the CLI works
// right after `npm ci`, with no build step.
require('tsx/cjs');
const { main, processIo } = require('../src/cli/index.ts');

main(process.argv.slice(2), processIo).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`podwright: internal error: ${(error && error.stack) || error}\n`);
    process.exitCode = 70;
  },
);
