import { Yaml } from 'cdk8s';
import {
  DEFAULT_SCALAR_STYLE_RULES,
  dump,
  SCALAR_STYLE,
  type DumpOptions,
  type ScalarStyleRule,
} from 'js-yaml';
import { Schema } from 'yaml';

/**
 * Patterns under which the `yaml` package (cdk8s's library, read as YAML 1.1, as cdk8s reads and writes) takes a
 * plain scalar for something other than a string. Taken from that library, not written here.
 */
const YAML_1_1_NON_STRING: readonly RegExp[] = new Schema({ schema: 'yaml-1.1' }).tags
  .filter((tag) => tag.default && tag.test && tag.tag !== 'tag:yaml.org,2002:str')
  .map((tag) => tag.test as RegExp);

/** First characters of every string those patterns match (the empty string aside). */
const NON_STRING_START = /^[-+.0-9~<NnYyOoFfTteE]/;

/**
 * js-yaml quotes what YAML 1.2 or its own schema would misread; this also quotes what cdk8s's YAML 1.1 reading
 * would misread (`.`, `e0`, `y`, `0b1`, ...), so the output reads back as the same strings with either library.
 */
const quoteWhatYaml11Misreads: ScalarStyleRule = (layout) => {
  const { node } = layout;
  if (layout.style !== SCALAR_STYLE.PLAIN || node.tag !== 'tag:yaml.org,2002:str') return;
  const value = node.value;
  if (value === '' || (NON_STRING_START.test(value) && YAML_1_1_NON_STRING.some((re) => re.test(value)))) {
    layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
  }
};

const RULES = Object.values(DEFAULT_SCALAR_STYLE_RULES);
const DUMP_OPTIONS: DumpOptions = {
  lineWidth: -1,
  noRefs: true,
  quoteStyle: 'double',
  scalarStyleRules: [...RULES.slice(0, -1), quoteWhatYaml11Misreads, ...RULES.slice(-1)],
};

/**
 * Characters and whole strings whose quoting differs between js-yaml and cdk8s's `yaml` package: a document that
 * has one goes through cdk8s's own writer, so its bytes stay exactly as cdk8s writes them.
 */
const STYLE_DIFFERS = /["\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]|^(?:[-+]?0[oO]|=$|<<$)/;

/**
 * Whether js-yaml writes `value` byte for byte as cdk8s would: a tree (no object twice, so no anchors) of plain
 * objects, arrays, strings without characters the two libraries quote differently, safe integers, booleans and
 * null. Anything else (undefined, floats, class instances, shared objects) is left to cdk8s's writer.
 */
function writesAlike(value: unknown, seen: Set<object>): boolean {
  switch (typeof value) {
    case 'string':
      return !STYLE_DIFFERS.test(value);
    case 'number':
      return Number.isSafeInteger(value) && !Object.is(value, -0);
    case 'boolean':
      return true;
    case 'object': {
      if (value === null) return true;
      if (seen.has(value)) return false;
      seen.add(value);
      if (Array.isArray(value)) {
        for (const item of value) if (!writesAlike(item, seen)) return false;
        return true;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      for (const key in value) {
        if (STYLE_DIFFERS.test(key) || key.includes('\n')) return false;
        if (!writesAlike((value as Record<string, unknown>)[key], seen)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

/**
 * Manifests as one multi-document YAML stream, exactly as cdk8s writes them (`Yaml.stringify`).
 *
 * cdk8s's `yaml` package builds a node tree per document and spent most of synthesis there (about 4 s of 6 for
 * 10,000 Pods); js-yaml writes the same bytes about 3x faster. Documents js-yaml would write differently (see
 * `writesAlike`) still go through cdk8s, and test/yaml.test.ts checks both paths agree on every fixture.
 */
export function stringifyManifests(manifests: readonly unknown[]): string {
  let out = '';
  for (let i = 0; i < manifests.length; i++) {
    if (i > 0) out += '---\n';
    const manifest = manifests[i];
    if (manifest === undefined) out += '\n';
    else out += writesAlike(manifest, new Set()) ? dump(manifest, DUMP_OPTIONS) : Yaml.stringify(manifest);
  }
  return out;
}
