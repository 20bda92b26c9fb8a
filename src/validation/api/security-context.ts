import * as kubeVersionModule from '../../kube-version';
import type { Ctx, Json } from './context';
import * as contextModule from './context';
import * as formatsModule from './formats';

// Bound once, like the sibling functions below: a call through the CommonJS export getter costs a lookup each time.
const { atLeast } = kubeVersionModule;

// Functions of sibling modules are bound once here: run through tsx (CommonJS), every `import { f }` call
// otherwise goes through an export getter, which cost a fifth of validation time (docs/performance.md).
const { arr, bool, int64, isObj, obj, optStr, str, supported, item } = contextModule;
const { dns1123Subdomain, hasBackstep } = formatsModule;

const ID_MAX = 2147483647;
const SECCOMP_TYPES = ['Localhost', 'RuntimeDefault', 'Unconfined'];
const FS_GROUP_CHANGE_POLICIES = ['OnRootMismatch', 'Always'];
const APPARMOR_TYPES = ['Localhost', 'RuntimeDefault', 'Unconfined'];
const APPARMOR_LOCALHOST_MAX = 4095;
const SUPPLEMENTAL_GROUPS_POLICIES = ['Merge', 'Strict'];
const PROC_MOUNT_TYPES = ['Default', 'Unmasked'];
// SysctlContainSlashFmt from pkg/apis/core/validation: segments joined by '.' or '/', at most 253 chars.
const SYSCTL_NAME = /^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$/;
const SYSCTL_MAX = 253;
const IPC_SYSCTLS = new Set([
  'kernel.shm_rmid_forced',
  'kernel.shmmax',
  'kernel.shmmni',
  'kernel.shmall',
  'kernel.msgmax',
  'kernel.msgmnb',
  'kernel.msgmni',
  'kernel.sem',
]);
const GMSA_SPEC_MAX = 64 * 1024;
const DOMAIN_MAX = 256;
const USER_MAX = 104;
// validWindowsUserDomainDNSRegex / validNetBiosRegex / invalidUserNameCharsRegex / invalidUserNameDotsSpacesRegex
const NETBIOS_DOMAIN = /^[^\\/:*?"<>|.][^\\/:*?"<>|]{0,14}$/;
const DNS_DOMAIN =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)*[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;
const USER_BAD_CHARS = /["/\\:;|=,+*?<>@[\]]/;
const USER_DOTS_SPACES = /^[. ]+$/;

// The first problem validateWindowsSecurityContextOptions finds in a DOMAIN\User name, if any.
function runAsUserNameError(name: string): string | undefined {
  const parts = name.split('\\');
  if (parts.length > 2) return 'runAsUserName cannot contain more than one backslash';
  const domain = parts.length === 2 ? parts[0] : '';
  const user = parts.length === 2 ? parts[1] : parts[0];
  if (domain.length >= DOMAIN_MAX)
    return `runAsUserName's Domain length must be under ${DOMAIN_MAX} characters`;
  if (parts.length === 2 && !NETBIOS_DOMAIN.test(domain) && !DNS_DOMAIN.test(domain)) {
    return "runAsUserName's Domain doesn't match the NetBios nor the DNS format";
  }
  if (user.length === 0) return "runAsUserName's User cannot be empty";
  if (user.length > USER_MAX)
    return `runAsUserName's User length must not be longer than ${USER_MAX} characters`;
  if (USER_DOTS_SPACES.test(user)) return "runAsUserName's User cannot contain only periods or spaces";
  if (USER_BAD_CHARS.test(user))
    return `runAsUserName's User cannot contain the following characters: "/\\:;|=,+*?<>@[]`;
  return undefined;
}
const CONTROL_CHARS = /[\x00-\x1f\x7f]/;

function checkId(ctx: Ctx, v: unknown, scPath: string, field: string, rule: string, what: string): void {
  const id = int64(v);
  if (id !== undefined && (id < 0 || id > ID_MAX)) {
    ctx.add(
      `${scPath}.${field}`,
      id,
      rule,
      `must be between 0 and ${ID_MAX}, inclusive`,
      `Use a ${what} between 0 and ${ID_MAX}.`,
    );
  }
}

/** validateSeccompProfileField: type is one of three values; localhostProfile required iff Localhost. */
function validateSeccomp(ctx: Ctx, v: unknown, scPath: string): void {
  const sp = obj(v);
  if (!sp) return;
  const type = str(sp.type);
  if (!type) {
    ctx.add(
      `${scPath}.seccompProfile.type`,
      sp.type,
      'securityContext.seccompProfile.type.required',
      'type is required when seccompProfile is set',
      'Set type to RuntimeDefault, Localhost or Unconfined.',
    );
  } else if (!SECCOMP_TYPES.includes(type)) {
    ctx.add(
      `${scPath}.seccompProfile.type`,
      type,
      'securityContext.seccompProfile.type.unsupported',
      supported(SECCOMP_TYPES),
      'Use RuntimeDefault, Localhost or Unconfined.',
    );
  }
  const local = optStr(sp.localhostProfile);
  if (type === 'Localhost') {
    if (local === undefined) {
      ctx.add(
        `${scPath}.seccompProfile.localhostProfile`,
        undefined,
        'securityContext.seccompProfile.localhostProfile.required',
        'must be set when seccomp type is Localhost',
        'Set localhostProfile to the profile path relative to the kubelet seccomp directory.',
      );
    } else {
      validateLocalDescendingPath(
        ctx,
        local,
        `${scPath}.seccompProfile.localhostProfile`,
        'securityContext.seccompProfile.localhostProfile',
      );
    }
  } else if (local !== undefined) {
    ctx.add(
      `${scPath}.seccompProfile.localhostProfile`,
      local,
      'securityContext.seccompProfile.localhostProfile.forbidden',
      'can only be set when seccomp type is Localhost',
      'Remove localhostProfile or set type to Localhost.',
    );
  }
}

/**
 * validateAppArmorProfileField (1.30+, so 1.33 only here): type is one of three values; localhostProfile is set,
 * unpadded and at most 4095 bytes iff Localhost. A 1.28 server does not know the field.
 */
function validateAppArmor(ctx: Ctx, v: unknown, scPath: string): void {
  const ap = obj(v);
  if (!ap) return;
  const type = str(ap.type);
  const local = optStr(ap.localhostProfile);
  if (type === 'Localhost') {
    if (local === undefined || local === '') {
      ctx.add(
        `${scPath}.appArmorProfile.localhostProfile`,
        local,
        'securityContext.appArmorProfile.localhostProfile.required',
        'must be set when AppArmor type is Localhost',
        'Set localhostProfile to the name of a profile loaded on the node.',
      );
    } else if (local.trim() !== local) {
      ctx.add(
        `${scPath}.appArmorProfile.localhostProfile`,
        local,
        'securityContext.appArmorProfile.localhostProfile.padded',
        'must not be padded with whitespace',
        'Remove the spaces around the profile name.',
      );
    }
    if (local !== undefined && Buffer.byteLength(local) > APPARMOR_LOCALHOST_MAX) {
      ctx.add(
        `${scPath}.appArmorProfile.localhostProfile`,
        local,
        'securityContext.appArmorProfile.localhostProfile.tooLong',
        `may not be more than ${APPARMOR_LOCALHOST_MAX} bytes`,
        'Use a shorter profile name.',
      );
    }
  } else if (type === 'RuntimeDefault' || type === 'Unconfined') {
    if (local !== undefined) {
      ctx.add(
        `${scPath}.appArmorProfile.localhostProfile`,
        local,
        'securityContext.appArmorProfile.localhostProfile.forbidden',
        'can only be set when AppArmor type is Localhost',
        'Remove localhostProfile or set type to Localhost.',
      );
    }
  } else if (!type) {
    ctx.add(
      `${scPath}.appArmorProfile.type`,
      ap.type,
      'securityContext.appArmorProfile.type.required',
      'type is required when appArmorProfile is set',
      'Set type to RuntimeDefault, Localhost or Unconfined.',
    );
  } else {
    ctx.add(
      `${scPath}.appArmorProfile.type`,
      type,
      'securityContext.appArmorProfile.type.unsupported',
      supported(APPARMOR_TYPES),
      'Use RuntimeDefault, Localhost or Unconfined.',
    );
  }
}

/** validateLocalDescendingPath: relative, without '..' elements. */
export function validateLocalDescendingPath(ctx: Ctx, p: string, path: string, rule: string): void {
  if (p.startsWith('/')) {
    ctx.add(path, p, `${rule}.relative`, 'must be a relative path', 'Remove the leading "/".');
  }
  if (hasBackstep(p)) {
    ctx.add(
      path,
      p,
      `${rule}.backsteps`,
      "must not contain '..'",
      'Use a path below the volume root without "..".',
    );
  }
}

/** validateWindowsSecurityContextOptions: the basics (credential spec name and size, user name). */
function validateWindowsOptions(ctx: Ctx, v: unknown, scPath: string): void {
  const w = obj(v);
  if (!w) return;
  const specName = optStr(w.gmsaCredentialSpecName);
  if (specName !== undefined) {
    const msg = dns1123Subdomain(specName);
    if (msg)
      ctx.add(
        `${scPath}.windowsOptions.gmsaCredentialSpecName`,
        specName,
        'securityContext.windowsOptions.gmsaCredentialSpecName',
        msg,
        'Use the name of a GMSACredentialSpec object.',
      );
  }
  const spec = optStr(w.gmsaCredentialSpec);
  if (spec !== undefined) {
    if (spec.length === 0) {
      ctx.add(
        `${scPath}.windowsOptions.gmsaCredentialSpec`,
        spec,
        'securityContext.windowsOptions.gmsaCredentialSpec.empty',
        'gmsaCredentialSpec cannot be an empty string',
        'Remove the field or give the credential spec.',
      );
    } else if (spec.length > GMSA_SPEC_MAX) {
      ctx.add(
        `${scPath}.windowsOptions.gmsaCredentialSpec`,
        spec.length,
        'securityContext.windowsOptions.gmsaCredentialSpec.tooLong',
        'gmsaCredentialSpec size must be under 64 KiB',
        'Use gmsaCredentialSpecName to reference a stored spec.',
      );
    }
  }
  const user = optStr(w.runAsUserName);
  if (user !== undefined) {
    if (user.length === 0) {
      ctx.add(
        `${scPath}.windowsOptions.runAsUserName`,
        user,
        'securityContext.windowsOptions.runAsUserName.empty',
        'runAsUserName cannot be an empty string',
        'Remove the field or give a user name like "ContainerUser".',
      );
    } else if (CONTROL_CHARS.test(user)) {
      ctx.add(
        `${scPath}.windowsOptions.runAsUserName`,
        user,
        'securityContext.windowsOptions.runAsUserName.controlChars',
        'runAsUserName cannot contain control characters',
        'Remove control characters from the user name.',
      );
    } else {
      const msg = runAsUserNameError(user);
      if (msg) {
        ctx.add(
          `${scPath}.windowsOptions.runAsUserName`,
          user,
          'securityContext.windowsOptions.runAsUserName.format',
          msg,
          'Use "User" or "DOMAIN\\User", e.g. "ContainerUser" or "NT AUTHORITY\\NETWORK SERVICE".',
        );
      }
    }
  }
}

/**
 * validatePodSpecSecurityContext (1.28): ids, supplementalGroups, shareProcessNamespace vs hostPID, sysctls,
 * fsGroupChangePolicy, seccomp, windowsOptions. hostPID/hostNetwork/shareProcessNamespace live in
 * securityContext in the internal type, which is why the API server prints them under spec.securityContext.
 */
export function validatePodSecurityContext(ctx: Ctx, spec: Json): void {
  const path = 'spec.securityContext';
  const sc = obj(spec.securityContext);
  const hostPID = bool(spec.hostPID) ?? false;
  const hostNetwork = spec.hostNetwork === true;
  const hostIPC = bool(spec.hostIPC) ?? false;
  const share = bool(spec.shareProcessNamespace);
  if (share === true && hostPID) {
    ctx.add(
      `${path}.shareProcessNamespace`,
      true,
      'pod.shareProcessNamespace.hostPID',
      'ShareProcessNamespace and HostPID cannot both be enabled',
      'Drop shareProcessNamespace or hostPID.',
    );
  }
  const v133 = atLeast(ctx.version, '1.33');
  // validateHostUsers (UserNamespacesSupport, beta and on in 1.33; a 1.28 server drops hostUsers). The server
  // prints hostPID and hostIPC with Go's capitals.
  if (v133 && spec.hostUsers === false) {
    for (const [field, printed] of [
      ['hostNetwork', 'hostNetwork'],
      ['hostPID', 'HostPID'],
      ['hostIPC', 'HostIPC'],
    ] as const) {
      if (spec[field] === true) {
        ctx.add(
          `spec.${printed}`,
          true,
          'pod.hostUsers.hostNamespace',
          'when `pod.Spec.HostUsers` is false',
          `Remove ${field}, or hostUsers: false (a user namespace cannot share the host's namespaces).`,
        );
      }
    }
  }
  if (!sc) return;
  if (v133) {
    validateAppArmor(ctx, sc.appArmorProfile, path);
    const sgp = sc.supplementalGroupsPolicy;
    if (sgp !== undefined && sgp !== null) {
      const value = str(sgp);
      if (typeof sgp === 'string' && !SUPPLEMENTAL_GROUPS_POLICIES.includes(value)) {
        ctx.add(
          `${path}.supplementalGroupsPolicy`,
          value,
          'securityContext.supplementalGroupsPolicy.unsupported',
          supported(SUPPLEMENTAL_GROUPS_POLICIES),
          "Use Merge (the default: add the image's groups) or Strict (only the groups you list).",
        );
      }
    }
    // validateSELinuxChangePolicy (SELinuxChangePolicy, beta and on in 1.33): with the SELinuxMount gate off, as in
    // 1.33, only Recursive is accepted (measured on v1.33.3: MountOption, '' and any other value are refused).
    const selinux = sc.seLinuxChangePolicy;
    if (typeof selinux === 'string' && selinux !== 'Recursive') {
      ctx.add(
        `${path}.seLinuxChangePolicy`,
        selinux,
        'securityContext.seLinuxChangePolicy.unsupported',
        supported(['Recursive']),
        'Use Recursive or leave it out (MountOption needs the SELinuxMount feature gate, off in 1.33).',
      );
    }
  }
  checkId(ctx, sc.fsGroup, path, 'fsGroup', 'securityContext.fsGroup.range', 'group id');
  checkId(ctx, sc.runAsUser, path, 'runAsUser', 'securityContext.runAsUser.range', 'user id');
  checkId(ctx, sc.runAsGroup, path, 'runAsGroup', 'securityContext.runAsGroup.range', 'group id');
  const groups = arr(sc.supplementalGroups);
  if (groups) {
    for (let i = 0; i < groups.length; i++) {
      checkId(
        ctx,
        groups[i],
        path,
        `supplementalGroups[${i}]`,
        'securityContext.supplementalGroups.range',
        'group id',
      );
    }
  }
  const policy = str(sc.fsGroupChangePolicy);
  if (
    sc.fsGroupChangePolicy !== undefined &&
    sc.fsGroupChangePolicy !== null &&
    !FS_GROUP_CHANGE_POLICIES.includes(policy)
  ) {
    ctx.add(
      `${path}.fsGroupChangePolicy`,
      policy,
      'securityContext.fsGroupChangePolicy.unsupported',
      supported(FS_GROUP_CHANGE_POLICIES),
      'Use OnRootMismatch or Always.',
    );
  }
  validateSysctls(ctx, sc.sysctls, `${path}.sysctls`, hostNetwork, hostIPC);
  validateSeccomp(ctx, sc.seccompProfile, path);
  validateWindowsOptions(ctx, sc.windowsOptions, path);
}

/** validateSysctls: name format, uniqueness; from 1.33 on (ValidateHostSysctl) namespaced sysctls vs host namespaces. */
function validateSysctls(ctx: Ctx, v: unknown, path: string, hostNetwork: boolean, hostIPC: boolean): void {
  const list = arr(v);
  if (!list) return;
  const seen = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const s = item(list[i]);
    if (!s) continue;
    const p = `${path}[${i}].name`;
    const name = str(s.name);
    if (!name) {
      ctx.add(
        p,
        s.name,
        'sysctl.name.required',
        'Required value',
        'Name the sysctl, e.g. "net.core.somaxconn".',
      );
    } else if (name.length > SYSCTL_MAX || !SYSCTL_NAME.test(name)) {
      ctx.add(
        p,
        name,
        'sysctl.name.format',
        `must have at most ${SYSCTL_MAX} characters and match regex ^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$`,
        'Use a lowercase dotted sysctl name like "net.core.somaxconn".',
      );
    } else if (seen.has(name)) {
      ctx.add(p, name, 'sysctl.name.duplicate', 'Duplicate value', 'List each sysctl once.');
    }
    // Names may use '/' as separator; the kernel namespace is decided on the dotted form.
    const dotted = name.replace(/\//g, '.');
    // ValidateHostSysctl: a v1.28.7 server accepts these (measured); 1.33 refuses them.
    const hostChecks = atLeast(ctx.version, '1.33');
    if (hostChecks && hostNetwork && dotted.startsWith('net.')) {
      ctx.add(
        p,
        name,
        'sysctl.name.hostNetwork',
        "may not be specified when 'hostNetwork' is true",
        'Drop the net.* sysctl or hostNetwork.',
      );
    }
    if (hostChecks && hostIPC && (IPC_SYSCTLS.has(dotted) || dotted.startsWith('fs.mqueue.'))) {
      ctx.add(
        p,
        name,
        'sysctl.name.hostIPC',
        "may not be specified when 'hostIPC' is true",
        'Drop the IPC sysctl or hostIPC.',
      );
    }
    seen.add(name);
  }
}

/**
 * ValidateSecurityContext (container, 1.28): ids, seccomp, windowsOptions, and the two conflicts with
 * allowPrivilegeEscalation=false, of the container at `containerPath`. Privileged containers are assumed allowed
 * (--allow-privileged=true).
 */
export function validateContainerSecurityContext(
  ctx: Ctx,
  v: unknown,
  containerPath: string,
): Json | undefined {
  const sc = obj(v);
  if (!sc) return undefined;
  const path = `${containerPath}.securityContext`;
  const privileged = bool(sc.privileged);
  checkId(ctx, sc.runAsUser, path, 'runAsUser', 'securityContext.runAsUser.range', 'user id');
  checkId(ctx, sc.runAsGroup, path, 'runAsGroup', 'securityContext.runAsGroup.range', 'group id');
  validateSeccomp(ctx, sc.seccompProfile, path);
  if (atLeast(ctx.version, '1.33')) {
    validateAppArmor(ctx, sc.appArmorProfile, path);
    // ProcMountType (beta, on in 1.33; a 1.28 server resets it to Default).
    const pm = sc.procMount;
    if (pm !== undefined && pm !== null) {
      const value = str(pm);
      if (typeof pm === 'string' && !PROC_MOUNT_TYPES.includes(value)) {
        ctx.add(
          `${path}.procMount`,
          value,
          'securityContext.procMount.unsupported',
          supported(PROC_MOUNT_TYPES),
          'Use Default or Unmasked.',
        );
      } else if (value === 'Unmasked' && ctx.hostUsers) {
        ctx.add(
          `${path}.procMount`,
          value,
          'securityContext.procMount.hostUsers',
          '`hostUsers` must be false to use `Unmasked`',
          'Set spec.hostUsers: false, or remove procMount.',
        );
      }
    }
  }
  const escalation = bool(sc.allowPrivilegeEscalation);
  const caps = obj(sc.capabilities);
  const add = caps ? arr(caps.add) : undefined;
  if (caps) arr(caps.drop);
  if (escalation === false) {
    if (privileged === true) {
      ctx.add(
        path,
        sc,
        'securityContext.privileged.allowPrivilegeEscalation',
        'cannot set `allowPrivilegeEscalation` to false and `privileged` to true',
        'Remove allowPrivilegeEscalation: false or privileged: true.',
      );
    }
    // The API server compares the literal string; "SYS_ADMIN" (the usual spelling) is not caught.
    if (add && add.includes('CAP_SYS_ADMIN')) {
      ctx.add(
        path,
        sc,
        'securityContext.capabilities.sysAdmin',
        'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN',
        'Drop CAP_SYS_ADMIN from capabilities.add or allow privilege escalation.',
      );
    }
  }
  validateWindowsOptions(ctx, sc.windowsOptions, path);
  return sc;
}

const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_ANNOTATION = 'container.seccomp.security.alpha.kubernetes.io/';

// validateSeccompAnnotationsAndFieldsMatch: the deprecated annotation must say what the field says.
function seccompMatch(ctx: Ctx, annotation: string, profile: Json, path: string): void {
  const type = profile.type;
  let typeOk = true;
  if (type === 'Unconfined') typeOk = annotation === 'unconfined';
  else if (type === 'RuntimeDefault')
    typeOk = annotation === 'runtime/default' || annotation === 'docker/default';
  else if (type === 'Localhost') {
    if (!annotation.startsWith('localhost/')) typeOk = false;
    else if (annotation.slice('localhost/'.length) !== profile.localhostProfile) {
      ctx.add(
        `${path}.localhostProfile`,
        profile.localhostProfile,
        'securityContext.seccompProfile.annotationMismatch',
        'seccomp profile in annotation and field must match',
        'Remove the deprecated seccomp annotation.',
      );
    }
  }
  if (!typeOk) {
    ctx.add(
      `${path}.type`,
      type,
      'securityContext.seccompProfile.annotationMismatch',
      'seccomp type in annotation and field must match',
      'Remove the deprecated seccomp annotation.',
    );
  }
}

/** validateSeccompAnnotationsAndFields (ValidatePodCreate): annotations and seccompProfile fields agree. */
export function validateSeccompAnnotationsMatch(ctx: Ctx, annotations: unknown, spec: Json): void {
  if (!isObj(annotations)) return;
  const podSc = isObj(spec.securityContext) ? spec.securityContext : undefined;
  const podAnnotation = annotations[SECCOMP_POD_ANNOTATION];
  if (podSc && isObj(podSc.seccompProfile) && typeof podAnnotation === 'string') {
    seccompMatch(ctx, podAnnotation, podSc.seccompProfile, 'spec.securityContext.seccompProfile');
  }
  for (const kind of ['containers', 'initContainers', 'ephemeralContainers']) {
    const list = spec[kind];
    if (!Array.isArray(list)) continue;
    list.forEach((c, i) => {
      if (!isObj(c) || !isObj(c.securityContext) || !isObj(c.securityContext.seccompProfile)) return;
      const annotation = annotations[`${SECCOMP_CONTAINER_ANNOTATION}${String(c.name)}`];
      if (typeof annotation !== 'string') return;
      seccompMatch(
        ctx,
        annotation,
        c.securityContext.seccompProfile,
        `spec.${kind}[${i}].securityContext.seccompProfile`,
      );
    });
  }
}

const APPARMOR_CONTAINER_ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';

/**
 * validateAppArmorAnnotationsAndFieldsMatchOnCreate (1.30+): a container's own appArmorProfile and its deprecated
 * annotation agree. The server first copies an annotation into a container that has no field of its own
 * (applyAppArmorVersionSkew), so only containers with their own field can disagree. Windows Pods are skipped.
 */
export function validateAppArmorAnnotationsMatch(ctx: Ctx, annotations: unknown, spec: Json): void {
  if (!isObj(annotations)) return;
  if (isObj(spec.os) && spec.os.name === 'windows') return;
  for (const kind of ['containers', 'initContainers', 'ephemeralContainers']) {
    const list = spec[kind];
    if (!Array.isArray(list)) continue;
    list.forEach((c, i) => {
      if (!isObj(c) || !isObj(c.securityContext) || !isObj(c.securityContext.appArmorProfile)) return;
      const annotation = annotations[`${APPARMOR_CONTAINER_ANNOTATION}${String(c.name)}`];
      if (typeof annotation !== 'string') return;
      const profile = c.securityContext.appArmorProfile;
      const path = `spec.${kind}[${i}].securityContext.appArmorProfile`;
      const fix = 'Remove the deprecated AppArmor annotation; the field is enough.';
      let typeOk = true;
      if (profile.type === 'Unconfined') typeOk = annotation === 'unconfined';
      else if (profile.type === 'RuntimeDefault') typeOk = annotation === 'runtime/default';
      else if (profile.type === 'Localhost') {
        if (!annotation.startsWith('localhost/')) typeOk = false;
        else if (annotation.slice('localhost/'.length) !== profile.localhostProfile) {
          ctx.add(
            `${path}.localhostProfile`,
            profile.localhostProfile,
            'securityContext.appArmorProfile.annotationMismatch',
            'apparmor profile in annotation and field must match',
            fix,
          );
        }
      }
      if (!typeOk) {
        ctx.add(
          `${path}.type`,
          profile.type,
          'securityContext.appArmorProfile.annotationMismatch',
          'apparmor type in annotation and field must match',
          fix,
        );
      }
    });
  }
}
