// Writes src/validation/schema/k8s-<minor>.json: the field tables of the kinds podwright validates, read from a
// real kube-apiserver's /openapi/v3 documents. Never edit those files by hand; regenerate them:
//
//   npx tsx scripts/generate-schema.ts --kubeconfig /path/to/kubeconfig        # asks the server with kubectl
//   npx tsx scripts/generate-schema.ts --from DIR --version 1.28               # DIR/api_v1.json, ... saved before
//
// The server's version (from /version) names the file. Output is sorted and stable: the same server gives the
// same bytes.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The OpenAPI documents that hold every type reachable from the root kinds. */
const DOCUMENTS = ['api/v1', 'apis/apps/v1', 'apis/batch/v1'];

/** Kinds whose objects the walker checks, as `apiVersion/kind`, and their OpenAPI schema names. */
const ROOTS: Record<string, string> = {
  'v1/Pod': 'io.k8s.api.core.v1.Pod',
  'v1/PodTemplate': 'io.k8s.api.core.v1.PodTemplate',
  'v1/ReplicationController': 'io.k8s.api.core.v1.ReplicationController',
  'apps/v1/DaemonSet': 'io.k8s.api.apps.v1.DaemonSet',
  'apps/v1/Deployment': 'io.k8s.api.apps.v1.Deployment',
  'apps/v1/ReplicaSet': 'io.k8s.api.apps.v1.ReplicaSet',
  'apps/v1/StatefulSet': 'io.k8s.api.apps.v1.StatefulSet',
  'batch/v1/CronJob': 'io.k8s.api.batch.v1.CronJob',
  'batch/v1/Job': 'io.k8s.api.batch.v1.Job',
};

/** Types whose JSON form is not an object with properties: each decodes by its own rule. */
const SPECIAL: Record<string, string> = {
  'io.k8s.apimachinery.pkg.api.resource.Quantity': 'quantity',
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': 'intstr',
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': 'string',
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': 'string',
};

interface Schema {
  type?: string;
  format?: string;
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
}

function parseArgs(argv: string[]): { kubeconfig?: string; from?: string; version?: string; out: string } {
  const out: { kubeconfig?: string; from?: string; version?: string; out: string } = {
    out: path.join(__dirname, '..', 'src', 'validation', 'schema'),
  };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag}: missing value`);
    if (flag === '--kubeconfig') out.kubeconfig = value;
    else if (flag === '--from') out.from = value;
    else if (flag === '--version') out.version = value;
    else if (flag === '--out') out.out = value;
    else throw new Error(`unknown flag ${flag}; use --kubeconfig FILE or --from DIR --version 1.NN`);
  }
  if (!out.kubeconfig && !out.from) throw new Error('give --kubeconfig FILE or --from DIR --version 1.NN');
  return out;
}

function getRaw(kubeconfig: string, url: string): string {
  return execFileSync('kubectl', ['--kubeconfig', kubeconfig, 'get', '--raw', url], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** The short name a table uses for an OpenAPI schema name: `core.v1.Container`, `meta.v1.ObjectMeta`. */
function shortName(name: string): string {
  return name
    .replace(/^io\.k8s\.api\./, '')
    .replace(/^io\.k8s\.apimachinery\.pkg\.apis\.meta\./, 'meta.')
    .replace(/^io\.k8s\.apimachinery\.pkg\./, '');
}

function refName(ref: string): string {
  return ref.replace(/^#\/components\/schemas\//, '');
}

/**
 * The shape of one field: `string`, `int32`, `int64`, `number`, `boolean`, `intstr`, `quantity`, `any` (free-form,
 * nothing is checked inside), `[X` (list of X), `{X` (map of X), or a type name (an object with known fields).
 */
function shapeOf(s: Schema, schemas: Record<string, Schema>, pending: string[]): string {
  if (s.$ref) return refShape(refName(s.$ref), schemas, pending);
  if (s.allOf && s.allOf.length === 1) return shapeOf(s.allOf[0], schemas, pending);
  if (s['x-kubernetes-preserve-unknown-fields']) return 'any';
  if (s['x-kubernetes-int-or-string'] || s.format === 'int-or-string') return 'intstr';
  switch (s.type) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'integer':
      return s.format === 'int32' ? 'int32' : 'int64';
    case 'array':
      return `[${s.items ? shapeOf(s.items, schemas, pending) : 'any'}`;
    case 'object':
      if (s.properties) throw new Error(`inline object schema with properties: ${JSON.stringify(s)}`);
      if (s.additionalProperties && typeof s.additionalProperties === 'object') {
        return `{${shapeOf(s.additionalProperties, schemas, pending)}`;
      }
      return 'any';
    default:
      throw new Error(`unsupported schema: ${JSON.stringify(s).slice(0, 300)}`);
  }
}

function refShape(name: string, schemas: Record<string, Schema>, pending: string[]): string {
  if (SPECIAL[name]) return SPECIAL[name];
  const s = schemas[name];
  if (!s) throw new Error(`missing schema ${name}`);
  if (!s.properties) return shapeOf(s, schemas, pending);
  pending.push(name);
  return shortName(name);
}

/** The table of one server version: every type reachable from ROOTS, fields sorted. */
function buildTables(schemas: Record<string, Schema>, server: string): object {
  const types: Record<string, Record<string, string>> = {};
  const pending: string[] = [];
  const kinds: Record<string, string> = {};
  for (const key of Object.keys(ROOTS).sort()) kinds[key] = refShape(ROOTS[key], schemas, pending);
  while (pending.length > 0) {
    const name = pending.pop() as string;
    const short = shortName(name);
    if (types[short]) continue;
    const fields: Record<string, string> = {};
    types[short] = fields;
    const props = schemas[name].properties ?? {};
    for (const field of Object.keys(props).sort()) fields[field] = shapeOf(props[field], schemas, pending);
  }
  const sortedTypes: Record<string, Record<string, string>> = {};
  for (const key of Object.keys(types).sort()) sortedTypes[key] = types[key];
  return {
    generated: `by scripts/generate-schema.ts from the /openapi/v3 documents of kube-apiserver ${server}; do not edit`,
    kinds,
    types: sortedTypes,
  };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const docs: Record<string, { components: { schemas: Record<string, Schema> } }> = {};
  let server: string;
  if (args.kubeconfig) {
    const kubeconfig = args.kubeconfig;
    server = (JSON.parse(getRaw(kubeconfig, '/version')) as { gitVersion: string }).gitVersion;
    for (const doc of DOCUMENTS) docs[doc] = JSON.parse(getRaw(kubeconfig, `/openapi/v3/${doc}`));
  } else {
    if (!args.version) throw new Error('--from needs --version 1.NN (or v1.NN.P)');
    server = args.version.startsWith('v') ? args.version : `v${args.version}`;
    for (const doc of DOCUMENTS) {
      const file = path.join(args.from as string, `${doc.replace(/\//g, '_')}.json`);
      docs[doc] = JSON.parse(fs.readFileSync(file, 'utf8'));
    }
  }
  const schemas: Record<string, Schema> = {};
  for (const doc of DOCUMENTS) Object.assign(schemas, docs[doc].components.schemas);
  const minor = server.replace(/^v/, '').split('.').slice(0, 2).join('.');
  const file = path.join(args.out, `k8s-${minor}.json`);
  fs.writeFileSync(file, `${JSON.stringify(buildTables(schemas, server), null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), file)} from kube-apiserver ${server}`);
}

main();
