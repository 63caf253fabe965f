/**
 * `Subscription.flowRunEvents`: every run start, status change and end on any flow matching the
 * filter (all flows by default), from the live state (src/live/state.ts), which the fleet loop
 * (src/live/fleet.ts), mutations and AppFlow's EventBridge events feed.
 */

import { GraphQLError } from 'graphql';
import type { FleetEvent } from '../live/index.js';
import { fleetStream } from '../live/index.js';
import { connectionOf } from '../live/limits.js';
import {
  type FlowFilter as FlowFilterArgs,
  flowMatches,
  isActiveFilter,
} from '../resolvers/flow.js';
import { executionFromRecord, flowFromList } from '../services/models.js';
import { builder } from './builder.js';
import { FlowFilter } from './flow.js';
import { enumRef } from './model-types.js';
import { ExecutionRef, FlowRef } from './refs.js';

const FlowRunEventKind = builder.enumType('FlowRunEventKind', {
  description: 'What happened to a run.',
  values: {
    STARTED: { description: 'A new run, in progress.' },
    STATUS_CHANGED: { description: 'A run changed status and is still going (CancelStarted).' },
    FINISHED: {
      description:
        'A run ended: Successful, Error or Canceled; once per run. A run first seen already ended (it started and ended between two polls) has only this event, with previousStatus null.',
    },
  } as const,
});

const FlowRunEventRef = builder.objectRef<FleetEvent>('FlowRunEvent').implement({
  description: 'A run of some flow started, changed status or ended.',
  fields: (t) => ({
    kind: t.field({
      type: FlowRunEventKind,
      nullable: false,
      description: 'What happened.',
      resolve: (e) => e.kind,
    }),
    flowName: t.exposeString('flowName', { nullable: false, description: 'The flow of the run.' }),
    flow: t.field({
      type: FlowRef,
      description: 'The flow, as ListFlows listed it when the event was seen.',
      resolve: (e) => flowFromList(e.flow as never),
    }),
    execution: t.field({
      type: ExecutionRef,
      description: 'The run, as AppFlow reported it when the event was seen.',
      resolve: (e) => executionFromRecord(e.flowName, e.execution),
    }),
    previousStatus: t.field({
      type: enumRef('ExecutionStatus'),
      description: 'The status before this event (null for a run not seen before).',
      resolve: (e) => (e.previousStatus ?? null) as never,
    }),
  }),
});

builder.subscriptionField('flowRunEvents', (t) =>
  t.field({
    type: FlowRunEventRef,
    nullable: false,
    authScopes: { read: true },
    description:
      'Every run start, status change and end on the flows matching `filter` (all flows by default), each run ending once. Runs started, stopped or cancelled through this gateway, and AppFlow events delivered by EventBridge, arrive at once; one loop per deployment reads ListFlows (a call per 100 flows) and the runs of flows whose last run changed or is in progress, however many subscribe.',
    args: {
      filter: t.arg({ type: FlowFilter, description: 'Only flows that match every given filter.' }),
    },
    subscribe: (_root, args, ctx) => {
      const filter = args.filter as FlowFilterArgs | null | undefined;
      const active = isActiveFilter(filter);
      return ctx.live.limits.perViewer(ctx.viewer.id, () =>
        fleetStream(
          ctx.live.fleet,
          () => ctx.live.limits.reserve(connectionOf(ctx)),
          (flow) => !active || flowMatches(flow as never, filter),
        ),
      );
    },
    // An error item fails that one event; the stream goes on.
    resolve: (event) => {
      if (event instanceof GraphQLError) throw event;
      return event;
    },
  }),
);
