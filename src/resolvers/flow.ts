/**
 * Reads of flows and runs for the graph. A flow from ListFlows is not described until a member
 * only DescribeFlow returns is asked for; then the (cache-validated) loader describes it.
 */
import type { FlowDefinition } from '@aws-sdk/client-appflow';
import { shape } from '../model/model.js';
import {
  executionsKey,
  flowKey,
  loadModel,
  loadModels,
  type RequestReaders,
} from '../services/loaders.js';
import {
  type ConnectorModel,
  type ConnectorProfileModel,
  connectorModel,
  type ExecutionModel,
  executionFromRecord,
  type FlowModel,
  flowFromDescribe,
  flowFromList,
} from '../services/models.js';
import { FIRST_EXECUTIONS_PAGE, lastRunFingerprint, type Page } from '../services/reader/index.js';
import { profileByName } from './connector-profile.js';

const listMembers = new Set(Object.keys(shape('FlowDefinition').members!));

export const flowByName = (r: RequestReaders, name: string) =>
  loadModel(r.loaders.flow, name, flowFromDescribe);

/** Flows by name, in order, null where one does not exist (Relay `nodes`). */
export const flowsByNames = (r: RequestReaders, names: readonly string[]) =>
  loadModels(r.loaders.flow, names, flowFromDescribe);

export async function flowsPage(
  { reader }: RequestReaders,
  nextToken: string | undefined,
  maxResults: number,
): Promise<Page<FlowModel>> {
  // From the cache the live state keeps current (CACHE_FLOW_LIST_TTL bounds the rest).
  const page = await reader.flows.list(nextToken, maxResults, true);
  return { items: page.items.map(flowFromList), nextToken: page.nextToken };
}

/** The DescribeFlow answer for a flow, from the parent or the (cache-validated) loader. */
export async function flowDetail(r: RequestReaders, flow: FlowModel): Promise<FlowModel> {
  if (flow.detailed) return flow;
  const detail = await r.loaders.flow.load(flowKey(flow.flowName, flow.lastUpdatedAt));
  return detail ? { ...flowFromDescribe(detail), ...flow, detailed: true, partial: false } : flow;
}

/** FlowDefinition members DescribeFlow does not return, derived from what it does. */
function derived(flow: FlowModel, member: string): unknown {
  switch (member) {
    case 'sourceConnectorType':
      return flow.sourceFlowConfig?.connectorType;
    case 'destinationConnectorType':
      return flow.destinationFlowConfigList?.[0]?.connectorType;
    case 'triggerType':
      return flow.triggerConfig?.triggerType;
    default:
      return undefined;
  }
}

/**
 * A member of ListFlows' FlowDefinition or of DescribeFlow. Synchronous when the flow already
 * has it: a promise per field of every row costs more than the rest of the execution.
 */
export function flowMember(r: RequestReaders, flow: FlowModel, member: string): unknown {
  const own = (flow as Record<string, unknown>)[member];
  if (own !== undefined) return own;
  if (listMembers.has(member)) {
    if (flow.detailed) return derived(flow, member);
    // A ListFlows item that lacks a list member simply does not have it (a write's answer
    // may lack it only because it does not tell).
    if ('flowArn' in flow && !flow.partial) return undefined;
  }
  return flowDetail(r, flow).then(
    (detail) =>
      (detail as Record<string, unknown>)[member] ??
      (listMembers.has(member) ? derived(detail, member) : undefined),
  );
}

export async function sourceProfile(
  r: RequestReaders,
  flow: FlowModel,
): Promise<ConnectorProfileModel | null> {
  return profileByName(r, (await flowDetail(r, flow)).sourceFlowConfig?.connectorProfileName);
}

export async function destinationProfiles(
  r: RequestReaders,
  flow: FlowModel,
): Promise<ConnectorProfileModel[]> {
  const detail = await flowDetail(r, flow);
  const profiles = await Promise.all(
    (detail.destinationFlowConfigList ?? []).map((d) => profileByName(r, d.connectorProfileName)),
  );
  return profiles.filter((p) => p !== null);
}

export async function sourceConnector(
  r: RequestReaders,
  flow: FlowModel,
): Promise<ConnectorModel | null> {
  const type = (await flowMember(r, flow, 'sourceConnectorType')) as string | undefined;
  return type ? connectorModel(type, flow.sourceConnectorLabel) : null;
}

export async function destinationConnectors(
  r: RequestReaders,
  flow: FlowModel,
): Promise<ConnectorModel[]> {
  if (!flow.detailed && flow.destinationConnectorType) {
    return [connectorModel(flow.destinationConnectorType, flow.destinationConnectorLabel)];
  }
  const detail = await flowDetail(r, flow);
  return (detail.destinationFlowConfigList ?? [])
    .filter((d) => d.connectorType)
    .map((d) => connectorModel(d.connectorType!));
}

