/** Tags of flows and connector profiles. */

import type { ConnectorProfileModel, FlowModel } from '../../services/models.js';
import * as m from '../../services/mutations.js';
import { outputType, toOutput } from '../model-types.js';
import { ConnectorProfileRef, FlowRef } from '../refs.js';
import { defineMutation, type SuccessFieldBuilder } from './define.js';
import { NotFoundError, ValidationError } from './errors.js';

type TagsPayload = {
  resourceArn: string;
  tags: Record<string, string>;
  flow: FlowModel | null;
  connectorProfile: ConnectorProfileModel | null;
};

const tagsFields = (t: SuccessFieldBuilder<TagsPayload>) => ({
  resourceArn: t.exposeString('resourceArn', {
    nullable: false,
    description: 'The ARN of the flow or connector profile that was tagged or untagged.',
  }),
  tags: t.field({
    type: outputType('TagMap'),
    nullable: { list: false, items: false },
    description: 'The tags of the resource now (ListTagsForResource).',
    resolve: (p) => toOutput('TagMap', p.tags) as never,
  }),
  flow: t.field({
    type: FlowRef,
    description: 'The flow, when the resource is one.',
    resolve: (p) => p.flow,
  }),
  connectorProfile: t.field({
    type: ConnectorProfileRef,
    description: 'The connector profile, when the resource is one.',
    resolve: (p) => p.connectorProfile,
  }),
});

defineMutation<TagsPayload>({
  field: 'tagResource',
  requestShape: 'TagResourceRequest',
  description: 'Add or replace tags of a flow or connector profile (TagResource).',
  errors: [ValidationError, NotFoundError],
  successDescription: 'The tags were set.',
  success: tagsFields,
  run: m.tagResource,
});

defineMutation<TagsPayload>({
  field: 'untagResource',
  requestShape: 'UntagResourceRequest',
  description: 'Remove tags from a flow or connector profile (UntagResource).',
  errors: [ValidationError, NotFoundError],
  successDescription: 'The tags were removed.',
  success: tagsFields,
  run: m.untagResource,
});
