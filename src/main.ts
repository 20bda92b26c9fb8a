// The cdk8s entry: `cdk8s.yaml` runs it through `cdk8s synth` (and so `npm run synth`). cdk8s deletes its output
// folder before it runs the app, so that folder is only a staging area: the app synthesizes there and replaces
// dist/ only when everything succeeded, so a failed synth leaves the last good dist/ as it was.
import * as path from 'node:path';
import { buildApp } from './app';
import { synthToDist } from './synth';

// PODWRIGHT_DIST lets tests publish somewhere else than the repository's own dist/.
const dist = process.env.PODWRIGHT_DIST ?? path.resolve(__dirname, '..', 'dist');

process.exitCode = synthToDist({
  build: (outdir) => buildApp({ outdir }),
  dist,
  staging: process.env.CDK8S_OUTDIR,
});
