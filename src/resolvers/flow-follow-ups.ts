/**
 * The critical path of a flows list: what its nodes will ask AppFlow for is known from the
 * query before they are resolved. What needs no flow starts with ListFlows (the account's
 * profiles, listed whole while few: startListReads), and everything ListFlows already gives the
 * inputs of starts as soon as each ListFlows page is back: DescribeFlow (when a selected member or linked
 * profile needs it) and the first runs page (a flow's name and last-run fingerprint are in
 * ListFlows: runs never wait for DescribeFlow). With several ListFlows pages, a page's
 * follow-ups run while the next page is listed. The loads go into the request's DataLoaders
 * under the keys the resolvers use, so they are the same calls, made earlier, never extra ones.
 */
import {
  type FieldNode,
  type GraphQLResolveInfo,
  Kind,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { maxPageSize, shape } from '../model/model.js';
import { executionsKey, flowKey, type RequestReaders } from '../services/loaders.js';
import type { FlowModel } from '../services/models.js';
import { FIRST_EXECUTIONS_PAGE, lastRunFingerprint } from '../services/reader/index.js';

/** What each listed flow will need from AppFlow, read from the list's selection. */
export interface FlowFollowUps {
  /** Some selected field needs DescribeFlow. */
  describe: boolean;
  /** The size of the first runs page the nodes will load, or null when none is selected. */
  runsPageSize: number | null;
  /** Some selected field shows a linked connector profile. */
  profiles: boolean;
}

const LIST_MEMBERS = new Set(Object.keys(shape('FlowDefinition').members!));

/**
 * Node fields known to need DescribeFlow: the members only it returns, and the linked profiles
 * (their names are in DescribeFlow). Any other field (ListFlows members, connectors, runs, a
 * field this table does not know) starts no DescribeFlow early: at worst it loads it later.
 */
const PROFILE_FIELDS = new Set(['sourceConnectorProfile', 'destinationConnectorProfiles']);
const NEED_DESCRIBE = new Set([
  ...Object.keys(shape('DescribeFlowResponse').members!).filter((m) => !LIST_MEMBERS.has(m)),
  ...PROFILE_FIELDS,
]);

/** Default and upper bound of `first` on a runs connection (src/appflow/pagination.ts). */
const DEFAULT_FIRST = 20;
const MAX_FIRST = 100;

/** The fields of a selection, fragments spread (directives are not evaluated: at most the
 * follow-ups of a field that @skip drops are started early). */
function fieldsOf(set: SelectionSetNode | undefined, info: GraphQLResolveInfo): FieldNode[] {
  const out: FieldNode[] = [];
  for (const s of set?.selections ?? []) {
    if (s.kind === Kind.FIELD) out.push(s);
    else if (s.kind === Kind.INLINE_FRAGMENT) out.push(...fieldsOf(s.selectionSet, info));
    else out.push(...fieldsOf(info.fragments[s.name.value]?.selectionSet, info));
  }
  return out;
}

function argument(field: FieldNode, name: string, info: GraphQLResolveInfo): unknown {
  const value: ValueNode | undefined = field.arguments?.find((a) => a.name.value === name)?.value;
  if (!value || value.kind === Kind.NULL) return undefined;
  if (value.kind === Kind.VARIABLE) return info.variableValues[value.name.value] ?? undefined;
  if (value.kind === Kind.INT) return Number(value.value);
  return value.kind === Kind.STRING ? value.value : undefined;
}

/** What the nodes of the flows connection at `info` will load. */
export function flowFollowUps(info: GraphQLResolveInfo): FlowFollowUps {
  const nodes: FieldNode[] = [];
  for (const field of info.fieldNodes) {
    for (const f of fieldsOf(field.selectionSet, info)) {
      if (f.name.value === 'edges') {
        for (const e of fieldsOf(f.selectionSet, info)) {
          if (e.name.value === 'node') nodes.push(...fieldsOf(e.selectionSet, info));
        }
      }
    }
  }
  let describe = false;
  let profiles = false;
  let runsPageSize: number | null = null;
  const wantRuns = (size: number) => {
    // As executionsPage asks: small first pages share one page of FIRST_EXECUTIONS_PAGE.
    const pageSize = Math.max(size, FIRST_EXECUTIONS_PAGE);
    // Two different first pages: only one of them is started early.
    runsPageSize ??= pageSize;
  };
  for (const f of nodes) {
    const name = f.name.value;
    if (NEED_DESCRIBE.has(name)) describe = true;
    if (PROFILE_FIELDS.has(name)) profiles = true;
    if (name === 'lastExecution') wantRuns(1);
    if (name === 'executions' && argument(f, 'after', info) === undefined) {
      const first = argument(f, 'first', info);
      const n = typeof first === 'number' ? first : DEFAULT_FIRST;
      // resolveTokenConnection asks for one more than `first` (is there a next page?).
      if (Number.isInteger(n) && n > 0 && n <= MAX_FIRST) {
        wantRuns(Math.min(maxPageSize('DescribeFlowExecutionRecords'), n + 1));
      }
    }
  }
  return { describe, runsPageSize, profiles };
}

/**
 * What a flows list can start before ListFlows answers: when its rows show profiles, the
 * account's profiles listed whole while there are few (SPECULATIVE_PROFILES_MAX), beside
 * ListFlows. The profile names come from DescribeFlow one step later; the profile loader then
 * finds them listed instead of describing them in a third step.
 */
export function startListReads({ reader, loaders }: RequestReaders, plan: FlowFollowUps): void {
  const max = reader.speculation.maxListedProfiles;
  if (!plan.profiles || max <= 0 || loaders.early.profiles) return;
  loaders.early.profiles = reader.profiles.listed(max).then(
    (listing) => new Map(listing.items.map((p) => [p.connectorProfileName!, p])),
    // A failed listing costs nothing but the early start: the names are described instead.
    () => null,
  );
}

/** Start the follow-ups of one ListFlows page's flows (those that became edges). */
export function startFollowUps(
  { loaders }: RequestReaders,
  flows: readonly FlowModel[],
  plan: FlowFollowUps,
): void {
  const ignore = () => {}; // A failure is the resolver's to report, when it loads the key.
  for (const flow of flows) {
    if (plan.describe && !flow.detailed) {
      loaders.flow.load(flowKey(flow.flowName, flow.lastUpdatedAt)).catch(ignore);
    }
    // As executionsPage: a flow that has never run has no runs to list.
    const hasRun = flow.lastRunExecutionDetails?.mostRecentExecutionTime || !flow.flowStatus;
    if (plan.runsPageSize !== null && hasRun) {
      loaders.executions
        .load(
          executionsKey(
            flow.flowName,
            plan.runsPageSize,
            undefined,
            lastRunFingerprint(flow.lastRunExecutionDetails),
          ),
        )
        .catch(ignore);
    }
  }
}
