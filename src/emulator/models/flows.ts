/**
 * Flows: CreateFlow, UpdateFlow, DeleteFlow, DescribeFlow, ListFlows, StartFlow, StopFlow, the
 * schedules of active scheduled flows, and the clock's tick that fires schedules and moves runs
 * along, per flow in time order.
 */
import { toSeconds } from '../clock.js';
import { conflict, notFound, unsupported, validationError } from '../exceptions.js';
import { omitUndefined } from '../json.js';
import { paginate } from '../pagination.js';
import { nextFire } from '../schedule.js';
import type { ModelEnv } from './env.js';
import {
  checkFlowDefinition,
  type DestinationFlowConfig,
  type FlowDefinition,
  type ProfileLookup,
  type SourceFlowConfig,
  scheduleOf,
  type TriggerConfig,
} from './flow-rules.js';
import type { IdempotencyModel } from './idempotency.js';
import type { PastRun, RunOwner, RunRecord, RunsModel } from './runs.js';

export interface FlowRecord extends RunOwner {
  flowArn: string;
  flowName: string;
  description?: string;
  kmsArn?: string;
  flowStatus: string;
  flowStatusMessage?: string;
  sourceFlowConfig: SourceFlowConfig;
  destinationFlowConfigList: DestinationFlowConfig[];
  triggerConfig: TriggerConfig;
  tasks: FlowDefinition['tasks'];
  metadataCatalogConfig?: FlowDefinition['metadataCatalogConfig'];
  createdAtMs: number;
  lastUpdatedAtMs: number;
  createdBy: string;
  lastUpdatedBy: string;
  tags: Record<string, string>;
  /** Active scheduled flows: when the schedule was anchored and when it fires next. */
  schedule?: { anchorMs: number; nextMs: number };
}

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
    private readonly profiles: ProfileLookup,
    /** The connector label of a profile, for ListFlows. */
    private readonly labelOf: (profileName: string) => string | undefined,
  ) {}

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
          f.sourceFlowConfig.connectorProfileName === name ||
          f.destinationFlowConfigList.some((d) => d.connectorProfileName === name),
      )
      .map((f) => f.flowName);
  }

  /** Anchor an Active scheduled flow's schedule at `fromMs` (or its scheduleStartTime). */
  private armSchedule(flow: FlowRecord, fromMs = this.env.now) {
    const schedule = scheduleOf(flow.triggerConfig);
    if (!schedule || flow.flowStatus !== 'Active') {
      flow.schedule = undefined;
      return;
    }
    const start = flow.triggerConfig.triggerProperties?.Scheduled?.scheduleStartTime;
    const anchorMs = start && start * 1000 > fromMs ? start * 1000 : fromMs;
    flow.schedule = {
      anchorMs,
      nextMs: nextFire(schedule, anchorMs, anchorMs, this.env.opts.timeScale),
    };
  }

  createFlow(input: FlowDefinition) {
    return this.idempotency.run('CreateFlow', input, () => {
      if (this.records.has(input.flowName)) {
        throw conflict(`Flow with name ${input.flowName} already exists`);
      }
      checkFlowDefinition(input, this.profiles);
      const at = this.env.now;
      const flow: FlowRecord = {
        flowArn: this.env.arn('flow', input.flowName),
        flowName: input.flowName,
        description: input.description,
        kmsArn: input.kmsArn,
        flowStatus: input.triggerConfig.triggerType === 'OnDemand' ? 'Active' : 'Draft',
        sourceFlowConfig: input.sourceFlowConfig,
        destinationFlowConfigList: input.destinationFlowConfigList,
        triggerConfig: input.triggerConfig,
        tasks: input.tasks,
        metadataCatalogConfig: input.metadataCatalogConfig,
        createdAtMs: at,
        lastUpdatedAtMs: at,
        createdBy: this.env.principal,
        lastUpdatedBy: this.env.principal,
        tags: { ...(input.tags ?? {}) },
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
      const oldDest = flow.destinationFlowConfigList[0]?.connectorType;
      const newDest = input.destinationFlowConfigList[0]?.connectorType;
      if (oldDest && newDest && oldDest !== newDest) {
        throw validationError(
          `The destination connector type of a flow cannot be changed (${oldDest} to ${newDest}); create a new flow instead`,
        );
      }
      checkFlowDefinition(input, this.profiles);
      const triggerChanged = flow.triggerConfig.triggerType !== input.triggerConfig.triggerType;
      flow.description = input.description;
      flow.sourceFlowConfig = input.sourceFlowConfig;
      flow.destinationFlowConfigList = input.destinationFlowConfigList;
      flow.triggerConfig = input.triggerConfig;
      flow.tasks = input.tasks;
      flow.metadataCatalogConfig = input.metadataCatalogConfig;
      flow.lastUpdatedAtMs = this.env.now;
      flow.lastUpdatedBy = this.env.principal;
      if (triggerChanged) {
        flow.flowStatus = input.triggerConfig.triggerType === 'OnDemand' ? 'Active' : 'Draft';
      }
      this.armSchedule(flow);
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

  describeFlow(input: FlowNameInput) {
    const f = this.get(input.flowName);
    return omitUndefined({
      flowArn: f.flowArn,
      description: f.description,
      flowName: f.flowName,
      kmsArn: f.kmsArn,
      flowStatus: f.flowStatus,
      flowStatusMessage: f.flowStatusMessage,
      sourceFlowConfig: f.sourceFlowConfig,
      destinationFlowConfigList: f.destinationFlowConfigList,
      lastRunExecutionDetails: this.lastRunView(f),
      triggerConfig: f.triggerConfig,
      tasks: f.tasks,
      createdAt: toSeconds(f.createdAtMs),
      lastUpdatedAt: toSeconds(f.lastUpdatedAtMs),
      createdBy: f.createdBy,
      lastUpdatedBy: f.lastUpdatedBy,
      tags: f.tags,
      metadataCatalogConfig: f.metadataCatalogConfig,
      schemaVersion: 1,
    });
  }

  listFlows(input: { maxResults?: number; nextToken?: string }) {
    const { page, nextToken } = paginate(
      'ListFlows',
      {},
      [...this.records.values()],
      input.maxResults,
      input.nextToken,
    );
    const label = (name?: string) => (name ? this.labelOf(name) : undefined);
    const flows = page.map((f) =>
      omitUndefined({
        flowArn: f.flowArn,
        description: f.description,
        flowName: f.flowName,
        flowStatus: f.flowStatus,
        sourceConnectorType: f.sourceFlowConfig.connectorType,
        sourceConnectorLabel: label(f.sourceFlowConfig.connectorProfileName),
        destinationConnectorType: f.destinationFlowConfigList[0]?.connectorType,
        destinationConnectorLabel: label(f.destinationFlowConfigList[0]?.connectorProfileName),
        triggerType: f.triggerConfig.triggerType,
        createdAt: toSeconds(f.createdAtMs),
        lastUpdatedAt: toSeconds(f.lastUpdatedAtMs),
        createdBy: f.createdBy,
        lastUpdatedBy: f.lastUpdatedBy,
        tags: f.tags,
        lastRunExecutionDetails: this.lastRunView(f),
      }),
    );
    return omitUndefined({ flows, nextToken });
  }

  /** The data pull window of a new run of `flow` at `at`. */
  private pullWindow(flow: FlowRecord, at: number) {
    const previous = this.runs.of(flow.flowName).at(-1);
    return { startMs: previous?.dataPullEndMs ?? flow.createdAtMs, endMs: at };
  }

  private startRun(flow: FlowRecord, at: number): RunRecord {
    return this.runs.start(flow, at, this.pullWindow(flow, at));
  }

  startFlow(input: FlowNameInput) {
    const flow = this.get(input.flowName);
    const onDemand = flow.triggerConfig.triggerType === 'OnDemand';
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
    if (flow.triggerConfig.triggerType === 'OnDemand') {
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
      flow.triggerConfig.triggerProperties?.Scheduled?.flowErrorDeactivationThreshold;
    if (threshold && flow.errorStreak >= threshold && flow.flowStatus === 'Active') {
      flow.flowStatus = 'Suspended';
      flow.flowStatusMessage = `Deactivated after ${flow.errorStreak} consecutive failed runs`;
      flow.schedule = undefined;
    }
  }

  /** Process every timed event due at or before `now`, per flow in time order. */
  tick(now = this.env.now) {
    for (const flow of this.records.values()) {
      for (let guard = 0; guard < 100_000; guard++) {
        const dueRun = this.runs.dueRun(flow.flowName, now);
        const fire =
          flow.schedule && flow.schedule.nextMs <= now ? flow.schedule.nextMs : undefined;
        if (dueRun && (fire === undefined || dueRun.dueMs! <= fire)) {
          this.runs.advance(dueRun, flow);
          this.checkErrorThreshold(flow);
        } else if (fire !== undefined && flow.schedule) {
          const end = flow.triggerConfig.triggerProperties?.Scheduled?.scheduleEndTime;
          if (end && fire > end * 1000) {
            flow.schedule = undefined;
            continue;
          }
          this.startRun(flow, fire);
          const schedule = scheduleOf(flow.triggerConfig);
          if (!schedule) flow.schedule = undefined;
          else {
            flow.schedule.nextMs = nextFire(
              schedule,
              flow.schedule.anchorMs,
              fire,
              this.env.opts.timeScale,
            );
          }
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
    if (flow.triggerConfig.triggerType !== 'OnDemand' && flow.flowStatus !== 'Active') {
      throw conflict(`Flow ${flowName} is not active`);
    }
    return { executionId: this.startRun(flow, this.env.now).executionId };
  }

  /** Activate or suspend a scheduled/event flow directly (seed data). */
  setFlowStatus(flowName: string, status: string) {
    const flow = this.get(flowName);
    flow.flowStatus = status;
    this.armSchedule(flow);
    this.env.touch();
  }

  /** Add a past run (seed data). */
  importRun(flowName: string, spec: PastRun): RunRecord {
    const flow = this.get(flowName);
    const run = this.runs.import(flow, spec);
    if (this.runs.of(flowName).at(-1) === run) this.checkErrorThreshold(flow);
    return run;
  }

  clear() {
    this.records.clear();
  }
}
