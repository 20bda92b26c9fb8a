// Pulumi's entry point (Pulumi.yaml `main`). Pulumi runs it with plain Node (runtime option `typescript: false`,
// because the ts-node Pulumi vendors is too old for this code); tsx compiles the TypeScript program on the fly.
// This is the repository's own stack, run from a clone after `npm ci` (tsx is a devDependency); the npm package
// does not ship it.
require('tsx/cjs');
module.exports = require('./program.ts');
