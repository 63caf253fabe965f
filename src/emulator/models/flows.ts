/**
 * Flows: CreateFlow, UpdateFlow, DeleteFlow, DescribeFlow, ListFlows, StartFlow, StopFlow, the
 * schedules of active scheduled flows, and the clock's tick that fires schedules and moves runs
 * along, per flow in time order.
 */
import { operation } from '../../model/model.js';
import { toSeconds } from '../clock.js';
import { conflict, notFound, unsupported, validationError } from '../exceptions.js';
import { type JsonObject, omitUndefined } from '../json.js';
import { answer, listItemShape, storable, updated } from '../outputs.js';
import { paginate } from '../pagination.js';
import { nextFire } from '../schedule.js';
import type { ModelEnv } from './env.js';
import {
  checkFlowDefinition,
  type FlowDefinition,
  type FlowRuleContext,
  scheduleOf,
} from './flow-rules.js';
import type { IdempotencyModel } from './idempotency.js';
import type { PastRun, RunOwner, RunRecord, RunsModel } from './runs.js';
import { sourceRecordCount } from './source-data.js';

export interface FlowRecord extends RunOwner {
  flowArn: string;
  flowName: string;
  flowStatus: string;
  flowStatusMessage?: string;
  /** The CreateFlow request as the model validated it (without clientToken and tags), as
   * UpdateFlow left it: DescribeFlow and ListFlows answer from it by the model's output shapes
   * (outputs.ts), so a member the model adds comes back with no edit here. */
  definition: FlowDefinition;
  createdAtMs: number;
  lastUpdatedAtMs: number;
  createdBy: string;
  lastUpdatedBy: string;
  tags: Record<string, string>;
  /** Active scheduled flows: when the schedule was anchored, its next point (`baseMs`) and
   * when that run starts (`nextMs`: the point plus scheduleOffset). */
  schedule?: { anchorMs: number; baseMs?: number; nextMs: number };
}

/** The user guide (Flow triggers, incremental transfer): "The first schedule-triggered flow
 * will pull 30 days of past records at the time of the first flow run." */
export const FIRST_INCREMENTAL_PULL_MS = 30 * 86_400_000;

/** The request shape a flow's definition is a value of. */
const CREATE = operation('CreateFlow').input!.shape;

interface FlowNameInput {
  flowName: string;
  clientToken?: string;
  forceDelete?: boolean;
}

export class FlowsModel {
  records = new Map<string, FlowRecord>();

  constructor(
    private readonly env: ModelEnv,
    private readonly idempotency: IdempotencyModel,
    private readonly runs: RunsModel,
    private readonly catalog: Omit<FlowRuleContext, 'now'>,
  ) {}

  private check(input: FlowDefinition) {
    return checkFlowDefinition(input, { ...this.catalog, now: this.env.now });
  }

  get(name: string): FlowRecord {
    const f = this.records.get(name);
    if (!f) throw notFound(`Flow ${name} does not exist`);
    return f;
  }

  /** Names of the flows that use a connector profile. */
  usingProfile(name: string): string[] {
    return [...this.records.values()]
      .filter(
        (f) =>
          f.definition.sourceFlowConfig.connectorProfileName === name ||
          f.definition.destinationFlowConfigList.some((d) => d.connectorProfileName === name),
      )
      .map((f) => f.flowName);
  }

  /**
   * Arm an Active scheduled flow's schedule, anchored at its scheduleStartTime when that is
   * later, else at `anchorMs` (activation). AppFlow runs a rate() flow once when it is
   * activated, then every interval (`runAtAnchor`); a re-armed or restored schedule goes on
   * from `afterMs` without a run of its own. scheduleOffset ("added to the time interval", 0 to
   * 36000 seconds in the model) delays each run after its schedule point.
   */
  private armSchedule(
    flow: FlowRecord,
    opts: { anchorMs?: number; afterMs?: number; runAtAnchor?: boolean } = {},
  ) {
    const anchorMs = opts.anchorMs ?? this.env.now;
    const afterMs = opts.afterMs ?? anchorMs;
    const runAtAnchor = opts.runAtAnchor ?? true;
    const schedule = scheduleOf(flow.definition.triggerConfig);
    if (!schedule || flow.flowStatus !== 'Active') {
      flow.schedule = undefined;
      return;
    }
    const start = flow.definition.triggerConfig.triggerProperties?.Scheduled?.scheduleStartTime;
    const anchor = start && start * 1000 > anchorMs ? start * 1000 : anchorMs;
    const from = Math.max(anchor, afterMs);
    const scale = this.env.opts.timeScale;
    const atAnchor = runAtAnchor && from === anchor && schedule.kind === 'rate';
    const base = nextFire(schedule, anchor, from, scale, !atAnchor);
    this.setNext(flow, anchor, base);
  }