/** Does `flow` read from or write to `profile`? Only flows of its connector type are described. */
export async function flowUsesProfile(
  r: RequestReaders,
  flow: FlowModel,
  profile: ConnectorProfileModel,
): Promise<boolean> {
  if (
    flow.sourceConnectorType !== profile.connectorType &&
    flow.destinationConnectorType !== profile.connectorType
  ) {
    return false;
  }
  const detail = await flowDetail(r, flow);
  const name = profile.connectorProfileName;
  return (
    detail.sourceFlowConfig?.connectorProfileName === name ||
    (detail.destinationFlowConfigList ?? []).some((d) => d.connectorProfileName === name)
  );
}

/** Filters applied to ListFlows results (AppFlow has no server-side filter). */
export interface FlowFilter {
  status?: string[] | null;
  triggerType?: string[] | null;
  connectorType?: string[] | null;
  tag?: { key: string; value?: string | null } | null;
}

/** Does the filter filter anything? */
export function isActiveFilter(filter: FlowFilter | null | undefined): filter is FlowFilter {
  return (
    !!filter && Object.values(filter).some((v) => v != null && (!Array.isArray(v) || v.length))
  );
}

/** Does a listed flow match every given filter? */
export function flowMatches(flow: FlowDefinition, filter: FlowFilter): boolean {
  const anyOf = (values: string[] | null | undefined, ...actual: (string | undefined)[]) =>
    !values?.length || actual.some((a) => values.includes(a ?? ''));
  if (!anyOf(filter.status, flow.flowStatus)) return false;
  if (!anyOf(filter.triggerType, flow.triggerType)) return false;
  if (!anyOf(filter.connectorType, flow.sourceConnectorType, flow.destinationConnectorType)) {
    return false;
  }
  if (filter.tag) {
    const value = flow.tags?.[filter.tag.key];
    if (value === undefined || (filter.tag.value != null && value !== filter.tag.value)) {
      return false;
    }
  }
  return true;
}

/** A flow's runs page, sharing one call between `lastExecution` and small `executions` pages. */
export async function executionsPage(
  { loaders }: RequestReaders,
  flow: FlowModel,
  token: string | undefined,
  size: number,
): Promise<Page<ExecutionModel>> {
  // A flow AppFlow reports as never run has no runs to list: no call for its first page.
  if (
    !token &&
    !flow.partial &&
    !flow.lastRunExecutionDetails?.mostRecentExecutionTime &&
    flow.flowStatus
  ) {
    return { items: [] };
  }
  // The flow comes from a fresh ListFlows/DescribeFlow answer: its last-run details tell
  // whether a cached first page of runs is still current (no runs yet is a fingerprint too).
  // A write's answer tells nothing of the runs: its flow's page is read fresh.
  const fingerprint = flow.partial ? undefined : lastRunFingerprint(flow.lastRunExecutionDetails);
  const pageSize = !token && size <= FIRST_EXECUTIONS_PAGE ? FIRST_EXECUTIONS_PAGE : size;
  const page = await loaders.executions.load(
    executionsKey(flow.flowName, pageSize, token, fingerprint),
  );
  return {
    items: page.items.map((record) => executionFromRecord(flow.flowName, record)),
    nextToken: page.nextToken,
  };
}

export async function lastExecution(
  r: RequestReaders,
  flow: FlowModel,
): Promise<ExecutionModel | null> {
  return (await executionsPage(r, flow, undefined, 1)).items[0] ?? null;
}

/**
 * A member of a run. A run StartFlow just began is known by its id: any other member reads
 * the flow's first runs page fresh (once a request, shared with its flow's `executions`).
 * AppFlow's run records are eventually consistent: a run not listed yet is the in-progress
 * run it is.
 */
export function executionMember(r: RequestReaders, run: ExecutionModel, member: string): unknown {
  const own = (run as unknown as Record<string, unknown>)[member];
  if (own !== undefined || !run.partial) return own;
  return r.loaders.executions
    .load(executionsKey(run.flowName, FIRST_EXECUTIONS_PAGE))
    .then(({ items }) => {
      const record = items.find((x) => x.executionId === run.executionId) ?? {
        executionId: run.executionId,
        executionStatus: 'InProgress',
      };
      return (record as Record<string, unknown>)[member];
    });
}

/** A run's global id: `<flowName>/<executionId>`. */
export function executionId(run: ExecutionModel): string {
  return `${run.flowName}/${run.executionId}`;
}

/** A run by its global id, or null (also for runs older than the lookup reaches). */
export async function executionById(
  { reader }: RequestReaders,
  id: string,
): Promise<ExecutionModel | null> {
  const slash = id.indexOf('/');
  if (slash < 0) return null;
  const flowName = id.slice(0, slash);
  const run = await reader.flows.findRun(flowName, id.slice(slash + 1)).catch(() => null);
  return run ? executionFromRecord(flowName, run) : null;
}
