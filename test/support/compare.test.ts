import { describe, expect, it } from 'vitest';
import type { Violation } from '../../src/errors';
import type { ServerVerdict } from './apiserver';
import { compare, serverPlaces } from './compare';

// Messages as kube-apiserver v1.28.7 returned them to a dry run.
const refused = (code: number, reason: string, message: string, causes: string[] = []): ServerVerdict => ({
  allowed: false,
  code,
  reason,
  message,
  causes,
  warnings: [],
});
const accepted: ServerVerdict = {
  allowed: true,
  code: 201,
  reason: '',
  message: '',
  causes: [],
  warnings: [],
};
const violation = (path: string, rule = 'x', severity?: 'warning'): Violation => ({
  object: { kind: 'Pod', name: 'web' },
  path,
  value: undefined,
  rule,
  message: 'm',
  fix: 'f',
  severity,
});

describe('comparing podwright with the API server', () => {
  it('reads the paths of causes, strict decoding errors and admission refusals', () => {
    expect(
      serverPlaces(refused(422, 'Invalid', 'Pod "web" is invalid: ...', ['spec.containers[1].name'])).paths,
    ).toEqual(['spec.containers[1].name']);
    expect(
      serverPlaces(
        refused(
          400,
          'BadRequest',
          'Pod in version "v1" cannot be handled as a Pod: strict decoding error: duplicate field "metadata.name", unknown field "spec.containers[0].comand"',
        ),
      ).paths,
    ).toEqual(['metadata.name', 'spec.containers[0].comand']);
    const admission = (m: string) =>
      serverPlaces(refused(403, 'Forbidden', `pods "web" is forbidden: ${m}`)).paths;
    expect(
      admission(
        'the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name',
      ),
    ).toEqual(['spec.priority']);
    expect(
      admission(
        'the string value of PreemptionPolicy (Never) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name',
      ),
    ).toEqual(['spec.preemptionPolicy']);
    expect(admission('no PriorityClass with name foo was found')).toEqual(['spec.priorityClassName']);
    expect(
      admission('pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead'),
    ).toEqual(['spec.overhead']);
    expect(admission('pod rejected: RuntimeClass "foo" not found')).toEqual(['spec.runtimeClassName']);
  });

  it('reads the index-free Go field path of a type error', () => {
    expect(
      serverPlaces(
        refused(
          400,
          'BadRequest',
          'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
        ),
      ).typePaths,
    ).toEqual(['spec.containers.ports.containerPort']);
  });

  it('reads the Pod Security checks a refusal names', () => {
    const message =
      'pods "web" is forbidden: violates PodSecurity "baseline:latest": non-default capabilities (container "app" must not include "SYS_ADMIN" in securityContext.capabilities.add), host namespaces (hostPID=true), hostPath volumes (volume "h"), privileged (container "app" must not set securityContext.privileged=true), forbidden sysctls (kernel.msgmax)';
    expect(serverPlaces(refused(403, 'Forbidden', message)).checks.sort()).toEqual(
      ['capabilities_baseline', 'hostNamespaces', 'hostPathVolumes', 'privileged', 'sysctls'].sort(),
    );
    const restricted =
      'pods "web" is forbidden: violates PodSecurity "restricted:latest": runAsUser=0 (pod must not set runAsUser=0), seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")';
    expect(serverPlaces(refused(403, 'Forbidden', restricted)).checks.sort()).toEqual(
      ['runAsUser', 'seccompProfile_baseline', 'seccompProfile_restricted'].sort(),
    );
  });

  it('agrees when both accept, warnings aside', () => {
    expect(compare(accepted, [violation('spec.x', 'w', 'warning')]).outcome).toBe('agree');
  });

  it('calls a refusal of what the server accepts a false alarm, and the reverse a miss', () => {
    expect(compare(accepted, [violation('spec.x')]).outcome).toBe('false-alarm');
    expect(
      compare(refused(422, 'Invalid', 'm', ['spec.x']), [violation('spec.x', 'w', 'warning')]).outcome,
    ).toBe('miss');
  });

  it('agrees on a refusal when podwright names the path, its parent or its child', () => {
    const server = refused(422, 'Invalid', 'm', ['spec.containers[0].securityContext.capabilities.add']);
    expect(
      compare(server, [violation('spec.containers[0].securityContext.capabilities.add[1]')]).outcome,
    ).toBe('agree');
    expect(compare(server, [violation('spec.containers[0].securityContext')]).outcome).toBe('agree');
    expect(compare(server, [violation('spec.containers[0].securityContext.capabilitiesX')]).outcome).toBe(
      'wrong-place',
    );
    expect(compare(server, [violation('spec.containers[1].securityContext.capabilities.add')]).outcome).toBe(
      'wrong-place',
    );
  });

  it('agrees on a type error named without indexes, and on a Pod Security check by rule', () => {
    const typed = refused(
      400,
      'BadRequest',
      'json: cannot unmarshal number into Go struct field Container.spec.containers.command of type string',
    );
    expect(compare(typed, [violation('spec.containers[0].command[1]')]).outcome).toBe('agree');
    const pss = refused(
      403,
      'Forbidden',
      'pods "web" is forbidden: violates PodSecurity "baseline:latest": host namespaces (hostPID=true)',
    );
    expect(compare(pss, [violation('spec.hostPID', 'pss.hostNamespaces')]).outcome).toBe('agree');
    expect(compare(pss, [violation('spec.hostPID', 'pss.privileged')]).outcome).toBe('wrong-place');
  });

  it('needs only the verdict when the server names no place', () => {
    const quantity = refused(
      400,
      'BadRequest',
      'Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'',
    );
    expect(compare(quantity, [violation('spec.containers[0].resources.limits[cpu]')]).outcome).toBe('agree');
  });
});