  private setNext(flow: FlowRecord, anchorMs: number, baseMs: number | undefined) {
    const offset = flow.definition.triggerConfig.triggerProperties?.Scheduled?.scheduleOffset ?? 0;
    flow.schedule =
      baseMs === undefined
        ? undefined
        : { anchorMs, baseMs, nextMs: baseMs + (offset * 1000) / this.env.opts.timeScale };
  }

  createFlow(input: FlowDefinition) {
    return this.idempotency.run('CreateFlow', input, () => {
      if (this.records.has(input.flowName)) {
        throw conflict(`Flow with name ${input.flowName} already exists`);
      }
      this.check(input);
      const at = this.env.now;
      const { tags, ...definition } = storable(
        CREATE,
        input as unknown as JsonObject,
      ) as unknown as FlowDefinition;
      const flow: FlowRecord = {
        flowArn: this.env.arn('flow', input.flowName),
        flowName: input.flowName,
        flowStatus: input.triggerConfig.triggerType === 'OnDemand' ? 'Active' : 'Draft',
        definition,
        createdAtMs: at,
        lastUpdatedAtMs: at,
        createdBy: this.env.principal,
        lastUpdatedBy: this.env.principal,
        tags: { ...(tags ?? {}) },
        errorStreak: 0,
      };
      this.records.set(flow.flowName, flow);
      this.env.touch();
      return { flowArn: flow.flowArn, flowStatus: flow.flowStatus };
    });
  }

  updateFlow(input: FlowDefinition) {
    return this.idempotency.run('UpdateFlow', input, () => {
      const flow = this.get(input.flowName);
      const oldDest = flow.definition.destinationFlowConfigList[0]?.connectorType;
      const newDest = input.destinationFlowConfigList[0]?.connectorType;
      if (oldDest && newDest && oldDest !== newDest) {
        throw validationError(
          `The destination connector type of a flow cannot be changed (${oldDest} to ${newDest}); create a new flow instead`,
        );
      }
      this.check(input);
      const triggerChanged =
        flow.definition.triggerConfig.triggerType !== input.triggerConfig.triggerType;
      flow.definition = updated(
        flow.definition as unknown as JsonObject,
        operation('UpdateFlow').input!.shape,
        input as unknown as JsonObject,
      ) as unknown as FlowDefinition;
      flow.lastUpdatedAtMs = this.env.now;
      flow.lastUpdatedBy = this.env.principal;
      if (triggerChanged) {
        flow.flowStatus = input.triggerConfig.triggerType === 'OnDemand' ? 'Active' : 'Draft';
      }
      // The schedule goes on from now under its new definition, without a run of its own.
      this.armSchedule(flow, { runAtAnchor: false });
      this.env.touch();
      return { flowStatus: flow.flowStatus };
    });
  }

  deleteFlow(input: FlowNameInput) {
    const flow = this.get(input.flowName);
    if (this.runs.hasActive(flow.flowName) && !input.forceDelete) {
      throw conflict(
        `Flow ${flow.flowName} has a run in progress; use forceDelete to delete it anyway`,
      );
    }
    this.records.delete(flow.flowName);
    this.runs.byFlow.delete(flow.flowName);
    this.env.touch();
    return {};
  }

  private lastRunView(f: FlowRecord) {
    if (!f.lastRun) return undefined;
    return omitUndefined({
      mostRecentExecutionStatus: f.lastRun.status,
      mostRecentExecutionTime: toSeconds(f.lastRun.timeMs),
      mostRecentExecutionMessage: f.lastRun.message,
    });
  }

  /** What AppFlow computes for every answer about a flow (the rest is its definition). */
  private computed(f: FlowRecord) {
    const trigger = f.definition.triggerConfig;
    return {
      flowArn: f.flowArn,
      flowStatus: f.flowStatus,
      flowStatusMessage: f.flowStatusMessage,
      lastRunExecutionDetails: this.lastRunView(f),
      // AppFlow answers `triggerProperties: {}` when a flow has none (on-demand flows), and
      // Apache Airflow's AppflowHook.update_flow_filter deletes that key from DescribeFlow's
      // answer without a guard (providers/amazon/aws/hooks/appflow.py): every
      // full/daily/before/after operator needs it, also after its own UpdateFlow without it.
      triggerConfig: { ...trigger, triggerProperties: trigger.triggerProperties ?? {} },
      createdAt: toSeconds(f.createdAtMs),
      lastUpdatedAt: toSeconds(f.lastUpdatedAtMs),
      createdBy: f.createdBy,
      lastUpdatedBy: f.lastUpdatedBy,
      tags: f.tags,
    };
  }

