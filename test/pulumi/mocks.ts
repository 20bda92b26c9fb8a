import * as pulumi from '@pulumi/pulumi';

/** One resource the program registered under mocks. */
export interface Registered {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, any>;
}

/**
 * Installs Pulumi's mocks and returns the list every registration lands in. Call it before the program is
 * imported: a program loaded without mocks would try to reach a real engine, and a test that forgot them
 * would assert nothing, which is why every test here also checks that resources were registered at all.
 */
export function installMocks(config: Record<string, string> = {}): Registered[] {
  const registered: Registered[] = [];
  for (const [key, value] of Object.entries(config)) pulumi.runtime.setConfig(key, value);
  pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: (args) => args.inputs,
    },
    'podwright',
    'test',
    false,
  );
  return registered;
}

/** The value of an Output, once the mocks have resolved it. */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}
