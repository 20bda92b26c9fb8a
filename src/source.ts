import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IConstruct } from 'constructs';
import type { SourceLocation } from './errors';

/**
 * Type of the construct metadata entry (`construct.node.metadata`) that records the line of user code that created a
 * construct. Its `data` serializes (`toJSON`) to a {@link SourceLocation}, or null when no frame of user code was
 * found; read it with {@link sourceOf}.
 */
export const SOURCE_METADATA_TYPE = 'podwright:source';

// The caller of `new` comes first (see recordSource), so one frame is enough for code that creates its Pods itself;
// the rest step over a few layers of construct libraries in node_modules. Each frame kept costs about 64 bytes per
// construct (measured on Node 20: 300 bytes with 1 frame, 430 with 3, 870 with 10); time does not depend on it.
const FRAMES = 4;

// podwright's own construct modules: the files directly in this folder (src/*.ts, or lib/*.js once built). Its
// subfolders are not the library's constructs (src/charts/ is this repository's own app, user code to podwright).
const LIBRARY = __dirname;

/**
 * Where a construct was created, kept as V8's captured stack: the frames are recorded when the construct is made, the
 * text (and, under tsx or `--enable-source-maps`, the source-mapped TypeScript line) only when a violation asks for it.
 */
class CreationSite {
  private resolved?: SourceLocation | null;

  constructor(private readonly trace: { stack?: string }) {}

  /** The first frame of user code, or undefined when every frame is library code or Node's own. */
  public get location(): SourceLocation | undefined {
    if (this.resolved === undefined) this.resolved = firstUserFrame(this.trace.stack ?? '') ?? null;
    return this.resolved ?? undefined;
  }

  /** What `JSON.stringify(construct.node.metadata)` writes for this entry. */
  public toJSON(): SourceLocation | null {
    return this.location ?? null;
  }
}

/**
 * Records, as construct metadata, the line of user code that created `construct`: the caller of `new createdBy(...)`,
 * else the first frame after it that is neither podwright's own constructs, nor in node_modules (cdk8s, constructs,
 * other construct libraries), nor Node's own. Call it from the constructor with `new.target`, so that a user's
 * subclass of Pod reports the line that made the subclass.
 */
export function recordSource(construct: IConstruct, createdBy: NewableFunction): void {
  const trace: { stack?: string } = {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = FRAMES;
  try {
    Error.captureStackTrace(trace, createdBy);
  } finally {
    Error.stackTraceLimit = limit;
  }
  construct.node.addMetadata(SOURCE_METADATA_TYPE, new CreationSite(trace));
}

/**
 * The line of user code that created `construct`, or of its nearest enclosing construct that recorded one (a podwright
 * Pod or workload records its own; cdk8s-plus-28 objects and raw ApiObjects record none, so they have one only inside
 * a podwright construct). File paths are relative to the working directory when inside it, with forward slashes.
 */
export function sourceOf(construct: IConstruct): SourceLocation | undefined {
  for (let c: IConstruct | undefined = construct; c; c = c.node.scope) {
    for (const entry of c.node.metadata) {
      if (entry.type === SOURCE_METADATA_TYPE && entry.data instanceof CreationSite)
        return entry.data.location;
    }
  }
  return undefined;
}

// `    at new Pod (/app/src/x.ts:12:5)`, `    at /app/src/x.ts:12:5`, `    at f (file:///app/x.mjs:3:9)`.
const FRAME = /^\s*at (?:.*? \()?(.+?):(\d+):(\d+)\)?$/;

function firstUserFrame(stack: string): SourceLocation | undefined {
  for (const line of stack.split('\n').slice(1)) {
    const match = FRAME.exec(line);
    if (!match) continue;
    const file = match[1].startsWith('file://') ? fileURLToPath(match[1]) : match[1];
    if (!path.isAbsolute(file) || /[\\/]node_modules[\\/]/.test(file) || path.dirname(file) === LIBRARY)
      continue;
    return { file: shown(file), line: Number(match[2]), column: Number(match[3]) };
  }
  return undefined;
}

/** `file` relative to the working directory when inside it, with forward slashes, as compilers print paths. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  return (inside ? relative : file).split(path.sep).join('/');
}
