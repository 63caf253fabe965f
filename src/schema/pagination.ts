/** Forward-only connection arguments: AppFlow's nextToken pagination only goes forward. */
import type { ArgBuilder } from '@pothos/core';

// biome-ignore lint/suspicious/noExplicitAny: shared by every field builder.
export function forwardArgs(arg: ArgBuilder<any>) {
  return {
    first: arg.int({ description: 'How many items to return (default 20, at most 100).' }),
    after: arg.string({ description: 'The `endCursor` of the previous page.' }),
  };
}
