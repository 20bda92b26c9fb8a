import { describe, expect, it } from 'vitest';
import { c0, check, runCases, validPod } from './fixtures';

// validateProbe / validateHandler / ValidatePortNumOrName / validateLifecycle
describe('probes and lifecycle hooks', () => {
  runCases([
    {
      name: 'rejects a probe without a handler',
      change: (p) => (c0(p).readinessProbe = { periodSeconds: 5 }),
      path: 'spec.containers[0].readinessProbe',
      rule: 'probe.handler.required',
    },
    {
      name: 'rejects a probe with two handlers',
      change: (p) => (c0(p).readinessProbe.tcpSocket = { port: 80 }),
      path: 'spec.containers[0].readinessProbe.tcpSocket',
      rule: 'probe.handler.multiple',
    },
    {
      name: 'rejects an exec probe without a command',
      change: (p) => (c0(p).livenessProbe = { exec: {} }),
      path: 'spec.containers[0].livenessProbe.exec.command',
      rule: 'probe.exec.command.required',
    },
    {
      name: 'rejects an httpGet port above 65535',
      change: (p) => (c0(p).readinessProbe.httpGet.port = 65536),
      path: 'spec.containers[0].readinessProbe.httpGet.port',
      rule: 'probe.httpGet.port.range',
    },
    {
      name: 'rejects an httpGet without a port',
      change: (p) => delete c0(p).readinessProbe.httpGet.port,
      path: 'spec.containers[0].readinessProbe.httpGet.port',
      rule: 'probe.httpGet.port.range',
    },
    {
      name: 'rejects a numeric port written as a string',
      change: (p) => (c0(p).readinessProbe.httpGet.port = '8080'),
      path: 'spec.containers[0].readinessProbe.httpGet.port',
      rule: 'probe.httpGet.port.name',
    },
    {
      name: 'rejects an httpGet scheme in lower case',
      change: (p) => (c0(p).readinessProbe.httpGet.scheme = 'https'),
      path: 'spec.containers[0].readinessProbe.httpGet.scheme',
      rule: 'probe.httpGet.scheme.unsupported',
    },
    {
      name: 'rejects an HTTP header name with a colon',
      change: (p) => (c0(p).readinessProbe.httpGet.httpHeaders = [{ name: 'X-A:', value: '1' }]),
      path: 'spec.containers[0].readinessProbe.httpGet.httpHeaders',
      rule: 'probe.httpGet.header.name',
    },
    {
      name: 'rejects a tcpSocket port name with upper case',
      change: (p) => (c0(p).readinessProbe = { tcpSocket: { port: 'HTTP' } }),
      path: 'spec.containers[0].readinessProbe.tcpSocket.port',
      rule: 'probe.tcpSocket.port.name',
    },
    {
      name: 'rejects a grpc probe without a port',
      change: (p) => (c0(p).readinessProbe = { grpc: {} }),
      path: 'spec.containers[0].readinessProbe.grpc.port',
      rule: 'probe.grpc.port.range',
    },
    {
      name: 'rejects a liveness probe with successThreshold 2',
      change: (p) => (c0(p).livenessProbe = { tcpSocket: { port: 80 }, successThreshold: 2 }),
      path: 'spec.containers[0].livenessProbe.successThreshold',
      rule: 'probe.successThreshold.mustBeOne',
    },
    {
      name: 'rejects a startup probe with successThreshold 3',
      change: (p) => (c0(p).startupProbe = { tcpSocket: { port: 80 }, successThreshold: 3 }),
      path: 'spec.containers[0].startupProbe.successThreshold',
      rule: 'probe.successThreshold.mustBeOne',
    },
    {
      name: 'rejects a negative periodSeconds',
      change: (p) => (c0(p).readinessProbe.periodSeconds = -1),
      path: 'spec.containers[0].readinessProbe.periodSeconds',
      rule: 'probe.periodSeconds.nonNegative',
    },
    {
      name: 'rejects a negative initialDelaySeconds',
      change: (p) => (c0(p).readinessProbe.initialDelaySeconds = -5),
      path: 'spec.containers[0].readinessProbe.initialDelaySeconds',
      rule: 'probe.initialDelaySeconds.nonNegative',
    },
    {
      name: 'rejects a fractional timeoutSeconds',
      change: (p) => (c0(p).readinessProbe.timeoutSeconds = 1.5),
      path: 'spec.containers[0].readinessProbe.timeoutSeconds',
      rule: 'type',
    },
    {
      name: 'rejects a probe terminationGracePeriodSeconds of 0',
      change: (p) => (c0(p).livenessProbe = { tcpSocket: { port: 80 }, terminationGracePeriodSeconds: 0 }),
      path: 'spec.containers[0].livenessProbe.terminationGracePeriodSeconds',
      rule: 'probe.terminationGracePeriodSeconds.positive',
    },
    {
      name: 'rejects a preStop hook without a handler',
      change: (p) => (c0(p).lifecycle = { preStop: {} }),
      path: 'spec.containers[0].lifecycle.preStop',
      rule: 'lifecycle.handler.required',
    },
    {
      name: 'rejects a preStop sleep hook, which 1.28 does not know',
      change: (p) => (c0(p).lifecycle = { preStop: { sleep: { seconds: 5 } } }),
      path: 'spec.containers[0].lifecycle.preStop.sleep',
      rule: 'schema.unknownField',
    },
    {
      name: 'rejects a postStart hook with exec and httpGet',
      change: (p) =>
        (c0(p).lifecycle = { postStart: { exec: { command: ['true'] }, httpGet: { port: 80 } } }),
      path: 'spec.containers[0].lifecycle.postStart.httpGet',
      rule: 'lifecycle.handler.multiple',
    },
    {
      name: 'rejects terminationGracePeriodSeconds on a readiness probe',
      change: (p) => (c0(p).readinessProbe.terminationGracePeriodSeconds = 10),
      path: 'spec.containers[0].readinessProbe.terminationGracePeriodSeconds',
      rule: 'probe.terminationGracePeriodSeconds.readiness',
    },
  ]);

  it('accepts zero probe numbers and a missing httpGet path, which the server defaults', () => {
    const pod = validPod();
    c0(pod).livenessProbe = {
      httpGet: { port: 'http' },
      timeoutSeconds: 0,
      periodSeconds: 0,
      successThreshold: 0,
      failureThreshold: 0,
    };
    expect(check(pod)).toEqual([]);
  });

  it('accepts a readiness probe with successThreshold 3', () => {
    const pod = validPod();
    c0(pod).readinessProbe.successThreshold = 3;
    expect(check(pod)).toEqual([]);
  });
});
