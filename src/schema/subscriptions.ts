/**
 * Live run status: `executionUpdated`, `flowRuns`, `flowStatusChanged`. Each field reads its
 * arguments and returns one of the live streams (src/live/streams.ts, over the shared
 * FlowPoller: many subscribers, one poll). Events are the read graph's own `Execution` and
 * `Flow`, so linked fields can be selected; an error item fails that one event.
 */
import { GraphQLError } from 'graphql';
import { connectionOf } from '../live/limits.js';
import type { StreamItem } from '../live/streams.js';
import { executionFromRecord, flowFromDescribe } from '../services/models.js';
import { builder } from './builder.js';
import { ExecutionRef, FlowRef } from './refs.js';

const MAX_FLOWS_PER_SUBSCRIPTION = 100;
const NAME = /^[a-zA-Z0-9][\w!@#.-]+$/;

function badInput(message: string, argument: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument } });
}

function checkName(value: string, argument: string): string {
  if (value.length > 256 || !NAME.test(value)) {
    throw badInput(
      `${argument} must be 2 to 256 characters: letters, digits and _ ! @ # . - (got "${value.slice(0, 64)}").`,
      argument,
    );
  }
  return value;
}

function checkExecutionId(value: string): string {
  if (!value || value.length > 256) {
    throw badInput('executionId must be 1 to 256 characters.', 'executionId');
  }
  return value;
}

function checkFlowNames(values: readonly string[]): string[] {
  const names = [...new Set(values)];
  if (names.length === 0 || names.length > MAX_FLOWS_PER_SUBSCRIPTION) {
    throw badInput(`flowNames must name 1 to ${MAX_FLOWS_PER_SUBSCRIPTION} flows.`, 'flowNames');
  }
  for (const name of names) checkName(name, 'flowNames');
  return names;
}

/** A stream item: the event itself, or its error for this one event. */
function emit<T>(item: StreamItem<T>): T {
  if (item instanceof GraphQLError) throw item;
  return item;
}

builder.subscriptionField('executionUpdated', (t) =>
  t.field({
    type: ExecutionRef,
    nullable: false,
    authScopes: { read: true },
    description:
      "A run's current state at once, then every change of its status or result; completes after " +
      'a terminal status (Successful, Error, Canceled). A run AppFlow does not list yet (just ' +
      'started) is waited for a bounded time, then the stream ends with NOT_FOUND.',
    args: {
      flowName: t.arg.string({ required: true, description: 'The name of the flow.' }),
      executionId: t.arg.string({ required: true, description: 'The run id StartFlow returned.' }),
    },
    subscribe: (_root, args, ctx) =>
      ctx.live.limits.perViewer(ctx.viewer.id, () =>
        ctx.live.streams.runUpdates(
          checkName(args.flowName, 'flowName'),
          checkExecutionId(args.executionId),
          connectionOf(ctx),
        ),
      ),
    resolve: (run, args) => executionFromRecord(args.flowName, emit(run)),
  }),
);

builder.subscriptionField('flowRuns', (t) =>
  t.field({
    type: ExecutionRef,
    nullable: false,
    authScopes: { read: true },
    description:
      "A flow's runs as they change: first its runs in progress, then every new run (scheduled " +
      'and event flows start runs by themselves) and every change of status or result, until ' +
      'the client leaves.',
    args: { flowName: t.arg.string({ required: true, description: 'The name of the flow.' }) },
    subscribe: (_root, args, ctx) =>
      ctx.live.limits.perViewer(ctx.viewer.id, () =>
        ctx.live.streams.flowRuns(checkName(args.flowName, 'flowName'), connectionOf(ctx)),
      ),
    resolve: (run, args) => executionFromRecord(args.flowName, emit(run)),
  }),
);

builder.subscriptionField('flowStatusChanged', (t) =>
  t.field({
    type: FlowRef,
    nullable: false,
    authScopes: { read: true },
    description:
      'The flow, each time the status of one of these flows changes (Active, Suspended, ' +
      'Errored, ...). One shared DescribeFlow poller per flow.',
    args: {
      flowNames: t.arg.stringList({
        required: true,
        description: `The flows to watch (1 to ${MAX_FLOWS_PER_SUBSCRIPTION}).`,
      }),
    },
    subscribe: (_root, args, ctx) =>
      ctx.live.limits.perViewer(ctx.viewer.id, () =>
        ctx.live.streams.flowStatuses(checkFlowNames(args.flowNames), connectionOf(ctx)),
      ),
    // Plain JSON: its dates are ISO strings, which the DateTime scalar serializes alike.
    resolve: (flow) => flowFromDescribe(emit(flow) as never),
  }),
);
