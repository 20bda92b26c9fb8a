// A real Kubernetes control plane for the tests: etcd + kube-apiserver started from envtest assets, and a small
// client that asks it, by server-side dry run, what it says about an object. Test support code, not shipped.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { isPlainObject } from '../../src/json';
import { type KubeVersion, isKubeVersion } from '../../src/kube-version';
import type { Profile } from '../../src/profile';

/**
 * The versions the server suite runs against, when their assets are present. A version joins once podwright
 * agrees with its server.
 */
export const SUITE_VERSIONS: readonly KubeVersion[] = ['1.28', '1.33'];

/** What to do when no assets are found: the one line the suite prints. */
export const HOW_TO_GET_ASSETS =
  "get kube-apiserver and etcd with controller-runtime's `setup-envtest use 1.28.x` and set " +
  'KUBEBUILDER_ASSETS to the folder it prints (several folders, one per version, separated by ":")';

/** One folder of envtest assets: the two binaries of one Kubernetes version. */
export interface Assets {
  /** Folder holding `kube-apiserver` and `etcd`. */
  readonly folder: string;
  /** Minor version podwright validates for, e.g. `1.28`. */
  readonly version: KubeVersion;
  /** What `kube-apiserver --version` prints, e.g. `v1.28.7`. */
  readonly fullVersion: string;
}

/** The asset folders `KUBEBUILDER_ASSETS` names, and why any named folder is unusable. */
export function findAssets(variable: string | undefined = process.env.KUBEBUILDER_ASSETS): {
  assets: Assets[];
  problems: string[];
} {
  const assets: Assets[] = [];
  const problems: string[] = [];
  for (const folder of (variable ?? '').split(':').filter((f) => f !== '')) {
    const apiserver = path.join(folder, 'kube-apiserver');
    if (!fs.existsSync(apiserver) || !fs.existsSync(path.join(folder, 'etcd'))) {
      problems.push(`${folder}: no kube-apiserver and etcd there`);
      continue;
    }
    const printed = execFileSync(apiserver, ['--version'], { encoding: 'utf8' });
    const parsed = parseServerVersion(printed);
    if (!parsed) {
      problems.push(`${folder}: kube-apiserver ${printed.trim()} is not a version podwright supports`);
      continue;
    }
    if (assets.some((a) => a.version === parsed.version)) {
      problems.push(`${folder}: a second folder for ${parsed.version}, ignored`);
      continue;
    }
    assets.push({ folder, ...parsed });
  }
  return { assets, problems };
}

/** `Kubernetes v1.28.7` as printed by `kube-apiserver --version`, read as podwright's version. */
export function parseServerVersion(
  printed: string,
): { version: KubeVersion; fullVersion: string } | undefined {
  const match = /v(\d+)\.(\d+)\.\d+\S*/.exec(printed);
  if (!match) return undefined;
  const version = `${match[1]}.${match[2]}`;
  return isKubeVersion(version) ? { version, fullVersion: match[0] } : undefined;
}

/** How tests reach one running API server (plain data: it crosses from the global setup to the test workers). */
export interface ServerInfo {
  readonly version: KubeVersion;
  readonly fullVersion: string;
  /** `https://127.0.0.1:PORT`. */
  readonly url: string;
  /** Bearer token of a `system:masters` user. */
  readonly token: string;
}

/** A control plane this process started. */
export interface ControlPlane extends ServerInfo {
  /** Milliseconds from spawning etcd to a ready `/readyz`. */
  readonly startMs: number;
  /** Stops both processes by pid and removes the temporary folder. */
  stop(): Promise<void>;
}

interface Running {
  readonly dir: string;
  readonly children: ChildProcess[];
}

/** Every control plane still running, so exit and signal handlers can clean up after a crash or a Ctrl-C. */
const running = new Set<Running>();

function killNow(r: Running): void {
  for (const child of r.children) {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  fs.rmSync(r.dir, { recursive: true, force: true });
  running.delete(r);
}

let handlersInstalled = false;
function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', () => [...running].forEach(killNow));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      [...running].forEach(killNow);
      process.kill(process.pid, signal);
    });
  }
}

/** A TCP port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function waitExit(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      resolve();
    }, ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function tail(file: string, lines = 15): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Starts etcd and kube-apiserver from `assets` on loopback, on free ports, in a fresh temporary folder, with
 * the flags of the envtest README, and resolves once `/readyz` answers 200.
 */
