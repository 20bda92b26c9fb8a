import * as fs from 'node:fs';
import * as path from 'node:path';
import * as YAML from 'yaml';

/** One object read from a file, with where it came from. */
export interface SourcedManifest {
  /** File it was read from (`-` for standard input). */
  readonly file: string;
  /** The parsed object. */
  readonly manifest: unknown;
}

/** Input the CLI cannot use at all: a missing file, unparsable YAML. Exit code 2. */
export class InputError extends Error {
  /** Process exit code for the CLI. */
  public readonly exitCode = 2 as const;
}

const MANIFEST_FILE = /\.(ya?ml|json)$/i;

/** Files named by `paths`: files as given, folders walked for .yaml/.yml/.json (sorted), `-` as is. */
export function expandPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (p === '-') {
      out.push(p);
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      throw new InputError(`${p}: no such file or folder. Check the path.`);
    }
    if (!stat.isDirectory()) {
      out.push(p);
      continue;
    }
    const found = (fs.readdirSync(p, { recursive: true }) as string[])
      .filter((f) => MANIFEST_FILE.test(f) && fs.statSync(path.join(p, f)).isFile())
      .sort()
      .map((f) => path.join(p, f));
    out.push(...found);
  }
  return out;
}

/**
 * Every object in `text` (YAML or JSON, several documents allowed). Empty documents are skipped; `kind: List`
 * objects are expanded to their items, as kubectl does.
 */
export function parseManifests(text: string, file: string): SourcedManifest[] {
  const docs = YAML.parseAllDocuments(text, { prettyErrors: true });
  const out: SourcedManifest[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      throw new InputError(`${file}: not valid YAML or JSON: ${doc.errors[0].message.split('\n')[0]}`);
    }
    const value = doc.toJS({ maxAliasCount: 1000 });
    if (value === null || value === undefined) continue;
    const isList = typeof value === 'object' && value.kind === 'List' && Array.isArray(value.items);
    for (const manifest of isList ? value.items : [value]) out.push({ file, manifest });
  }
  return out;
}

/** Reads and parses every object under `paths`; `readStdin` supplies `-`. */
export function readManifests(paths: readonly string[], readStdin: () => string): SourcedManifest[] {
  return expandPaths(paths).flatMap((file) => {
    let text: string;
    try {
      text = file === '-' ? readStdin() : fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new InputError(`${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? error}).`);
    }
    return parseManifests(text, file);
  });
}