  private stored(f: FlowRecord) {
    return { shape: CREATE, value: f.definition as unknown as JsonObject };
  }

  describeFlow(input: FlowNameInput) {
    const f = this.get(input.flowName);
    return answer(
      operation('DescribeFlow').output!.shape,
      {
        ...this.computed(f),
        schemaVersion: 1,
      },
      this.stored(f),
    );
  }

  listFlows(input: { maxResults?: number; nextToken?: string }) {
    const { page, nextToken } = paginate(
      'ListFlows',
      {},
      [...this.records.values()],
      input.maxResults,
      input.nextToken,
    );
    const label = (name?: string) =>
      name ? this.catalog.profile(name)?.connectorLabel : undefined;
    const flows = page.map((f) => {
      const source = f.definition.sourceFlowConfig;
      const destination = f.definition.destinationFlowConfigList[0];
      return answer(
        listItemShape('ListFlows', 'flows'),
        {
          ...this.computed(f),
          sourceConnectorType: source.connectorType,
          sourceConnectorLabel: label(source.connectorProfileName),
          destinationConnectorType: destination?.connectorType,
          destinationConnectorLabel: label(destination?.connectorProfileName),
          triggerType: f.definition.triggerConfig.triggerType,
        },
        this.stored(f),
      );
    });
    return omitUndefined({ flows, nextToken });
  }

  /** The data pull window of a run of `flow` that starts at `at`. Incremental scheduled flows
   * pull what changed since the last successful run (the user guide); their first run pulls
   * from firstExecutionFrom, or the past 30 days. Other runs pull from where the run before
   * them ended (from the flow's creation for the first). */
  private pullWindow(flow: FlowRecord, at: number) {
    const before = this.runs.of(flow.flowName).filter((r) => r.startedAtMs < at);
    const props = flow.definition.triggerConfig.triggerProperties?.Scheduled;
    if (
      flow.definition.triggerConfig.triggerType === 'Scheduled' &&
      props?.dataPullMode === 'Incremental'
    ) {
      const lastOk = before.filter((r) => r.status === 'Successful').at(-1);
      const first =
        props.firstExecutionFrom !== undefined
          ? props.firstExecutionFrom * 1000
          : at - FIRST_INCREMENTAL_PULL_MS;
      return { startMs: Math.min(lastOk?.dataPullEndMs ?? first, at), endMs: at };
    }
    return { startMs: Math.min(before.at(-1)?.dataPullEndMs ?? flow.createdAtMs, at), endMs: at };
  }

  private startRun(flow: FlowRecord, at: number): RunRecord {
    const records = sourceRecordCount(flow.definition.tasks, at);
    return this.runs.start(flow, at, this.pullWindow(flow, at), records);
  }

  startFlow(input: FlowNameInput) {
    const flow = this.get(input.flowName);
    const onDemand = flow.definition.triggerConfig.triggerType === 'OnDemand';
    type StartFlowResponse = { flowArn: string; flowStatus: string; executionId?: string };
    // StartFlowRequest.clientToken: "If you specify input parameters that differ from your
    // first request, an error occurs for flows that run on a schedule or based on an event.
    // However, the error doesn't occur for flows that run on demand." Here: no error when this
    // flow and the token's first use both are on demand (that answer had an executionId).
    return this.idempotency.run<StartFlowResponse, FlowNameInput>(
      'StartFlow',
      input,
      () => {
        if (onDemand) {
          const run = this.startRun(flow, this.env.now);
          return {
            flowArn: flow.flowArn,
            flowStatus: flow.flowStatus,
            executionId: run.executionId,
          };
        }
        if (flow.flowStatus !== 'Active') {
          flow.flowStatus = 'Active';
          flow.flowStatusMessage = undefined;
          flow.errorStreak = 0;
          this.armSchedule(flow);
        }
        this.env.touch();
        return { flowArn: flow.flowArn, flowStatus: flow.flowStatus };
      },
      {
        parameters: { flowName: input.flowName },
        allowsDifferentInput: (previous) => onDemand && previous.executionId !== undefined,
      },
    );
  }

