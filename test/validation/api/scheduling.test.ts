import { describe, expect, it } from 'vitest';
import { check, runCases, validPod } from './fixtures';

const nodeTerm = (expr: Record<string, unknown>) => ({
  nodeAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [expr] }] },
  },
});
const NODE_EXPR =
  'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0]';
const podTerm = (term: Record<string, unknown>) => ({
  podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term] },
});
const POD_TERM = 'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]';
const spread = (c: Record<string, unknown>) => ({
  maxSkew: 1,
  topologyKey: 'topology.kubernetes.io/zone',
  whenUnsatisfiable: 'DoNotSchedule',
  ...c,
});

// ValidateTolerations
describe('tolerations', () => {
  runCases([
    {
      name: 'rejects an unknown toleration operator',
      change: (p) => (p.spec.tolerations = [{ key: 'k', operator: 'In', value: 'v' }]),
      path: 'spec.tolerations[0].operator',
      rule: 'toleration.operator.unsupported',
    },
    {
      name: 'rejects a value with operator Exists',
      change: (p) => (p.spec.tolerations = [{ key: 'k', operator: 'Exists', value: 'v' }]),
      path: 'spec.tolerations[0].operator',
      rule: 'toleration.value.withExists',
    },
    {
      name: 'rejects an empty key with operator Equal',
      change: (p) => (p.spec.tolerations = [{ operator: 'Equal', value: 'v' }]),
      path: 'spec.tolerations[0].operator',
      rule: 'toleration.operator.existsWithoutKey',
    },
    {
      name: 'rejects tolerationSeconds with effect NoSchedule',
      change: (p) =>
        (p.spec.tolerations = [
          { key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 30 },
        ]),
      path: 'spec.tolerations[0].effect',
      rule: 'toleration.tolerationSeconds.noExecute',
    },
    {
      name: 'rejects an unknown taint effect',
      change: (p) => (p.spec.tolerations = [{ key: 'k', operator: 'Exists', effect: 'NoRun' }]),
      path: 'spec.tolerations[0].effect',
      rule: 'toleration.effect.unsupported',
    },
    {
      name: 'rejects a toleration key that is not a qualified name',
      change: (p) => (p.spec.tolerations = [{ key: 'a b', operator: 'Exists' }]),
      path: 'spec.tolerations[0].key',
      rule: 'toleration.key.qualifiedName',
    },
    {
      name: 'rejects a toleration value that is not a label value',
      change: (p) => (p.spec.tolerations = [{ key: 'k', value: 'a b' }]),
      path: 'spec.tolerations[0].operator',
      rule: 'toleration.value.labelValue',
    },
  ]);

  it('accepts a match-everything toleration', () => {
    const pod = validPod();
    pod.spec.tolerations = [
      { operator: 'Exists' },
      {
        key: 'node.kubernetes.io/unreachable',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 60,
      },
    ];
    expect(check(pod)).toEqual([]);
  });
});

