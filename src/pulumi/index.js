// Pulumi's entry point (Pulumi.yaml `main`). Pulumi runs it with plain Node (runtime option `typescript: false`,
// because the ts-node Pulumi vendors is too old for this code); tsx compiles the TypeScript program on the fly.
require('tsx/cjs');
module.exports = require('./program.ts');
