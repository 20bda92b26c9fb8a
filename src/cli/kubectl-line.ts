/**
 * A kubectl command line as github.com/spf13/pflag parses it (`--f=v`, `--f v`, `-abc`, `-nVALUE`, `--`, positionals
 * interspersed with flags), shared by `from-run` and `from-create`. Each command gives its own flag table and
 * its own error type.
 */

/** How pflag stores a flag: the last value wins (`bool`, `string`), or every value is kept (`stringArray`). */
export type FlagKind = 'bool' | 'string' | 'stringArray';

/** How podwright treats a flag: builds from it, accepts and ignores it, or refuses it with a reason. */
export type Handling = { readonly use: true } | { readonly ignore: string } | { readonly reject: string };

/** One flag of a kubectl command. */
export interface FlagSpec {
  /** Long name, without dashes. */
  readonly name: string;
  /** One-letter short name, without the dash. @default none */
  readonly short?: string;
  readonly kind: FlagKind;
  readonly handling: Handling;
  /** Value taken when the flag is given without one (pflag NoOptDefVal); bool flags take "true". @default none */
  readonly noOptDefault?: string;
}

/** A flag table podwright builds from. */
export const USE = { use: true } as const;

/** A parsed command line. */
export interface ParsedLine {
  /** Last value of each string/bool flag, every value of each stringArray flag, as given. */
  readonly values: Map<string, string[]>;
  /** Positional arguments (the command words, NAME, then the container arguments). */
  readonly positionals: string[];
  /** How many positionals came before `--` (cobra's ArgsLenAtDash, before the command path is removed); -1 without `--`. */
  readonly argsLenAtDash: number;
}

/** A kubectl command line podwright cannot turn into an object: a usage error, exit code 2. */
export class KubectlLineError extends Error {
  /** Process exit code for the CLI: 2, a usage error. */
  public readonly exitCode = 2 as const;
  /** The flag (or argument) at fault, e.g. `--image`, `NAME`; empty when not known. */
  public readonly flag: string;

  constructor(message: string, flag = '') {
    super(message);
    this.name = new.target.name;
    this.flag = flag;
  }
}

/** Builds a refusal that reads `flag: problem, got value. fix`, as an error of class `E`. */
export function refusal<E extends KubectlLineError>(
  make: new (message: string, flag: string) => E,
): (flag: string, problem: string, got: string | undefined, fix: string) => E {
  return (flag, problem, got, fix) =>
    new make(`${flag}: ${problem}${got === undefined ? '' : `, got ${got}`}. ${fix}`, flag);
}

/** What the parser calls to build the command's own error: `flag: problem[, got value]. fix`. */
export type Refuse = (flag: string, problem: string, got: string | undefined, fix: string) => Error;

/** Parses `argv` with the flags in `flags`; `unknownFlag` throws for a flag not in the table. */
export function parseLine(
  argv: readonly string[],
  flags: readonly FlagSpec[],
  refuse: Refuse,
  unknownFlag: (flag: string) => never,
): ParsedLine {
  const byName = new Map(flags.map((f) => [f.name, f]));
  const byShort = new Map(flags.filter((f) => f.short).map((f) => [f.short as string, f]));
  const values = new Map<string, string[]>();
  const positionals: string[] = [];
  let argsLenAtDash = -1;
  const set = (spec: FlagSpec, value: string) => {
    const list = spec.kind === 'stringArray' ? (values.get(spec.name) ?? []) : [];
    values.set(spec.name, [...list, value]);
  };

  let i = 0;
  while (i < argv.length) {
    const arg = argv[i++];
    if (arg === '--') {
      argsLenAtDash = positionals.length;
      positionals.push(...argv.slice(i));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      const spec = byName.get(name);
      if (!spec) unknownFlag(arg);
      if (eq >= 0) set(spec, arg.slice(eq + 1));
      else if (spec.kind === 'bool') set(spec, 'true');
      else if (spec.noOptDefault !== undefined) set(spec, spec.noOptDefault);
      else if (i < argv.length) set(spec, argv[i++]);
      else throw refuse(`--${name}`, 'flag needs a value', undefined, `Write --${name}=VALUE`);
    } else if (arg.startsWith('-') && arg.length > 1) {
      // pflag parseSingleShortArg: `-it`, `-lkey=value`, `-l key=value`, `-n=ns`.
      let rest = arg.slice(1);
      while (rest.length > 0) {
        const c = rest[0];
        const spec = byShort.get(c);
        if (!spec) unknownFlag(`-${c}`);
        if (rest.length > 2 && rest[1] === '=') {
          set(spec, rest.slice(2));
          rest = '';
        } else if (spec.kind === 'bool' || spec.noOptDefault !== undefined) {
          set(spec, spec.noOptDefault ?? 'true');
          rest = rest.slice(1);
        } else if (rest.length > 1) {
          set(spec, rest.slice(1));
          rest = '';
        } else if (i < argv.length) {
          set(spec, argv[i++]);
          rest = '';
        } else {
          throw refuse(`-${c}`, 'flag needs a value', undefined, `Write -${c} VALUE`);
        }
      }
    } else {
      positionals.push(arg);
    }
  }
  return { values, positionals, argsLenAtDash };
}

/** The last value given for flag `name`, or undefined when it was not given. */
export function last(parsed: ParsedLine, name: string): string | undefined {
  const list = parsed.values.get(name);
  return list?.[list.length - 1];
}

/** The bool flag `name` as strconv.ParseBool reads it (pflag's `--flag=value`); false when not given. */
export function bool(parsed: ParsedLine, name: string, refuse: Refuse): boolean {
  const raw = last(parsed, name);
  if (raw === undefined) return false;
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(raw)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(raw)) return false;
  throw refuse(`--${name}`, 'not a boolean', JSON.stringify(raw), `Write --${name} or --${name}=false`);
}

/**
 * Refuses what needs a cluster or prints something other than the object: `--dry-run=server` or a bad value
 * (cmdutil.GetDryRunStrategy), and `-o` other than yaml or json.
 */
export function checkDryRunAndOutput(parsed: ParsedLine, refuse: Refuse): void {
  const dryRun = last(parsed, 'dry-run');
  // `--dry-run` alone is the deprecated spelling of --dry-run=client, and so are the true values of
  // strconv.ParseBool (GetDryRunStrategy).
  const clientSide = ['client', 'none', 'unchanged', '1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F'];
  if (dryRun !== undefined && ![...clientSide, 'FALSE', 'false', 'False'].includes(dryRun)) {
    if (dryRun === 'server') {
      throw refuse(
        '--dry-run',
        'server dry-run needs a cluster',
        '"server"',
        'Use --dry-run=client; podwright builds what the client prints',
      );
    }
    throw refuse('--dry-run', 'invalid dry-run value', JSON.stringify(dryRun), 'Use --dry-run=client');
  }
  const output = last(parsed, 'output');
  if (output !== undefined && output !== 'yaml' && output !== 'json') {
    throw refuse(
      '--output',
      'podwright returns the object, not a printed form',
      JSON.stringify(output),
      'Use -o yaml or -o json, or leave -o out',
    );
  }
}
