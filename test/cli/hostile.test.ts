// Input a new user (or an attacker) may hand `podwright validate`: it ends as a clear message and exit 2, never as an
// internal error (a thrown exception, exit 70) or a hang.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from './run-cli';

const ROOT = path.resolve(__dirname, '..', '..');
const SEED = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'seed', '10-pod.yaml'), 'utf8');

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'podwright-hostile-'));
}

/** The "billion laughs": nine levels of nine aliases each, about 387 million strings once expanded. */
function aliasBomb(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return `${lines.join('\n')}\n`;
}

/** A small deterministic generator (mulberry32), so a failing fuzz case can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('hostile and odd input to podwright validate', () => {
  it('fails when a YAML alias bomb is given, with a clear message and exit 2', async () => {
    const r = await run(['validate', '-'], aliasBomb());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('-: refused: its aliases expand to too many nodes');
    expect(r.stderr).toContain('Write the objects without aliases');
  });

  it('reads each real file once in a folder with a symbolic link loop', async () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'pod.yaml'), SEED);
    fs.symlinkSync(dir, path.join(dir, 'loop'));
    fs.symlinkSync(path.join(dir, 'pod.yaml'), path.join(dir, 'same-pod.yaml'));
    const r = await run(['validate', '--profile', 'privileged', dir, path.join(dir, 'pod.yaml')]);
    expect(r).toMatchObject({ code: 0, stdout: 'ok: 1 Pod(s) valid\n' });
  });

  it('fails when the input holds no object, saying nothing was checked', async () => {
    const empty = tmpDir();
    expect(await run(['validate', empty])).toMatchObject({ code: 2, stdout: '' });
    expect((await run(['validate', empty])).stderr).toContain('found no .yaml, .yml or .json file');
    const r = await run(['validate', '-'], '---\n# nothing here\n---\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('-: found 1 file(s) but no object, so nothing was checked');
  });

  it('never ends in an internal error on random bytes or truncated YAML (seeded fuzz)', async () => {
    const next = random(20261129);
    const inputs: string[] = [];
    for (let i = 0; i < 40; i++) {
      const bytes = Buffer.from(
        Array.from({ length: 1 + Math.floor(next() * 200) }, () => Math.floor(next() * 256)),
      );
      inputs.push(bytes.toString('latin1'));
    }
    for (let i = 0; i < 60; i++) inputs.push(SEED.slice(0, Math.floor(next() * SEED.length)));
    for (let i = 0; i < 20; i++) {
      const cut = Math.floor(next() * SEED.length);
      inputs.push(SEED.slice(0, cut) + String.fromCharCode(Math.floor(next() * 128)) + SEED.slice(cut + 1));
    }
    for (const [i, input] of inputs.entries()) {
      const r = await run(['validate', '-'], input);
      expect([0, 1, 2], `input ${i}: ${JSON.stringify(input)}\n${r.stderr}`).toContain(r.code);
    }
  });
});
