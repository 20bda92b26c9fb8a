#!/usr/bin/env node
// The `podwright` command (package.json bin). An installed package runs the built JavaScript in lib/. Inside the
// repository, where the TypeScript sources are the truth and lib/ may be missing or older than them, tsx (a
// devDependency) compiles the sources on the fly, so the command works right after `npm ci` with no build step.
const fs = require('node:fs');
const path = require('node:path');

const sources = path.join(__dirname, '..', 'src', 'cli', 'index.ts');

/** The CLI module: the sources through tsx in a clone, the build in an installed package. */
async function loadCli() {
  if (!fs.existsSync(sources)) return require('../lib/cli/index.js');
  // What `node --import tsx` loads: hooks for require() and for import(), which the CLI uses to load each command.
  await import('tsx');
  return require(sources);
}

loadCli()
  .then((cli) => cli.main(process.argv.slice(2), cli.processIo))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`podwright: internal error: ${(error && error.stack) || error}\n`);
      process.exitCode = 70;
    },
  );
