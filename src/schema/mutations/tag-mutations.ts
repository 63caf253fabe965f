/** Tags of flows and connector profiles. */

import type { MutationPayload } from '../../services/mutations/index.js';
import { outputType, toOutput } from '../model-types.js';
import { ConnectorProfileRef, FlowRef } from '../refs.js';
import { defineMutation, type PayloadFields } from './define.js';

const taggedResource: PayloadFields<MutationPayload<'TagResource'>> = {
  resourceArn: {
    type: 'String',
    nullable: false,
    description: 'The ARN of the flow or connector profile that was tagged or untagged.',
  },
  tags: {
    type: outputType('TagMap'),
    // All of the resource's tags, not only the ones written: a read, so `read` scope (a
    // write-only key gets FORBIDDEN here and null, the mutation's result stays).
    nullable: { list: true, items: false },
    authScopes: { read: true },
    description: 'The tags of the resource now (ListTagsForResource); needs the read scope.',
    resolve: (p) => toOutput('TagMap', p.tags),
  },
  flow: { type: FlowRef, description: 'The flow, when the resource is one.' },
  connectorProfile: {
    type: ConnectorProfileRef,
    description: 'The connector profile, when the resource is one.',
  },
};

defineMutation({
  operation: 'TagResource',
  description: 'Add or replace tags of a flow or connector profile (TagResource).',
  successDescription: 'The tags were set.',
  success: taggedResource,
});

defineMutation({
  operation: 'UntagResource',
  description: 'Remove tags from a flow or connector profile (UntagResource).',
  successDescription: 'The tags were removed.',
  success: taggedResource,
});
