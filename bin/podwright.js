#!/usr/bin/env node
// The `podwright` command (package.json bin). An installed package runs the built JavaScript in lib/. Inside the
// repository, where the TypeScript sources are the truth and lib/ may be missing or older than them, the sources
// run directly, so the command works right after `npm ci` with no build step.
const fs = require('node:fs');
const path = require('node:path');

const sources = path.join(__dirname, '..', 'src', 'cli', 'index.ts');

/**
 * Lets require() load the TypeScript sources, compiled by esbuild (a devDependency) as tsc compiles them for lib/:
 * to CommonJS, with each command's `import()` turned into a `require()`. (tsx would leave those import() calls to
 * Node's ESM loader, whose hooks run in a worker thread and double the start-up.) Compiled files are cached under
 * node_modules/.cache, keyed by path, size and modification time, so esbuild runs only for changed files.
 */
function requireTypeScript() {
  const crypto = require('node:crypto');
  const Module = require('node:module');
  const cache = path.join(__dirname, '..', 'node_modules', '.cache', 'podwright', 'bin');
  let esbuild;
  Module._extensions['.ts'] = (module, filename) => {
    const stat = fs.statSync(filename);
    const key = crypto.createHash('sha1').update(`${filename}\0${stat.size}\0${stat.mtimeMs}`).digest('hex');
    const cached = path.join(cache, `${key}.js`);
    let code;
    try {
      code = fs.readFileSync(cached, 'utf8');
    } catch {
      esbuild ??= require('esbuild');
      code = esbuild.transformSync(fs.readFileSync(filename, 'utf8'), {
        loader: 'ts',
        format: 'cjs',
        target: 'node20',
        sourcefile: filename,
        supported: { 'dynamic-import': false },
      }).code;
      fs.mkdirSync(cache, { recursive: true });
      fs.writeFileSync(`${cached}.${process.pid}`, code);
      fs.renameSync(`${cached}.${process.pid}`, cached); // atomic: parallel runs never read half a file
    }
    module._compile(code, filename);
  };
}

let cli;
if (fs.existsSync(sources)) {
  requireTypeScript();
  cli = require(sources);
} else {
  cli = require('../lib/cli/index.js');
}

cli.main(process.argv.slice(2), cli.processIo).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`podwright: internal error: ${(error && error.stack) || error}\n`);
    process.exitCode = 70;
  },
);
