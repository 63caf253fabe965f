/** Tags of a flow or connector profile by ARN (ListTagsForResource). */
import { builder } from './builder.js';
import { outputType, toOutput } from './model-types.js';

builder.queryFields((t) => ({
  tags: t.field({
    authScopes: { read: true },
    type: outputType('TagMap'),
    nullable: { list: true, items: false },
    description: 'The tags of a flow or connector profile (ListTagsForResource).',
    args: {
      resourceArn: t.arg.string({
        required: true,
        description: 'The ARN of a flow or connector profile.',
      }),
    },
    resolve: async (_root, { resourceArn }, ctx) =>
      toOutput('TagMap', await ctx.reader.tags.of(resourceArn)) as never,
  }),
}));
