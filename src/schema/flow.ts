/**
 * `Flow`: every member of ListFlows' FlowDefinition and of DescribeFlow, linked to its
 * connector profiles, connectors and runs. A flow from ListFlows is not described until a
 * field only DescribeFlow returns is selected.
 */
import type { DescribeFlowResponse, FlowDefinition } from '@aws-sdk/client-appflow';
import { resolveTokenConnection } from '../appflow/pagination.js';
import type { GatewayContext } from '../context.js';
import { maxPageSize, shape } from '../model/model.js';
import { FIRST_EXECUTIONS_PAGE, lastRunFingerprint } from '../services/appflow-reader.js';
import { executionsKey, flowKey } from '../services/loaders.js';
import type { ConnectorModel, ExecutionModel, FlowModel } from '../services/models.js';
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

const listMembers = new Set(Object.keys(shape('FlowDefinition').members!));

export function flowFromDescribe(flow: DescribeFlowResponse): FlowModel {
  return { ...flow, flowName: flow.flowName!, detailed: true };
}

export function flowFromList(flow: FlowDefinition): FlowModel {
  return { ...flow, flowName: flow.flowName! };
}

/** The DescribeFlow answer for a flow, from the parent or the (cache-validated) loader. */
export async function flowDetail(flow: FlowModel, ctx: GatewayContext): Promise<FlowModel> {
  if (flow.detailed) return flow;
  const detail = await ctx.loaders.flow.load(flowKey(flow.flowName, flow.lastUpdatedAt));
  return detail ? { ...flowFromDescribe(detail), ...flow, detailed: true } : flow;
}

/** FlowDefinition members DescribeFlow does not return, derived from what it does. */
function derived(flow: FlowModel, member: string): unknown {
  const destination = flow.destinationFlowConfigList?.[0];
  switch (member) {
    case 'sourceConnectorType':
      return flow.sourceFlowConfig?.connectorType;
    case 'destinationConnectorType':
      return destination?.connectorType;
    case 'triggerType':
      return flow.triggerConfig?.triggerType;
    default:
      return undefined;
  }
}

/** Synchronous when the flow already has the member (no promise per field per row). */
function flowMember(flow: FlowModel, member: string, ctx: GatewayContext): unknown {
  const own = (flow as Record<string, unknown>)[member];
  if (own !== undefined) return own;
  if (listMembers.has(member)) {
    if (flow.detailed) return derived(flow, member);
    // A ListFlows item that lacks a list member simply does not have it.
    if ('flowArn' in flow) return undefined;
  }
  return describedMember(flow, member, ctx);
}

async function describedMember(
  flow: FlowModel,
  member: string,
  ctx: GatewayContext,
): Promise<unknown> {
  const detail = await flowDetail(flow, ctx);
  return (
    (detail as Record<string, unknown>)[member] ??
    (listMembers.has(member) ? derived(detail, member) : undefined)
  );
}

function connectorOf(type: string | undefined, label: string | undefined): ConnectorModel | null {
  return type ? { connectorType: type, connectorLabel: label } : null;
}

async function profileByName(name: string | undefined, ctx: GatewayContext) {
  if (!name) return null;
  const profile = await ctx.loaders.profile.load(name);
  return profile ? { ...profile, connectorProfileName: profile.connectorProfileName! } : null;
}

export function executionFromRecord(
  flowName: string,
  record: ExecutionModel | object,
): ExecutionModel {
  return { ...(record as ExecutionModel), flowName };
}

/** A flow's runs page, sharing one call between `lastExecution` and small `executions` pages. */
export async function executionsPage(
  flow: FlowModel,
  ctx: GatewayContext,
  token: string | undefined,
  size: number,
) {
  // The flow comes from a fresh ListFlows/DescribeFlow answer: its last-run details tell
  // whether a cached first page of runs is still current (no runs yet is a fingerprint too).
  const fingerprint = lastRunFingerprint(flow.lastRunExecutionDetails);
  // A flow AppFlow reports as never run has no runs to list: no call for its first page.
  if (!token && !flow.lastRunExecutionDetails?.mostRecentExecutionTime && flow.flowStatus) {
    return { items: [], nextToken: undefined };
  }
  const pageSize = !token && size <= FIRST_EXECUTIONS_PAGE ? FIRST_EXECUTIONS_PAGE : size;
  const page = await ctx.loaders.executions.load(
    executionsKey(flow.flowName, pageSize, token, fingerprint),
  );
  return {
    items: page.items.map((r) => executionFromRecord(flow.flowName, r)),
    nextToken: page.nextToken,
  };
}

