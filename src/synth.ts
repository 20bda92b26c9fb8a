import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PodwrightError } from './errors';

/**
 * Replaces `dist` with the files of `staging` so that `dist` is never half-written: the new tree is copied next to
 * it, then swapped in with renames. A failed synth never reaches this point, so the last good `dist` survives it.
 */
export function publish(staging: string, dist: string): string[] {
  const from = path.resolve(staging);
  const to = path.resolve(dist);
  if (from === to) return listFiles(to);
  const next = `${to}.next-${process.pid}`;
  const old = `${to}.old-${process.pid}`;
  fs.rmSync(next, { recursive: true, force: true });
  fs.cpSync(from, next, { recursive: true });
  const hadDist = fs.existsSync(to);
  if (hadDist) fs.renameSync(to, old);
  fs.renameSync(next, to);
  if (hadDist) fs.rmSync(old, { recursive: true, force: true });
  return listFiles(to);
}

/** Files under `dir`, relative to it, sorted. */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
}

/** Options of `synthToDist`. */
export interface SynthToDistOptions {
  /** Builds the app; called once, with the staging folder as its outdir. */
  readonly build: (outdir: string) => { synth(): void };
  /** Folder the manifests end up in. */
  readonly dist: string;
  /** Folder to synthesize into first. @default a new temporary folder */
  readonly staging?: string;
  /** Where progress goes. @default process.stderr */
  readonly stdout?: (text: string) => void;
  /** Where problems go. @default process.stderr */
  readonly stderr?: (text: string) => void;
}

/**
 * Synthesizes into a staging folder and publishes it to `dist` only when everything succeeded. Returns the process
 * exit code: 0, or 1 with every problem printed and `dist` exactly as it was.
 */
export function synthToDist(options: SynthToDistOptions): number {
  // cdk8s synth swallows the app's stdout, so progress goes to stderr, where the user sees it.
  const stdout = options.stdout ?? ((t: string) => process.stderr.write(t));
  const stderr = options.stderr ?? ((t: string) => process.stderr.write(t));
  const staging = options.staging ?? fs.mkdtempSync(path.join(os.tmpdir(), 'podwright-'));
  try {
    options.build(staging).synth();
  } catch (error) {
    const message =
      error instanceof PodwrightError ? error.message : ((error as Error).stack ?? String(error));
    stderr(`podwright: synth failed, ${options.dist} left as it was.\n${message}\n`);
    return 1;
  }
  const files = publish(staging, options.dist);
  stdout(`podwright: wrote ${files.map((f) => path.join(path.basename(options.dist), f)).join(', ')}\n`);
  return 0;
}