export async function startControlPlane(assets: Assets, readyTimeoutMs = 90_000): Promise<ControlPlane> {
  installHandlers();
  const started = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `podwright-apiserver-${assets.version}-`));
  const r: Running = { dir, children: [] };
  running.add(r);
  try {
    const token = crypto.randomBytes(24).toString('hex');
    const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    fs.writeFileSync(path.join(dir, 'sa.pub'), publicKey);
    fs.writeFileSync(path.join(dir, 'sa.key'), privateKey, { mode: 0o600 });
    fs.writeFileSync(path.join(dir, 'tokens.csv'), `${token},admin,admin,system:masters\n`, { mode: 0o600 });
    fs.mkdirSync(path.join(dir, 'certs'));
    const [client, peer, secure] = [await freePort(), await freePort(), await freePort()];
    const etcdUrl = `http://127.0.0.1:${client}`;
    const spawnLogged = (binary: string, args: string[], log: string): ChildProcess => {
      const out = fs.openSync(path.join(dir, log), 'w');
      const child = spawn(path.join(assets.folder, binary), args, { stdio: ['ignore', out, out] });
      fs.closeSync(out);
      r.children.push(child);
      return child;
    };
    spawnLogged(
      'etcd',
      [
        `--data-dir=${path.join(dir, 'etcd')}`,
        `--listen-client-urls=${etcdUrl}`,
        `--advertise-client-urls=${etcdUrl}`,
        `--listen-peer-urls=http://127.0.0.1:${peer}`,
      ],
      'etcd.log',
    );
    const apiserver = spawnLogged(
      'kube-apiserver',
      [
        `--etcd-servers=${etcdUrl}`,
        '--bind-address=127.0.0.1',
        `--secure-port=${secure}`,
        `--cert-dir=${path.join(dir, 'certs')}`,
        `--token-auth-file=${path.join(dir, 'tokens.csv')}`,
        '--authorization-mode=RBAC',
        '--allow-privileged=true',
        '--service-account-issuer=https://kubernetes.default.svc',
        `--service-account-key-file=${path.join(dir, 'sa.pub')}`,
        `--service-account-signing-key-file=${path.join(dir, 'sa.key')}`,
        '--service-cluster-ip-range=10.0.0.0/24',
        '--disable-admission-plugins=ServiceAccount',
      ],
      'kube-apiserver.log',
    );
    const info: ServerInfo = {
      version: assets.version,
      fullVersion: assets.fullVersion,
      url: `https://127.0.0.1:${secure}`,
      token,
    };
    const probe = new ApiClient(info, 1);
    try {
      for (;;) {
        if (apiserver.exitCode !== null || apiserver.signalCode !== null) {
          throw new Error(`kube-apiserver exited:\n${tail(path.join(dir, 'kube-apiserver.log'))}`);
        }
        if (Date.now() - started > readyTimeoutMs) {
          throw new Error(
            `kube-apiserver not ready after ${readyTimeoutMs} ms:\n${tail(path.join(dir, 'kube-apiserver.log'))}`,
          );
        }
        const ready = await probe.request('GET', '/readyz').then(
          (res) => res.status === 200,
          () => false,
        );
        if (ready) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    } finally {
      probe.close();
    }
    const startMs = Date.now() - started;
    return {
      ...info,
      startMs,
      stop: async () => {
        for (const child of [...r.children].reverse()) {
          if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
            process.kill(child.pid, 'SIGTERM');
          }
          await waitExit(child, 10_000);
        }
        killNow(r);
      },
    };
  } catch (error) {
    killNow(r);
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The client

/** What the server says about one object. */
export interface ServerVerdict {
  /** Whether the dry run succeeded (2xx). */
  readonly allowed: boolean;
  /** HTTP status code. */
  readonly code: number;
  /** `Status.reason` (`Invalid`, `Forbidden`, `BadRequest`, ...), empty when allowed. */
  readonly reason: string;
  /** `Status.message`, empty when allowed. */
  readonly message: string;
  /** Field paths of `Status.details.causes`. */
  readonly causes: string[];
  /** The `Warning` headers' texts. */
  readonly warnings: string[];
}

/** One HTTP answer of the API server. */
export interface ApiResponse {
  readonly status: number;
  readonly body: any;
  readonly warnings: string[];
}

interface Resource {
  readonly plural: string;
  readonly namespaced: boolean;
}

/** Kinds whose plural is not `kind + s`, or that are cluster-scoped. Anything else: lower-case kind plus `s`. */
const RESOURCES: Record<string, Resource> = {
  Endpoints: { plural: 'endpoints', namespaced: true },
  Ingress: { plural: 'ingresses', namespaced: true },
  NetworkPolicy: { plural: 'networkpolicies', namespaced: true },
  PodDisruptionBudget: { plural: 'poddisruptionbudgets', namespaced: true },
  HorizontalPodAutoscaler: { plural: 'horizontalpodautoscalers', namespaced: true },
  Namespace: { plural: 'namespaces', namespaced: false },
  PriorityClass: { plural: 'priorityclasses', namespaced: false },
  RuntimeClass: { plural: 'runtimeclasses', namespaced: false },
  ClusterRole: { plural: 'clusterroles', namespaced: false },
  ClusterRoleBinding: { plural: 'clusterrolebindings', namespaced: false },
  PersistentVolume: { plural: 'persistentvolumes', namespaced: false },
  StorageClass: { plural: 'storageclasses', namespaced: false },
};

/**
 * The collection URL path an object of this kind is created in: `/api/v1/namespaces/NS/pods`,
 * `/apis/apps/v1/namespaces/NS/deployments`, ...
 */
export function collectionPath(apiVersion: string, kind: string, namespace: string): string {
  const resource = RESOURCES[kind] ?? { plural: `${kind.toLowerCase()}s`, namespaced: true };
  const base = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
  return resource.namespaced
    ? `${base}/namespaces/${encodeURIComponent(namespace)}/${resource.plural}`
    : `${base}/${resource.plural}`;
}

/** The texts of `Warning: 299 - "text"` headers (RFC 7234 form, as the API server writes them). */
export function parseWarnings(rawHeaders: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if (rawHeaders[i].toLowerCase() !== 'warning') continue;
    const match = /^\d{3} \S+ "((?:[^"\\]|\\.)*)"/.exec(rawHeaders[i + 1]);
    out.push(match ? match[1].replace(/\\(.)/g, '$1') : rawHeaders[i + 1]);
  }
  return out;
}