builder.node(FlowRef, {
  description:
    'An Amazon AppFlow flow: where data comes from, where it goes, how and when it runs.',
  id: { resolve: (flow) => flow.flowName },
  loadMany: async (names, ctx) => {
    const flows = await ctx.loaders.flow.loadMany(names);
    return flows.map((f) => (f && !(f instanceof Error) ? flowFromDescribe(f) : null));
  },
  fields: (t) => ({
    ...modelFields(t, ['FlowDefinition', 'DescribeFlowResponse'], {
      nonNull: ['flowName'],
      resolveMember: (flow, member, ctx) => flowMember(flow, member, ctx),
    }),
    sourceConnectorProfile: t.field({
      type: ConnectorProfileRef,
      description:
        'The connector profile the flow reads from (none for connectors without profiles).',
      resolve: async (flow, _args, ctx) =>
        profileByName((await flowDetail(flow, ctx)).sourceFlowConfig?.connectorProfileName, ctx),
    }),
    destinationConnectorProfiles: t.field({
      type: [ConnectorProfileRef],
      nullable: false,
      description: 'The connector profiles the flow writes to.',
      resolve: async (flow, _args, ctx) => {
        const detail = await flowDetail(flow, ctx);
        const names = (detail.destinationFlowConfigList ?? [])
          .map((d) => d.connectorProfileName)
          .filter(Boolean);
        const profiles = await Promise.all(names.map((n) => profileByName(n, ctx)));
        return profiles.filter((p) => p !== null);
      },
    }),
    sourceConnector: t.field({
      type: ConnectorRef,
      description: 'The connector the flow reads from.',
      resolve: async (flow, _args, ctx) =>
        connectorOf(
          (await flowMember(flow, 'sourceConnectorType', ctx)) as string | undefined,
          flow.sourceConnectorLabel,
        ),
    }),
    destinationConnectors: t.field({
      type: [ConnectorRef],
      nullable: false,
      description: 'The connectors the flow writes to.',
      resolve: async (flow, _args, ctx) => {
        if (!flow.detailed && flow.destinationConnectorType) {
          return [connectorOf(flow.destinationConnectorType, flow.destinationConnectorLabel)!];
        }
        const detail = await flowDetail(flow, ctx);
        return (detail.destinationFlowConfigList ?? [])
          .map((d) => connectorOf(d.connectorType, undefined))
          .filter((c) => c !== null);
      },
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
          fetchPage: (token, max) => executionsPage(flow, ctx, token, max),
        }),
    }),
    lastExecution: t.field({
      type: ExecutionRef,
      description: 'The most recent run of the flow, if any.',
      resolve: async (flow, _args, ctx) =>
        (await executionsPage(flow, ctx, undefined, 1)).items[0] ?? null,
    }),
  }),
});

const FlowFilter = builder.inputType('FlowFilter', {
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

type FlowFilterArgs = {
  status?: string[] | null;
  triggerType?: string[] | null;
  connectorType?: string[] | null;
  tag?: { key: string; value?: string | null } | null;
};

function matches(flow: FlowDefinition, filter: FlowFilterArgs): boolean {
  if (filter.status?.length && !filter.status.includes(flow.flowStatus ?? '')) return false;
  if (filter.triggerType?.length && !filter.triggerType.includes(flow.triggerType ?? ''))
    return false;
  if (
    filter.connectorType?.length &&
    !filter.connectorType.includes(flow.sourceConnectorType ?? '') &&
    !filter.connectorType.includes(flow.destinationConnectorType ?? '')
  ) {
    return false;
  }
  if (filter.tag) {
    const value = flow.tags?.[filter.tag.key];
    if (value === undefined || (filter.tag.value != null && value !== filter.tag.value))
      return false;
  }
  return true;
}

export function listFlowsPage(ctx: GatewayContext) {
  return async (token: string | undefined, max: number) => {
    const page = await ctx.reader.listFlows(token, max);
    return { items: (page.flows ?? []).map(flowFromList), nextToken: page.nextToken };
  };
}

builder.queryFields((t) => ({
  flow: t.field({
    authScopes: { read: true },
    type: FlowRef,
    description: 'A flow by name (DescribeFlow), or null when it does not exist.',
    args: { name: t.arg.string({ required: true, description: 'The flow name.' }) },
    resolve: async (_root, { name }, ctx) => {
      const flow = await ctx.loaders.flow.load(name);
      return flow ? flowFromDescribe(flow) : null;
    },
  }),
  flows: t.field({
    authScopes: { read: true },
    type: FlowConnection,
    nullable: false,
    description: "The account's flows (ListFlows), optionally filtered.",
    args: {
      ...forwardArgs(t.arg),
      filter: t.arg({ type: FlowFilter, description: 'Only flows that match every given filter.' }),
    },
    resolve: (_root, args, ctx) => {
      const filter = (args.filter ?? undefined) as FlowFilterArgs | undefined;
      const active =
        filter && Object.values(filter).some((v) => v != null && (!Array.isArray(v) || v.length));
      return resolveTokenConnection({
        args,
        codec: ctx.cursors,
        scope: `flows:${active ? JSON.stringify(filter) : ''}`,
        maxPageSize: maxPageSize('ListFlows'),
        fetchPage: listFlowsPage(ctx),
        filter: active ? (flow) => matches(flow, filter!) : undefined,
      });
    },
  }),
}));
