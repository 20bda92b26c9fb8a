import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COUNT,
  DEFAULT_SEED,
  Rng,
  TEMPLATE_PATHS,
  addSecurityOrScheduling,
  deleteField,
  docsPods,
  duplicateEntry,
  fuzzSettings,
  harden,
  misspell,
  misspellKey,
  mutant,
  nullEntry,
  replaceValue,
} from './fuzz';

const pod = () => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'x' },
  spec: { containers: [{ name: 'app', image: 'nginx', command: ['sh', '-c', 'true'] }] },
});

describe('the mutation fuzzer', () => {
  it('makes the same mutant from the same seed and index, and others from others', () => {
    const bases = docsPods();
    expect(bases.length).toBeGreaterThanOrEqual(30);
    expect(mutant(7, 42, bases)).toEqual(mutant(7, 42, bases));
    const objects = new Set(
      Array.from({ length: 200 }, (_, i) => JSON.stringify(mutant(7, i, bases).object)),
    );
    expect(objects.size).toBeGreaterThan(190);
    expect(JSON.stringify(mutant(8, 42, bases))).not.toEqual(JSON.stringify(mutant(7, 42, bases)));
  });

  it('uses every kind of mutation, and never touches apiVersion, kind or metadata.namespace', () => {
    const bases = docsPods();
    const edits = Array.from({ length: 500 }, (_, i) => mutant(7, i, bases)).flatMap((m) => {
      expect(m.object.apiVersion).toBe('v1');
      expect(m.object.kind).toBe('Pod');
      return m.edits.map((e) => e.split(' ')[0]);
    });
    for (const kind of [
      'replace',
      'delete',
      'misspell',
      'duplicate',
      'null',
      'set',
      'add',
      'harden',
      'annotate',
    ]) {
      expect(edits).toContain(kind);
    }
  });

  it('applies each mutation to a Pod', () => {
    const rng = new Rng(1);
    for (const m of [
      replaceValue,
      deleteField,
      misspellKey,
      duplicateEntry,
      nullEntry,
      addSecurityOrScheduling(),
    ]) {
      const object: Record<string, any> = pod();
      let done: string | undefined;
      for (let i = 0; i < 5 && !done; i++) done = m(object, rng);
      expect(done).toBeTruthy();
      expect(object).not.toEqual(pod());
      expect(object.metadata?.namespace ?? 'x').toBe('x');
    }
  });

  it('misspells a key the way hands do', () => {
    const rng = new Rng(3);
    const typos = new Set(Array.from({ length: 50 }, () => misspell('command', rng)));
    expect(typos.has('command')).toBe(false);
    expect([...typos].some((t) => t === 'comand' || t === 'Command' || t === 'commands')).toBe(true);
  });

  it('hardens a Pod for restricted, and reaches a workload template', () => {
    const object: Record<string, any> = pod();
    harden(object);
    expect(object.spec.securityContext).toEqual({
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(object.spec.containers[0].securityContext).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
    const deployment: Record<string, any> = { spec: { template: { spec: pod().spec } } };
    expect(addSecurityOrScheduling(TEMPLATE_PATHS)(deployment, new Rng(5))).toBeTruthy();
    expect(deployment.spec.template.spec).not.toEqual(pod().spec);
  });

  it('reads seed and count from the environment, with fixed defaults', () => {
    expect(fuzzSettings({})).toEqual({ seed: DEFAULT_SEED, count: DEFAULT_COUNT });
    expect(fuzzSettings({ PODWRIGHT_FUZZ_SEED: '11', PODWRIGHT_FUZZ_COUNT: '300' })).toEqual({
      seed: 11,
      count: 300,
    });
    expect(DEFAULT_COUNT).toBeGreaterThanOrEqual(5000);
  });
});
