/**
 * `Flow.runStats`: run analytics of a flow from its newest runs (src/resolvers/flow-run-stats.ts).
 * Bounded: `last` is at most 500 runs (5 DescribeFlowExecutionRecords pages, cached), and the
 * query cost counts the pages it reads (src/plugins/limits.ts, pageCostError).
 */
import { GraphQLError } from 'graphql';
import {
  type DailyRunStats,
  type DurationStats,
  type FlowRunStats,
  flowRunStats,
  MAX_RUN_STATS,
  type RunError,
  type VolumeStats,
} from '../resolvers/flow-run-stats.js';
import { builder } from './builder.js';
import { FlowRef } from './refs.js';

const DurationStatsRef = builder.objectRef<DurationStats>('DurationStats').implement({
  description: 'Run durations in seconds (finished runs: start to last update).',
  fields: (t) => ({
    p50: t.exposeFloat('p50', { nullable: true, description: 'Median duration.' }),
    p95: t.exposeFloat('p95', { nullable: true, description: '95th percentile (nearest rank).' }),
    max: t.exposeFloat('max', { nullable: true, description: 'Longest run.' }),
  }),
});

const VolumeStatsRef = builder.objectRef<VolumeStats>('VolumeStats').implement({
  description: 'A volume processed by the runs (records or bytes).',
  fields: (t) => ({
    total: t.exposeFloat('total', { nullable: false, description: 'Over every run read.' }),
    perRun: t.exposeFloat('perRun', {
      nullable: true,
      description: 'Average per run (null when there are no runs).',
    }),
  }),
});

const RunErrorRef = builder.objectRef<RunError>('RunError').implement({
  description: 'The most recent failed run.',
  fields: (t) => ({
    message: t.exposeString('message', { nullable: false, description: 'What AppFlow said.' }),
    at: t.field({
      type: 'DateTime',
      nullable: false,
      description: 'When the run failed.',
      resolve: (e) => e.at,
    }),
    executionId: t.exposeString('executionId', { nullable: false, description: 'The run.' }),
  }),
});

const DailyRunStatsRef = builder.objectRef<DailyRunStats>('DailyRunStats').implement({
  description: 'The runs started on one UTC day.',
  fields: (t) => ({
    date: t.exposeString('date', { nullable: false, description: 'YYYY-MM-DD (UTC).' }),
    runs: t.exposeInt('runs', { nullable: false, description: 'Runs started that day.' }),
    failures: t.exposeInt('failures', { nullable: false, description: 'Of which failed.' }),
    records: t.exposeFloat('records', { nullable: false, description: 'Records processed.' }),
  }),
});

const FlowRunStatsRef = builder.objectRef<FlowRunStats>('FlowRunStats').implement({
  description: "How a flow's newest runs went.",
  fields: (t) => ({
    runs: t.exposeInt('runs', { nullable: false, description: 'Runs read.' }),
    successes: t.exposeInt('successes', { nullable: false, description: 'Successful runs.' }),
    failures: t.exposeInt('failures', {
      nullable: false,
      description: 'Runs that ended in Error.',
    }),
    cancellations: t.exposeInt('cancellations', {
      nullable: false,
      description: 'Canceled runs.',
    }),
    inProgress: t.exposeInt('inProgress', {
      nullable: false,
      description: 'Runs still in progress (InProgress, CancelStarted).',
    }),
    successRate: t.exposeFloat('successRate', {
      nullable: true,
      description: 'Successes over finished runs, 0 to 1 (null when no run has finished).',
    }),
    duration: t.expose('duration', {
      type: DurationStatsRef,
      nullable: false,
      description: 'Durations.',
    }),
    records: t.expose('records', {
      type: VolumeStatsRef,
      nullable: false,
      description: 'Records processed.',
    }),
    bytes: t.expose('bytes', {
      type: VolumeStatsRef,
      nullable: false,
      description: 'Bytes processed.',
    }),
    lastError: t.expose('lastError', {
      type: RunErrorRef,
      nullable: true,
      description: 'The most recent failure among the runs read.',
    }),
    daily: t.expose('daily', {
      type: [DailyRunStatsRef],
      nullable: false,
      description: 'Per UTC day, oldest first, for charts.',
    }),
    from: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'Start of the oldest run read.',
      resolve: (s) => s.from,
    }),
    to: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'Start of the newest run read.',
      resolve: (s) => s.to,
    }),
    truncated: t.exposeBoolean('truncated', {
      nullable: false,
      description: 'More runs existed (within `since`) than `last` allowed to read.',
    }),
  }),
});

builder.objectField(FlowRef, 'runStats', (t) =>
  t.field({
    type: FlowRunStatsRef,
    description: `Run analytics from the flow's newest runs (DescribeFlowExecutionRecords, cached): at most \`last\` runs (up to ${MAX_RUN_STATS}) started at or after \`since\`.`,
    args: {
      last: t.arg.int({
        defaultValue: 100,
        description: `How many of the newest runs to read (1 to ${MAX_RUN_STATS}).`,
      }),
      since: t.arg({ type: 'DateTime', description: 'Only runs started at or after this time.' }),
    },
    resolve: (flow, args, ctx) => {
      const last = args.last ?? 100;
      if (!Number.isInteger(last) || last < 1 || last > MAX_RUN_STATS) {
        throw new GraphQLError(`last must be 1 to ${MAX_RUN_STATS}.`, {
          extensions: { code: 'BAD_USER_INPUT', argument: 'last' },
        });
      }
      return flowRunStats(ctx, flow, last, args.since ?? undefined);
    },
  }),
);
