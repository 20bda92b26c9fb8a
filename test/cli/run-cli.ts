// The CLI as the tests run it: in process, with standard input given and its output collected.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli';

/** What one run of the CLI printed, and its exit code. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `podwright ARGS` in process, with `stdin` as standard input. */
export async function runCli(args: string[], stdin = ''): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stdin: () => stdin,
  });
  return { code, stdout, stderr };
}

/** Writes `text` to a file called `name` in a new temporary folder; its path. */
export function tmpFile(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podwright-cli-'));
  fs.writeFileSync(path.join(dir, name), text);
  return path.join(dir, name);
}

/** Line and column (1-based) of the first `needle` in `text` after the first `after`, by plain string search. */
export function at(text: string, needle: string, after = ''): { line: number; column: number } {
  const from = text.indexOf(after);
  const offset = text.indexOf(needle, from + after.length);
  if (from < 0 || offset < 0) throw new Error(`test text has no ${JSON.stringify(needle)}`);
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}