/** Labels of a namespace whose Pod Security admission enforces and warns at `profile`. */
export function profileLabels(profile: Profile): Record<string, string> {
  return {
    'pod-security.kubernetes.io/enforce': profile,
    'pod-security.kubernetes.io/warn': profile,
  };
}

let namespaceCount = 0;

/** A small client of one API server: keep-alive HTTPS, bearer token, TLS not verified (loopback only). */
export class ApiClient {
  private readonly agent: https.Agent;
  private readonly base: URL;

  constructor(
    public readonly server: ServerInfo,
    maxSockets = 16,
  ) {
    this.base = new URL(server.url);
    this.agent = new https.Agent({ keepAlive: true, maxSockets, rejectUnauthorized: false });
  }

  /** One request; the body is sent as JSON (a Buffer as it is: raw JSON text) and read as JSON. Network errors reject. */
  request(method: string, urlPath: string, body?: unknown): Promise<ApiResponse> {
    const payload =
      body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = https.request(
        {
          agent: this.agent,
          host: this.base.hostname,
          port: this.base.port,
          method,
          path: urlPath,
          headers: {
            authorization: `Bearer ${this.server.token}`,
            accept: 'application/json',
            ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = JSON.parse(text);
            } catch {
              // plain text (readyz)
            }
            resolve({ status: res.statusCode ?? 0, body: parsed, warnings: parseWarnings(res.rawHeaders) });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /**
   * What the server says about creating `object` in `namespace`: a server-side dry run with strict field
   * validation (`?dryRun=All&fieldValidation=Strict`, what `kubectl create` sends). Nothing is stored.
   */
  async dryRunCreate(object: unknown, namespace: string): Promise<ServerVerdict> {
    const obj = isPlainObject(object) ? object : {};
    const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : 'v1';
    const kind = typeof obj.kind === 'string' ? obj.kind : 'Pod';
    const url = `${collectionPath(apiVersion, kind, namespace)}?dryRun=All&fieldValidation=Strict`;
    const res = await this.request('POST', url, object);
    const allowed = res.status >= 200 && res.status < 300;
    const status = allowed || !isPlainObject(res.body) ? {} : res.body;
    const details = isPlainObject(status.details) ? status.details : {};
    const causes = Array.isArray(details.causes) ? details.causes : [];
    return {
      allowed,
      code: res.status,
      reason: typeof status.reason === 'string' ? status.reason : '',
      message: typeof status.message === 'string' ? status.message : allowed ? '' : String(res.body),
      causes: causes
        .map((c: unknown) => (isPlainObject(c) && typeof c.field === 'string' ? c.field : ''))
        .filter((f: string) => f !== ''),
      warnings: res.warnings,
    };
  }

  /**
   * A fresh namespace (names are never reused: nothing finishes deleting one here) whose Pod Security admission
   * enforces and warns at `profile`, or carries `labels`.
   */
  async namespace(
    profile: Profile | 'all',
    prefix = 'podwright',
    labels: Record<string, string> = profile === 'all' ? {} : profileLabels(profile),
  ): Promise<string> {
    const name = `${prefix}-${profile}-${process.pid}-${Date.now().toString(36)}-${namespaceCount++}`;
    const res = await this.request('POST', '/api/v1/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name, labels },
    });
    if (res.status !== 201) {
      throw new Error(`creating namespace ${name}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
    }
    return name;
  }

  /** Closes the kept-alive connections. */
  close(): void {
    this.agent.destroy();
  }
}

/** `fn` over `items` with at most `limit` calls in flight; results in input order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
