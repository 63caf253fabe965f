/**
 * `Flow`: every member of ListFlows' FlowDefinition and of DescribeFlow, linked to its
 * connector profiles, connectors and runs. A flow from ListFlows is not described until a
 * field only DescribeFlow returns is selected.
 */
import { resolveTokenConnection } from '../appflow/pagination.js';
import { maxPageSize } from '../model/model.js';
import {
  destinationConnectors,
  destinationProfiles,
  executionsPage,
  type FlowFilter as FlowFilterArgs,
  flowByName,
  flowMatches,
  flowMember,
  flowsByNames,
  flowsPage,
  isActiveFilter,
  lastExecution,
  sourceConnector,
  sourceProfile,
} from '../resolvers/flow.js';
import { flowFollowUps, startFollowUps, startListReads } from '../resolvers/flow-follow-ups.js';
import { builder } from './builder.js';
import { enumRef, modelFields } from './model-types.js';
import { forwardArgs } from './pagination.js';
import {
  ConnectorProfileRef,
  ConnectorRef,
  ExecutionConnection,
  ExecutionRef,
  FlowConnection,
  FlowRef,
} from './refs.js';

builder.node(FlowRef, {
  // Reading it needs `read` wherever it is selected, a mutation's result included.
  authScopes: { read: true },
  description:
    'An Amazon AppFlow flow: where data comes from, where it goes, how and when it runs.',
  id: { resolve: (flow) => flow.flowName },
  loadMany: (names, ctx) => flowsByNames(ctx, names),
  fields: (t) => ({
    ...modelFields(t, ['FlowDefinition', 'DescribeFlowResponse'], {
      nonNull: ['flowName'],
      resolveMember: (flow, member, ctx) => flowMember(ctx, flow, member),
    }),
    sourceConnectorProfile: t.field({
      type: ConnectorProfileRef,
      description:
        'The connector profile the flow reads from (none for connectors without profiles).',
      resolve: (flow, _args, ctx) => sourceProfile(ctx, flow),
    }),
    destinationConnectorProfiles: t.field({
      type: [ConnectorProfileRef],
      nullable: false,
      description: 'The connector profiles the flow writes to.',
      resolve: (flow, _args, ctx) => destinationProfiles(ctx, flow),
    }),
    sourceConnector: t.field({
      type: ConnectorRef,
      description: 'The connector the flow reads from.',
      resolve: (flow, _args, ctx) => sourceConnector(ctx, flow),
    }),
    destinationConnectors: t.field({
      type: [ConnectorRef],
      nullable: false,
      description: 'The connectors the flow writes to.',
      resolve: (flow, _args, ctx) => destinationConnectors(ctx, flow),
    }),
    executions: t.field({
      type: ExecutionConnection,
      nullable: false,
      description: "The flow's runs, newest first (DescribeFlowExecutionRecords).",
      args: forwardArgs(t.arg),
      resolve: (flow, args, ctx) =>
        resolveTokenConnection({
          args,
          codec: ctx.cursors,
          scope: `executions:${flow.flowName}`,
          maxPageSize: maxPageSize('DescribeFlowExecutionRecords'),
          fetchPage: (token, max) => executionsPage(ctx, flow, token, max),
        }),
    }),
    lastExecution: t.field({
      type: ExecutionRef,
      description: 'The most recent run of the flow, if any.',
      resolve: (flow, _args, ctx) => lastExecution(ctx, flow),
    }),
  }),
});

export const FlowFilter = builder.inputType('FlowFilter', {
  description:
    'Filters applied to ListFlows results (AppFlow has no server-side filter). All given filters must match.',
  fields: (t) => ({
    status: t.field({ type: [enumRef('FlowStatus')], description: 'Any of these statuses.' }),
    triggerType: t.field({
      type: [enumRef('TriggerType')],
      description: 'Any of these trigger types.',
    }),
    connectorType: t.field({
      type: [enumRef('ConnectorType')],
      description: 'The source or destination connector is any of these types.',
    }),
    tag: t.field({
      type: TagFilter,
      description: 'The flow has this tag (and value, when given).',
    }),
  }),
});

const TagFilter = builder.inputType('TagFilter', {
  description: 'A tag a flow must have.',
  fields: (t) => ({
    key: t.string({ required: true, description: 'The tag key.' }),
    value: t.string({ description: 'The tag value; any value when omitted.' }),
  }),
});

/** AppFlow's quota of flows per account. */
const MAX_FLOWS = 1000;

builder.queryFields((t) => ({
  flow: t.field({
    authScopes: { read: true },
    type: FlowRef,
    description: 'A flow by name (DescribeFlow), or null when it does not exist.',
    args: { name: t.arg.string({ required: true, description: 'The flow name.' }) },
    resolve: (_root, { name }, ctx) => flowByName(ctx, name),
  }),
  flows: t.field({
    authScopes: { read: true },
    type: FlowConnection,
    // Nullable like every root field that reaches AppFlow: one failing root field leaves
    // the others' data (graphql-eslint's require-nullable-result-in-root).
    nullable: true,
    description: "The account's flows (ListFlows), optionally filtered.",
    args: {
      ...forwardArgs(t.arg),
      first: t.arg.int({
        description: `How many flows to return (default 20, at most ${MAX_FLOWS}: an account's quota of flows). AppFlow lists 100 a call; the flows of each page are described while the next is listed.`,
      }),
      filter: t.arg({ type: FlowFilter, description: 'Only flows that match every given filter.' }),
    },
    resolve: (_root, args, ctx, info) => {
      const filter = args.filter as FlowFilterArgs | null | undefined;
      const active = isActiveFilter(filter);
      const followUps = flowFollowUps(info);
      startListReads(ctx, followUps);
      return resolveTokenConnection({
        args,
        codec: ctx.cursors,
        scope: `flows:${active ? JSON.stringify(filter) : ''}`,
        maxPageSize: maxPageSize('ListFlows'),
        // An account has at most 1,000 flows (AppFlow's quota): one query may show them all.
        maxFirst: MAX_FLOWS,
        fetchPage: (token, max) => flowsPage(ctx, token, max),
        filter: active ? (flow) => flowMatches(flow, filter) : undefined,
        onPage: (flows) => startFollowUps(ctx, flows, followUps),
      });
    },
  }),
}));
