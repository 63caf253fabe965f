/**
 * Graphcache configuration. Flows, runs, profiles and connectors have global ids and are
 * normalized; the value types below have none and live inside their parent. A run event
 * carries its flow with ListFlows' last-run summary, which the fleet rows show, so the cache
 * updates them by itself. The updaters do the rest without refetching the fleet: an event
 * links the flow's `lastExecution` (the detail view's) to the run, and a run that starts or
 * ends drops the flow's cached run pages and statistics so the views showing them read them
 * again.
 */
import type { Cache, CacheExchangeOpts, DataFields } from '@urql/exchange-graphcache';
import generated from './possible-types';

type Entity = { __typename?: string; id?: string } | null | undefined;
interface RunLike {
  __typename?: string;
  id?: string;
  startedAt?: string | null;
  executionStatus?: string | null;
}

const embedded = () => null;
const TERMINAL = new Set(['Successful', 'Error', 'Canceled']);

/** Make `run` the flow's last run unless the cached one started later. */
function linkLastRun(cache: Cache, flowId: string | undefined, run: RunLike | null | undefined) {
  if (!flowId || !run?.id) return;
  const flowKey = cache.keyOfEntity({ __typename: 'Flow', id: flowId });
  if (!flowKey) return;
  const current = cache.resolve(flowKey, 'lastExecution') as string | null;
  const currentStart = current ? (cache.resolve(current, 'startedAt') as string | null) : null;
  if (current && currentStart && run.startedAt && currentStart > run.startedAt) return;
  cache.link(flowKey, 'lastExecution', { __typename: 'Execution', id: run.id });
}

/** Forget the flow's run pages and statistics (they change when a run starts or ends). */
function forgetRuns(cache: Cache, flowId: string | undefined) {
  if (!flowId) return;
  const flowKey = cache.keyOfEntity({ __typename: 'Flow', id: flowId });
  if (!flowKey) return;
  for (const f of cache.inspectFields(flowKey)) {
    if (f.fieldName === 'executions' || f.fieldName === 'runStats') {
      cache.invalidate(flowKey, f.fieldName, f.arguments ?? undefined);
    }
  }
}

/** The Flow id a run belongs to, when the cache knows the flow by name. */
function flowIdOf(result: DataFields, field: string): string | undefined {
  const event = result[field] as { flow?: Entity } | undefined;
  return event?.flow?.id ?? undefined;
}

export const cacheConfig: Partial<CacheExchangeOpts> = {
  // Interface and union members from the schema (codegen's fragment matcher).
  possibleTypes: generated.possibleTypes,
  keys: {
    FlowConnection: embedded,
    FlowEdge: embedded,
    ExecutionConnection: embedded,
    ExecutionEdge: embedded,
    ConnectorProfileConnection: embedded,
    ConnectorProfileEdge: embedded,
    ConnectorConnection: embedded,
    ConnectorEdge: embedded,
    PageInfo: embedded,
    TagMapEntry: embedded,
    TriggerConfig: embedded,
    TriggerProperties: embedded,
    ScheduledTriggerProperties: embedded,
    SourceFlowConfig: embedded,
    DestinationFlowConfig: embedded,
    Task: embedded,
    ExecutionResult: embedded,
    ExecutionDetails: embedded,
    ErrorInfo: embedded,
    FlowValidation: embedded,
    FieldError: embedded,
    FlowRunStats: embedded,
    DurationStats: embedded,
    VolumeStats: embedded,
    RunError: embedded,
    DailyRunStats: embedded,
    FlowRunEvent: embedded,
  },
  updates: {
    Subscription: {
      flowRunEvents(result, _args, cache) {
        const event = result.flowRunEvents as {
          kind?: string;
          flow?: Entity;
          execution?: RunLike | null;
        };
        const flowId = flowIdOf(result, 'flowRunEvents');
        linkLastRun(cache, flowId, event?.execution);
        if (event?.kind === 'STARTED' || event?.kind === 'FINISHED') forgetRuns(cache, flowId);
      },
      executionUpdated(result, args, cache) {
        const run = result.executionUpdated as RunLike & { flow?: Entity };
        if (!run || !TERMINAL.has(run.executionStatus ?? '')) return;
        const flows = cache.resolve('Query', 'flow', { name: args.flowName as string });
        const flowId = flows ? (cache.resolve(flows as string, 'id') as string) : undefined;
        forgetRuns(cache, flowId);
      },
    },
    Mutation: {
      startFlow(result, _args, cache) {
        const payload = result.startFlow as { flow?: Entity; execution?: RunLike | null };
        const flowId = payload?.flow?.id ?? undefined;
        linkLastRun(cache, flowId, payload?.execution);
        forgetRuns(cache, flowId);
      },
    },
  },
};