// validateAffinity / ValidateNodeSelectorRequirement / validatePodAffinityTerm / ValidateLabelSelector
describe('affinity', () => {
  runCases([
    {
      name: 'rejects a node selector operator that does not exist',
      change: (p) => (p.spec.affinity = nodeTerm({ key: 'zone', operator: 'Equals', values: ['a'] })),
      path: `${NODE_EXPR}.operator`,
      rule: 'affinity.nodeSelector.operator',
    },
    {
      name: 'rejects In without values',
      change: (p) => (p.spec.affinity = nodeTerm({ key: 'zone', operator: 'In' })),
      path: `${NODE_EXPR}.values`,
      rule: 'affinity.nodeSelector.values.required',
    },
    {
      name: 'rejects Exists with values',
      change: (p) => (p.spec.affinity = nodeTerm({ key: 'zone', operator: 'Exists', values: ['a'] })),
      path: `${NODE_EXPR}.values`,
      rule: 'affinity.nodeSelector.values.forbidden',
    },
    {
      name: 'rejects Gt with two values',
      change: (p) => (p.spec.affinity = nodeTerm({ key: 'cores', operator: 'Gt', values: ['1', '2'] })),
      path: `${NODE_EXPR}.values`,
      rule: 'affinity.nodeSelector.values.single',
    },
    {
      name: 'rejects a node affinity without terms',
      change: (p) =>
        (p.spec.affinity = {
          nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } },
        }),
      path: 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms',
      rule: 'affinity.nodeSelectorTerms.required',
    },
    {
      name: 'rejects a matchFields key other than metadata.name',
      change: (p) =>
        (p.spec.affinity = {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                { matchFields: [{ key: 'spec.nodeName', operator: 'In', values: ['n1'] }] },
              ],
            },
          },
        }),
      path: 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].key',
      rule: 'affinity.nodeSelector.matchFields.key',
    },
    {
      name: 'rejects a preferred node term with weight 0',
      change: (p) =>
        (p.spec.affinity = {
          nodeAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 0, preference: { matchExpressions: [{ key: 'zone', operator: 'Exists' }] } },
            ],
          },
        }),
      path: 'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight',
      rule: 'affinity.weight.range',
    },
    {
      name: 'rejects a pod anti-affinity term without topologyKey',
      change: (p) => (p.spec.affinity = podTerm({ labelSelector: { matchLabels: { app: 'web' } } })),
      path: `${POD_TERM}.topologyKey`,
      rule: 'affinity.pod.topologyKey.required',
    },
    {
      name: 'rejects a pod affinity weight of 101',
      change: (p) =>
        (p.spec.affinity = {
          podAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 101, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname' } },
            ],
          },
        }),
      path: 'spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight',
      rule: 'affinity.weight.range',
    },
    {
      name: 'rejects a label selector operator that does not exist',
      change: (p) =>
        (p.spec.affinity = podTerm({
          topologyKey: 'kubernetes.io/hostname',
          labelSelector: { matchExpressions: [{ key: 'app', operator: 'Equals', values: ['web'] }] },
        })),
      path: `${POD_TERM}.labelSelector.matchExpressions[0].operator`,
      rule: 'selector.operator',
    },
    {
      name: 'rejects a label selector value with a space',
      change: (p) =>
        (p.spec.affinity = podTerm({
          topologyKey: 'kubernetes.io/hostname',
          labelSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['my web'] }] },
        })),
      path: `${POD_TERM}.labelSelector.matchExpressions[0].values[0]`,
      rule: 'selector.value',
    },
    {
      name: 'rejects an affinity namespace that is not a DNS label',
      change: (p) =>
        (p.spec.affinity = podTerm({ topologyKey: 'kubernetes.io/hostname', namespaces: ['Team_A'] })),
      path: `${POD_TERM}.namespace`,
      rule: 'affinity.pod.namespaces',
    },
  ]);
});