  stopFlow(input: FlowNameInput) {
    const flow = this.get(input.flowName);
    if (flow.definition.triggerConfig.triggerType === 'OnDemand') {
      throw unsupported(
        `Flow ${flow.flowName} is an on-demand flow; only scheduled and event-triggered flows can be stopped`,
      );
    }
    if (flow.flowStatus === 'Draft') throw conflict(`Flow ${flow.flowName} is not active`);
    flow.flowStatus = 'Suspended';
    flow.schedule = undefined;
    this.env.touch();
    return { flowArn: flow.flowArn, flowStatus: flow.flowStatus };
  }

  /** After a run of `flow` finished: deactivate it once it failed too often in a row. */
  private checkErrorThreshold(flow: FlowRecord) {
    const threshold =
      flow.definition.triggerConfig.triggerProperties?.Scheduled?.flowErrorDeactivationThreshold;
    if (threshold && flow.errorStreak >= threshold && flow.flowStatus === 'Active') {
      flow.flowStatus = 'Suspended';
      flow.flowStatusMessage = `Deactivated after ${flow.errorStreak} consecutive failed runs`;
      flow.schedule = undefined;
      this.env.events?.flowDeactivated(flow);
    }
  }

  /** Process every timed event due at or before `now`, per flow in time order. */
  tick(now = this.env.now) {
    for (const flow of this.records.values()) {
      for (let guard = 0; guard < 100_000; guard++) {
        const dueRun = this.runs.dueRun(flow.flowName, now);
        const fire = flow.schedule && flow.schedule.nextMs <= now ? flow.schedule : undefined;
        if (dueRun && (fire === undefined || dueRun.dueMs! <= fire.nextMs)) {
          if (this.runs.advance(dueRun, flow)) this.checkErrorThreshold(flow);
        } else if (fire !== undefined) {
          const base = fire.baseMs ?? fire.nextMs;
          const end = flow.definition.triggerConfig.triggerProperties?.Scheduled?.scheduleEndTime;
          if (end && base > end * 1000) {
            flow.schedule = undefined;
            continue;
          }
          this.startRun(flow, fire.nextMs);
          const schedule = scheduleOf(flow.definition.triggerConfig);
          const next = schedule
            ? nextFire(schedule, fire.anchorMs, base, this.env.opts.timeScale)
            : undefined;
          this.setNext(flow, fire.anchorMs, next);
        } else break;
      }
    }
  }

  /** The next time something is due (for the real-time timer), or undefined. */
  nextDueMs(): number | undefined {
    let next: number | undefined;
    const consider = (t: number | undefined) => {
      if (t !== undefined && (next === undefined || t < next)) next = t;
    };
    for (const flow of this.records.values()) {
      consider(flow.schedule?.nextMs);
      consider(this.runs.nextDueMs(flow.flowName));
    }
    return next;
  }

  /** Start a run now, as if the source had sent an event (control API). */
  triggerEvent(flowName: string) {
    const flow = this.get(flowName);
    if (flow.definition.triggerConfig.triggerType !== 'OnDemand' && flow.flowStatus !== 'Active') {
      throw conflict(`Flow ${flowName} is not active`);
    }
    return { executionId: this.startRun(flow, this.env.now).executionId };
  }

  /** Set a scheduled/event flow's status directly (seed data): activated at `activatedAtMs`,
   * its schedule goes on from now. */
  setFlowStatus(flowName: string, status: string, activatedAtMs = this.env.now) {
    const flow = this.get(flowName);
    flow.flowStatus = status;
    this.armSchedule(flow, { anchorMs: activatedAtMs, afterMs: this.env.now, runAtAnchor: false });
    this.env.touch();
  }

  /** Add a past run (seed data), under the same rules as a live one. */
  importRun(flowName: string, spec: PastRun): RunRecord {
    const flow = this.get(flowName);
    if (spec.startedAtMs < flow.createdAtMs) {
      throw validationError(`A run of ${flowName} cannot start before the flow was created`);
    }
    if (spec.startedAtMs > this.env.now) {
      throw validationError(`A past run of ${flowName} cannot start in the future`);
    }
    const window = this.pullWindow(flow, spec.startedAtMs);
    const run = this.runs.import(flow, {
      ...spec,
      dataPullStartMs: window.startMs,
      dataPullEndMs: window.endMs,
      sourceRecords: sourceRecordCount(flow.definition.tasks, spec.startedAtMs),
    });
    if (this.runs.of(flowName).at(-1) === run) this.checkErrorThreshold(flow);
    return run;
  }

  clear() {
    this.records.clear();
  }
}
