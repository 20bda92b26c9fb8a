// The report of `podwright validate` for CI: a SARIF 2.1.0 log, which code-scanning tools read, and GitHub Actions
// workflow commands, which become annotations on the lines of a pull request.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isError, showRef, showValue, type Violation } from '../errors';

/** The violation as one line of prose: object, field path, problem, value received, fix. */
function describe(v: Violation): string {
  return `${showRef(v.object)} ${v.path}: ${v.message}, got ${showValue(v.value)}. ${v.fix}`;
}

/**
 * `file` relative to `cwd` with forward slashes, as code scanning and annotations name files of the repository the
 * job checked out; undefined for standard input (`-`) and for a file outside `cwd`.
 */
export function repositoryPath(file: string, cwd: string): string | undefined {
  if (file === '-') return undefined;
  const relative = path.relative(cwd, path.resolve(cwd, file));
  if (
    relative === '' ||
    relative === '..' ||
    relative.startsWith(`..${path.sep}`) ||
    path.isAbsolute(relative)
  )
    return undefined;
  return relative.split(path.sep).join('/');
}

function fileOf(v: Violation): string | undefined {
  return v.source?.file ?? v.object.file;
}

/** The SARIF log's `$schema`: the 2.1.0 schema as GitHub's code scanning documents it. */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

// Read when a SARIF log is written, not at start-up; the same relative path from src/cli and from lib/cli.
function ownPackage(): { name: string; version: string; homepage?: string } {
  return JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
}

/**
 * A SARIF 2.1.0 log of `violations`: one run, one rule per rule id found (described by its first violation's path
 * and message), one result per violation. Files inside `cwd` are relative URIs against `%SRCROOT%` (= `cwd`), as GitHub's code
 * scanning matches them to the repository; files outside are absolute `file:` URIs. The field path and the object
 * are the result's logical location and properties.
 */
export function sarifLog(violations: readonly Violation[], cwd: string): object {
  const own = ownPackage();
  const firsts = new Map<string, Violation>();
  for (const v of violations) if (!firsts.has(v.rule)) firsts.set(v.rule, v);
  const ids = [...firsts.keys()].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const rules = ids.map((id) => {
    const first = firsts.get(id) as Violation;
    return {
      id,
      name: id,
      // Where it was first found, list indexes left out, and what the API server said there.
      shortDescription: { text: `${first.path.replace(/\[\d+\]/g, '[*]')}: ${first.message}` },
      defaultConfiguration: { level: isError(first) ? 'error' : 'warning' },
    };
  });
  const results = violations.map((v) => {
    const file = fileOf(v);
    const relative = file === undefined ? undefined : repositoryPath(file, cwd);
    const artifactLocation =
      relative !== undefined
        ? { uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' }
        : file !== undefined && file !== '-'
          ? { uri: pathToFileURL(path.resolve(cwd, file)).href }
          : undefined;
    const line = v.source?.line;
    const region =
      line === undefined
        ? undefined
        : v.source?.column === undefined
          ? { startLine: line }
          : { startLine: line, startColumn: v.source.column };
    const physicalLocation = artifactLocation ? { physicalLocation: { artifactLocation, region } } : {};
    return {
      ruleId: v.rule,
      ruleIndex: index.get(v.rule),
      level: isError(v) ? 'error' : 'warning',
      message: { text: describe(v) },
      locations: [
        {
          ...physicalLocation,
          logicalLocations: [
            {
              ...(v.path === '' ? {} : { name: v.path }),
              fullyQualifiedName: `${showRef(v.object)} ${v.path}`.trimEnd(),
              kind: 'member',
            },
          ],
        },
      ],
      properties: {
        kind: v.object.kind,
        name: v.object.name,
        ...(v.object.namespace === undefined ? {} : { namespace: v.object.namespace }),
        path: v.path,
        value: v.value === undefined ? null : v.value,
        fix: v.fix,
      },
    };
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: own.name,
            version: own.version,
            informationUri: own.homepage ?? `https://www.npmjs.com/package/${own.name}`,
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(`${path.resolve(cwd)}${path.sep}`).href } },
        // Columns count UTF-16 code units, as JavaScript strings and yaml's offsets do.
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

// @actions/core's escaping (packages/core/src/command.ts): the message escapes %, CR and LF; a property also : and ,.
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One GitHub Actions workflow command per violation (`::error file=F,line=L,col=C,title=RULE::MESSAGE`, `::warning`
 * for a warning), which the runner shows as an annotation on that line. Files are relative to `cwd` (the checked-out
 * repository), absolute when outside it, and left out, with the line, for standard input.
 */
export function githubAnnotations(violations: readonly Violation[], cwd: string): string[] {
  return violations.map((v) => {
    const file = fileOf(v);
    const shown =
      file === undefined || file === '-'
        ? undefined
        : (repositoryPath(file, cwd) ?? path.resolve(cwd, file).split(path.sep).join('/'));
    const properties: [string, string | number | undefined][] = [
      ['file', shown],
      // A line means nothing without its file (standard input).
      ['line', shown === undefined ? undefined : v.source?.line],
      ['col', shown === undefined || v.source?.line === undefined ? undefined : v.source.column],
      ['title', v.rule],
    ];
    const props = properties
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
      .join(',');
    return `::${isError(v) ? 'error' : 'warning'} ${props}::${escapeData(describe(v))}`;
  });
}