// validateTopologySpreadConstraints
describe('topology spread constraints', () => {
  runCases([
    {
      name: 'rejects maxSkew 0',
      change: (p) => (p.spec.topologySpreadConstraints = [spread({ maxSkew: 0 })]),
      path: 'spec.topologySpreadConstraints[0].maxSkew',
      rule: 'topologySpread.maxSkew.positive',
    },
    {
      name: 'rejects an empty topologyKey',
      change: (p) => (p.spec.topologySpreadConstraints = [spread({ topologyKey: '' })]),
      path: 'spec.topologySpreadConstraints[0].topologyKey',
      rule: 'topologySpread.topologyKey.required',
    },
    {
      name: 'rejects an unknown whenUnsatisfiable',
      change: (p) => (p.spec.topologySpreadConstraints = [spread({ whenUnsatisfiable: 'Ignore' })]),
      path: 'spec.topologySpreadConstraints[0].whenUnsatisfiable',
      rule: 'topologySpread.whenUnsatisfiable.unsupported',
    },
    {
      name: 'rejects minDomains with ScheduleAnyway',
      change: (p) =>
        (p.spec.topologySpreadConstraints = [spread({ whenUnsatisfiable: 'ScheduleAnyway', minDomains: 2 })]),
      path: 'spec.topologySpreadConstraints[0].minDomains',
      rule: 'topologySpread.minDomains.doNotSchedule',
    },
    {
      name: 'rejects minDomains 0',
      change: (p) => (p.spec.topologySpreadConstraints = [spread({ minDomains: 0 })]),
      path: 'spec.topologySpreadConstraints[0].minDomains',
      rule: 'topologySpread.minDomains.positive',
    },
    {
      name: 'rejects two constraints with the same key and action',
      change: (p) => (p.spec.topologySpreadConstraints = [spread({}), spread({ maxSkew: 2 })]),
      path: 'spec.topologySpreadConstraints[0].{topologyKey, whenUnsatisfiable}',
      rule: 'topologySpread.duplicate',
    },
    {
      name: 'rejects an unknown nodeTaintsPolicy',
      change: (p) => (p.spec.topologySpreadConstraints = [spread({ nodeTaintsPolicy: 'Always' })]),
      path: 'spec.topologySpreadConstraints[0].nodeTaintsPolicy',
      rule: 'topologySpread.nodeTaintsPolicy.unsupported',
    },
    {
      name: 'rejects matchLabelKeys without a labelSelector',
      change: (p) => (p.spec.topologySpreadConstraints = [spread({ matchLabelKeys: ['pod-template-hash'] })]),
      path: 'spec.topologySpreadConstraints[0].matchLabelKeys',
      rule: 'topologySpread.matchLabelKeys.withoutSelector',
    },
    {
      name: 'rejects a matchLabelKey that the labelSelector also uses',
      change: (p) =>
        (p.spec.topologySpreadConstraints = [
          spread({ labelSelector: { matchLabels: { app: 'web' } }, matchLabelKeys: ['app'] }),
        ]),
      path: 'spec.topologySpreadConstraints[0].matchLabelKeys[0]',
      rule: 'topologySpread.matchLabelKeys.inSelector',
    },
  ]);
});

// validateSchedulingGates / ValidateLabels(nodeSelector) / priorityClassName / preemptionPolicy
describe('scheduling fields', () => {
  runCases([
    {
      name: 'rejects a scheduling gate name with a space',
      change: (p) => (p.spec.schedulingGates = [{ name: 'wait for quota' }]),
      path: 'spec.schedulingGates[0]',
      rule: 'schedulingGate.name.qualifiedName',
    },
    {
      name: 'rejects a duplicate scheduling gate',
      change: (p) => (p.spec.schedulingGates = [{ name: 'example.com/a' }, { name: 'example.com/a' }]),
      path: 'spec.schedulingGates[1]',
      rule: 'schedulingGate.name.duplicate',
    },
    {
      name: 'rejects nodeName together with scheduling gates',
      change: (p) => {
        p.spec.schedulingGates = [{ name: 'example.com/a' }];
        p.spec.nodeName = 'node-1';
      },
      path: 'spec.nodeName',
      rule: 'pod.nodeName.withSchedulingGates',
    },
    {
      name: 'rejects a nodeSelector value with a slash',
      change: (p) => (p.spec.nodeSelector = { disk: 'ssd/fast' }),
      path: 'spec.nodeSelector',
      rule: 'nodeSelector.value.labelValue',
    },
    {
      name: 'rejects a nodeSelector key with an empty name part',
      change: (p) => (p.spec.nodeSelector = { 'example.com/': 'x' }),
      path: 'spec.nodeSelector',
      rule: 'nodeSelector.key.qualifiedName',
    },
    {
      name: 'rejects an upper-case priorityClassName',
      change: (p) => (p.spec.priorityClassName = 'High'),
      path: 'spec.priorityClassName',
      rule: 'pod.priorityClassName.dns1123Subdomain',
    },
    {
      name: 'rejects an unknown preemptionPolicy',
      change: (p) => (p.spec.preemptionPolicy = 'Always'),
      path: 'spec.preemptionPolicy',
      rule: 'pod.preemptionPolicy.unsupported',
    },
  ]);
});
