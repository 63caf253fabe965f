/**
 * The emulator's state and behaviour (moto's "models"): connector profiles, flows, runs,
 * custom connectors, tags, idempotency tokens, the metadata cache, and the run state machine
 * (InProgress -> Successful | Error; InProgress -> CancelStarted -> Canceled) driven by the
 * clock. Inputs arrive already validated against the model; this file adds the documented
 * business rules. Outputs are plain objects with timestamps in epoch seconds.
 */
import { createHash, randomUUID } from 'node:crypto';
import { connectorMemberFor } from '../model/connectors.js';
import {
  builtInConfiguration,
  builtInDetail,
  CONNECTOR_TYPES,
  canUseAsDestination,
  canUseAsSource,
  describeEntity,
  listEntities,
  PROFILELESS_TYPES,
} from './catalog.js';
import type { Clock } from './clock.js';
import { toSeconds } from './clock.js';
import { AwsError, conflict, notFound, unsupported, validationError } from './exceptions.js';
import { hashOf, paginate } from './pagination.js';
import { nextFire, parseSchedule, type Schedule } from './schedule.js';

// biome-ignore lint/suspicious/noExplicitAny: inputs are model-validated JSON
type Json = any;

export type ExecutionStatus = 'InProgress' | 'Successful' | 'Error' | 'CancelStarted' | 'Canceled';

export interface ProfileRecord {
  connectorProfileArn: string;
  connectorProfileName: string;
  connectorType: string;
  connectorLabel?: string;
  connectionMode: string;
  kmsArn?: string;
  credentialsArn?: string;
  connectorProfileProperties: Json;
  createdAtMs: number;
  lastUpdatedAtMs: number;
  tags: Record<string, string>;
}

export interface FlowRecord {
  flowArn: string;
  flowName: string;
  description?: string;
  kmsArn?: string;
  flowStatus: string;
  flowStatusMessage?: string;
  sourceFlowConfig: Json;
  destinationFlowConfigList: Json[];
  triggerConfig: Json;
  tasks: Json[];
  metadataCatalogConfig?: Json;
  createdAtMs: number;
  lastUpdatedAtMs: number;
  createdBy: string;
  lastUpdatedBy: string;
  tags: Record<string, string>;
  lastRun?: { status: ExecutionStatus; timeMs: number; message?: string };
  /** Active scheduled flows: when the schedule was anchored and when it fires next. */
  schedule?: { anchorMs: number; nextMs: number };
  errorStreak: number;
}

export interface RunRecord {
  executionId: string;
  flowName: string;
  status: ExecutionStatus;
  startedAtMs: number;
  lastUpdatedAtMs: number;
  /** When the run moves to its next state (InProgress -> outcome, CancelStarted -> Canceled). */
  dueMs?: number;
  outcome: 'Successful' | 'Error';
  message?: string;
  dataPullStartMs?: number;
  dataPullEndMs?: number;
  result: Json;
  /** Eventual consistency: DescribeFlowExecutionRecords calls that still do not show it. */
  hiddenFor: number;
}

export interface ConnectorRecord {
  connectorLabel: string;
  connectorArn: string;
  description?: string;
  connectorProvisioningType: string;
  connectorProvisioningConfig: Json;
  connectorVersion: number;
  registeredAtMs: number;
  registeredBy: string;
}

export interface OutcomeRule {
  flowName?: string;
  outcome: 'Successful' | 'Error';
  /** Runs left to affect; null = until cleared. */
  remaining: number | null;
  message?: string;
}

interface IdempotencyRecord {
  hash: string;
  response: Json;
  expiresAtMs: number;
}

/** Everything that persistence saves (credentials are deliberately not part of it). */
export interface Snapshot {
  version: 1;
  profiles: ProfileRecord[];
  flows: FlowRecord[];
  runs: RunRecord[];
  connectors: ConnectorRecord[];
  idempotency: [string, IdempotencyRecord][];
  outcomes: OutcomeRule[];
  hideNewRunsForCalls: number;
}

export interface StoreOptions {
  region: string;
  accountId: string;
  runSeconds: number;
  timeScale: number;
  clock: Clock;
}

const IDEMPOTENCY_MS = 8 * 3600 * 1000;
const ACTIVE: ExecutionStatus[] = ['InProgress', 'CancelStarted'];
const DEFAULT_ERROR_MESSAGE =
  'Flow run failed, the source connector returned an error. Check the connector profile.';

const omitUndefined = <T extends Record<string, unknown>>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** Deterministic pseudo-random numbers from a string, for plausible run statistics. */
function seeded(key: string): () => number {
  let state = createHash('sha256').update(key).digest().readUInt32LE(0) || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) % 1_000_000) / 1_000_000;
  };
}

export class Store {
  profiles = new Map<string, ProfileRecord>();
  flows = new Map<string, FlowRecord>();
  /** Runs per flow, oldest first. */
  runs = new Map<string, RunRecord[]>();
  connectors = new Map<string, ConnectorRecord>();
  idempotency = new Map<string, IdempotencyRecord>();
  outcomes: OutcomeRule[] = [];
  hideNewRunsForCalls = 0;
  /** In memory only: never returned, never persisted. */
  credentials = new Map<string, Json>();
  metadataCache = new Map<string, { cachedAtMs: number; value: Json }>();
  /** Bumped on every change; persistence saves when it moves. */
  version = 0;

  constructor(readonly opts: StoreOptions) {}

  get now(): number {
    return this.opts.clock.now();
  }

  private touch() {
    this.version++;
  }

  get principal(): string {
    return `arn:aws:iam::${this.opts.accountId}:user/emulator`;
  }

  arn(kind: 'flow' | 'connectorprofile' | 'connector', name: string): string {
    return `arn:aws:appflow:${this.opts.region}:${this.opts.accountId}:${kind}/${name}`;
  }

  get runMs(): number {
    return (this.opts.runSeconds * 1000) / this.opts.timeScale;
  }

  get cancelMs(): number {
    return Math.min(1000, this.opts.runSeconds * 1000) / this.opts.timeScale;
  }

  reset() {
    this.profiles.clear();
    this.flows.clear();
    this.runs.clear();
    this.connectors.clear();
    this.idempotency.clear();
    this.outcomes = [];
    this.hideNewRunsForCalls = 0;
    this.credentials.clear();
    this.metadataCache.clear();
    this.touch();
  }

  // -------------------------------------------------------------------------------------------
  // Idempotency (clientToken, 8 hours)

  private idempotent(op: string, input: Json, run: () => Json): Json {
    const token: string | undefined = input.clientToken;
    if (!token) return run();
    const key = `${op}:${token}`;
    const { clientToken: _ignored, ...rest } = input;
    const hash = hashOf(rest);
    const previous = this.idempotency.get(key);
    if (previous && previous.expiresAtMs > this.now) {
      if (previous.hash === hash) return previous.response;
      throw conflict(
        `The clientToken was already used with different parameters for ${op} in the last 8 hours`,
      );
    }
    const response = run();
    this.remember(key, hash, response);
    return response;
  }

  private remember(key: string, hash: string, response: Json) {
    const now = this.now;
    for (const [k, r] of this.idempotency) if (r.expiresAtMs <= now) this.idempotency.delete(k);
    this.idempotency.set(key, { hash, response, expiresAtMs: now + IDEMPOTENCY_MS });
    this.touch();
  }

  // -------------------------------------------------------------------------------------------
  // Connector profiles

  private getProfile(name: string): ProfileRecord {
    const p = this.profiles.get(name);
    if (!p) throw notFound(`Connector profile ${name} does not exist`);
    return p;
  }

  private checkProfileProperties(type: string, config: Json) {
    const key = connectorMemberFor('ConnectorProfileProperties', type);
    const props = config.connectorProfileProperties ?? {};
    if (key && props[key] === undefined) {
      throw validationError(
        `connectorProfileConfig.connectorProfileProperties must contain ${key} for connector type ${type}`,
      );
    }
    const others = Object.keys(props).filter((k) => k !== key);
    if (others.length) {
      throw validationError(
        `connectorProfileProperties.${others[0]} does not match connector type ${type}`,
      );
    }
  }

  private credentialsArnFor(name: string): string {
    const suffix = randomUUID().replace(/-/g, '').slice(0, 6);
    const acct = this.opts.accountId;
    return `arn:aws:secretsmanager:${this.opts.region}:${acct}:secret:appflow!${acct}-${name}-${Math.floor(this.now / 1000)}-${suffix}`;
  }

  createConnectorProfile(input: Json, at = this.now) {
    return this.idempotent('CreateConnectorProfile', input, () => {
      const name: string = input.connectorProfileName;
      if (this.profiles.has(name)) {
        throw conflict(`Connector profile with name ${name} already exists`);
      }
      const type: string = input.connectorType;
      if (PROFILELESS_TYPES.has(type)) {
        throw validationError(`Connector type ${type} does not use connector profiles`);
      }
      if (type === 'CustomConnector') {
        if (!input.connectorLabel) {
          throw validationError('connectorLabel is required for connector type CustomConnector');
        }
        if (!this.connectors.has(input.connectorLabel)) {
          throw notFound(`Connector ${input.connectorLabel} is not registered`);
        }
      }
      this.checkProfileProperties(type, input.connectorProfileConfig);
      const creds = input.connectorProfileConfig.connectorProfileCredentials;
      const arn = this.arn('connectorprofile', name);
      const record: ProfileRecord = {
        connectorProfileArn: arn,
        connectorProfileName: name,
        connectorType: type,
        connectorLabel: input.connectorLabel,
        connectionMode: input.connectionMode,
        kmsArn: input.kmsArn,
        credentialsArn: creds ? this.credentialsArnFor(name) : undefined,
        connectorProfileProperties: input.connectorProfileConfig.connectorProfileProperties,
        createdAtMs: at,
        lastUpdatedAtMs: at,
        tags: {},
      };
      if (creds) this.credentials.set(name, creds);
      this.profiles.set(name, record);
      this.touch();
      return { connectorProfileArn: arn };
    });
  }

  updateConnectorProfile(input: Json) {
    return this.idempotent('UpdateConnectorProfile', input, () => {
      const p = this.getProfile(input.connectorProfileName);
      this.checkProfileProperties(p.connectorType, input.connectorProfileConfig);
      p.connectionMode = input.connectionMode;
      p.connectorProfileProperties = input.connectorProfileConfig.connectorProfileProperties;
      const creds = input.connectorProfileConfig.connectorProfileCredentials;
      if (creds) {
        this.credentials.set(p.connectorProfileName, creds);
        p.credentialsArn ??= this.credentialsArnFor(p.connectorProfileName);
      }
      p.lastUpdatedAtMs = this.now;
      this.touch();
      return { connectorProfileArn: p.connectorProfileArn };
    });
  }

  private flowsUsingProfile(name: string): FlowRecord[] {
    return [...this.flows.values()].filter(
      (f) =>
        f.sourceFlowConfig.connectorProfileName === name ||
        f.destinationFlowConfigList.some((d) => d.connectorProfileName === name),
    );
  }

  deleteConnectorProfile(input: Json) {
    const p = this.getProfile(input.connectorProfileName);
    const users = this.flowsUsingProfile(p.connectorProfileName);
    if (users.length && !input.forceDelete) {
      throw conflict(
        `Connector profile ${p.connectorProfileName} is used by flow(s) ${users.map((f) => f.flowName).join(', ')}; use forceDelete to delete it anyway`,
      );
    }
    this.profiles.delete(p.connectorProfileName);
    this.credentials.delete(p.connectorProfileName);
    this.dropMetadataCache(`profile:${p.connectorProfileName}|`);
    this.touch();
    return {};
  }

  private profileView(p: ProfileRecord) {
    return omitUndefined({
      connectorProfileArn: p.connectorProfileArn,
      connectorProfileName: p.connectorProfileName,
      connectorType: p.connectorType,
      connectorLabel: p.connectorLabel,
      connectionMode: p.connectionMode,
      credentialsArn: p.credentialsArn,
      connectorProfileProperties: p.connectorProfileProperties,
      createdAt: toSeconds(p.createdAtMs),
      lastUpdatedAt: toSeconds(p.lastUpdatedAtMs),
    });
  }

  describeConnectorProfiles(input: Json) {
    const filter = {
      names: input.connectorProfileNames,
      type: input.connectorType,
      label: input.connectorLabel,
    };
    const names: string[] | undefined = input.connectorProfileNames;
    const items = [...this.profiles.values()].filter(
      (p) =>
        (!names?.length || names.includes(p.connectorProfileName)) &&
        (!input.connectorType || p.connectorType === input.connectorType) &&
        (!input.connectorLabel || p.connectorLabel === input.connectorLabel),
    );
    const { page, nextToken } = paginate(
      'DescribeConnectorProfiles',
      filter,
      items,
      input.maxResults,
      input.nextToken,
    );
    return omitUndefined({
      connectorProfileDetails: page.map((p) => this.profileView(p)),
      nextToken,
    });
  }

  // -------------------------------------------------------------------------------------------
  // Flows

  private getFlow(name: string): FlowRecord {
    const f = this.flows.get(name);
    if (!f) throw notFound(`Flow ${name} does not exist`);
    return f;
  }

  private checkEndpoint(
    role: 'source' | 'destination',
    config: Json,
    path: string,
    propertiesMember: string,
  ) {
    const type: string = config.connectorType;
    const capable = role === 'source' ? canUseAsSource(type) : canUseAsDestination(type);
    if (!capable) throw validationError(`${type} cannot be used as a ${role} (${path})`);
    const structure =
      role === 'source' ? 'SourceConnectorProperties' : 'DestinationConnectorProperties';
    const key = connectorMemberFor(structure, type);
    if (key && config[propertiesMember]?.[key] === undefined) {
      throw validationError(`${path}.${propertiesMember} must contain ${key}`);
    }
    const name: string | undefined = config.connectorProfileName;
    if (!name) {
      if (!PROFILELESS_TYPES.has(type)) {
        throw validationError(
          `${path}.connectorProfileName is required for connector type ${type}`,
        );
      }
      return;
    }
    const profile = this.profiles.get(name);
    if (!profile) throw notFound(`Connector profile ${name} does not exist (${path})`);
    if (profile.connectorType !== type) {
      throw validationError(
        `Connector profile ${name} is of type ${profile.connectorType}, not ${type} (${path})`,
      );
    }
  }

  private checkFlowDefinition(input: Json): Schedule | undefined {
    this.checkEndpoint(
      'source',
      input.sourceFlowConfig,
      'sourceFlowConfig',
      'sourceConnectorProperties',
    );
    if (!input.destinationFlowConfigList.length) {
      throw validationError('destinationFlowConfigList must contain at least one destination');
    }
    input.destinationFlowConfigList.forEach((d: Json, i: number) => {
      this.checkEndpoint(
        'destination',
        d,
        `destinationFlowConfigList.${i}`,
        'destinationConnectorProperties',
      );
    });
    if (input.triggerConfig.triggerType === 'Scheduled') {
      const props = input.triggerConfig.triggerProperties?.Scheduled;
      if (!props) {
        throw validationError(
          'triggerConfig.triggerProperties.Scheduled is required for Scheduled flows',
        );
      }
      const parsed = parseSchedule(props.scheduleExpression, props.timezone);
      if (typeof parsed === 'string') {
        throw validationError(
          `triggerConfig.triggerProperties.Scheduled.scheduleExpression: ${parsed}`,
        );
      }
      return parsed;
    }
    return undefined;
  }

  private scheduleOf(flow: FlowRecord): Schedule | undefined {
    const props = flow.triggerConfig.triggerProperties?.Scheduled;
    if (flow.triggerConfig.triggerType !== 'Scheduled' || !props) return undefined;
    const parsed = parseSchedule(props.scheduleExpression, props.timezone);
    return typeof parsed === 'string' ? undefined : parsed;
  }

  /** Anchor an Active scheduled flow's schedule at `fromMs` (or its scheduleStartTime). */
  private armSchedule(flow: FlowRecord, fromMs = this.now) {
    const schedule = this.scheduleOf(flow);
    if (!schedule || flow.flowStatus !== 'Active') {
      flow.schedule = undefined;
      return;
    }
    const start = flow.triggerConfig.triggerProperties.Scheduled.scheduleStartTime;
    const anchorMs = start && start * 1000 > fromMs ? start * 1000 : fromMs;
    flow.schedule = {
      anchorMs,
      nextMs: nextFire(schedule, anchorMs, anchorMs, this.opts.timeScale),
    };
  }

  createFlow(input: Json, at = this.now) {
    return this.idempotent('CreateFlow', input, () => {
      if (this.flows.has(input.flowName)) {
        throw conflict(`Flow with name ${input.flowName} already exists`);
      }
      this.checkFlowDefinition(input);
      const flow: FlowRecord = {
        flowArn: this.arn('flow', input.flowName),
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
        createdBy: this.principal,
        lastUpdatedBy: this.principal,
        tags: { ...(input.tags ?? {}) },
        errorStreak: 0,
      };
      this.flows.set(flow.flowName, flow);
      this.runs.set(flow.flowName, []);
      this.touch();
      return { flowArn: flow.flowArn, flowStatus: flow.flowStatus };
    });
  }

  updateFlow(input: Json) {
    return this.idempotent('UpdateFlow', input, () => {
      const flow = this.getFlow(input.flowName);
      const oldDest = flow.destinationFlowConfigList[0]?.connectorType;
      const newDest = input.destinationFlowConfigList[0]?.connectorType;
      if (oldDest && newDest && oldDest !== newDest) {
        throw validationError(
          `The destination connector type of a flow cannot be changed (${oldDest} to ${newDest}); create a new flow instead`,
        );
      }
      this.checkFlowDefinition(input);
      const triggerChanged = flow.triggerConfig.triggerType !== input.triggerConfig.triggerType;
      flow.description = input.description;
      flow.sourceFlowConfig = input.sourceFlowConfig;
      flow.destinationFlowConfigList = input.destinationFlowConfigList;
      flow.triggerConfig = input.triggerConfig;
      flow.tasks = input.tasks;
      flow.metadataCatalogConfig = input.metadataCatalogConfig;
      flow.lastUpdatedAtMs = this.now;
      flow.lastUpdatedBy = this.principal;
      if (triggerChanged) {
        flow.flowStatus = input.triggerConfig.triggerType === 'OnDemand' ? 'Active' : 'Draft';
      }
      this.armSchedule(flow);
      this.touch();
      return { flowStatus: flow.flowStatus };
    });
  }

  deleteFlow(input: Json) {
    const flow = this.getFlow(input.flowName);
    const active = (this.runs.get(flow.flowName) ?? []).filter((r) => ACTIVE.includes(r.status));
    if (active.length && !input.forceDelete) {
      throw conflict(
        `Flow ${flow.flowName} has a run in progress; use forceDelete to delete it anyway`,
      );
    }
    this.flows.delete(flow.flowName);
    this.runs.delete(flow.flowName);
    this.touch();
    return {};
  }

  private flowView(f: FlowRecord) {
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

  private lastRunView(f: FlowRecord) {
    if (!f.lastRun) return undefined;
    return omitUndefined({
      mostRecentExecutionStatus: f.lastRun.status,
      mostRecentExecutionTime: toSeconds(f.lastRun.timeMs),
      mostRecentExecutionMessage: f.lastRun.message,
    });
  }

  describeFlow(input: Json) {
    return this.flowView(this.getFlow(input.flowName));
  }

  listFlows(input: Json) {
    const { page, nextToken } = paginate(
      'ListFlows',
      {},
      [...this.flows.values()],
      input.maxResults,
      input.nextToken,
    );
    const flows = page.map((f) =>
      omitUndefined({
        flowArn: f.flowArn,
        description: f.description,
        flowName: f.flowName,
        flowStatus: f.flowStatus,
        sourceConnectorType: f.sourceFlowConfig.connectorType,
        sourceConnectorLabel: f.sourceFlowConfig.connectorProfileName
          ? this.profiles.get(f.sourceFlowConfig.connectorProfileName)?.connectorLabel
          : undefined,
        destinationConnectorType: f.destinationFlowConfigList[0]?.connectorType,
        destinationConnectorLabel: f.destinationFlowConfigList[0]?.connectorProfileName
          ? this.profiles.get(f.destinationFlowConfigList[0].connectorProfileName)?.connectorLabel
          : undefined,
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

  startFlow(input: Json) {
    const flow = this.getFlow(input.flowName);
    const onDemand = flow.triggerConfig.triggerType === 'OnDemand';
    const token: string | undefined = input.clientToken;
    const key = `StartFlow:${token}`;
    const hash = hashOf({ flowName: input.flowName });
    if (token) {
      const previous = this.idempotency.get(key);
      if (previous && previous.expiresAtMs > this.now) {
        if (previous.hash === hash) return previous.response;
        // AWS: different parameters with the same token are an error for scheduled and
        // event-triggered flows only (here: if either use of the token was one); an on-demand
        // flow just runs.
        if (!onDemand || !previous.response.executionId) {
          throw conflict('The clientToken was already used with different parameters');
        }
      }
    }
    let response: Json;
    if (onDemand) {
      const run = this.startRun(flow, this.now);
      response = {
        flowArn: flow.flowArn,
        flowStatus: flow.flowStatus,
        executionId: run.executionId,
      };
    } else {
      if (flow.flowStatus !== 'Active') {
        flow.flowStatus = 'Active';
        flow.flowStatusMessage = undefined;
        flow.errorStreak = 0;
        this.armSchedule(flow);
      }
      response = { flowArn: flow.flowArn, flowStatus: flow.flowStatus };
    }
    this.touch();
    if (token) this.remember(key, hash, response);
    return response;
  }

  stopFlow(input: Json) {
    const flow = this.getFlow(input.flowName);
    if (flow.triggerConfig.triggerType === 'OnDemand') {
      throw unsupported(
        `Flow ${flow.flowName} is an on-demand flow; only scheduled and event-triggered flows can be stopped`,
      );
    }
    if (flow.flowStatus === 'Draft') {
      throw conflict(`Flow ${flow.flowName} is not active`);
    }
    flow.flowStatus = 'Suspended';
    flow.schedule = undefined;
    this.touch();
    return { flowArn: flow.flowArn, flowStatus: flow.flowStatus };
  }

  // -------------------------------------------------------------------------------------------
  // Runs

  private takeOutcome(flowName: string): { outcome: 'Successful' | 'Error'; message?: string } {
    const rule =
      this.outcomes.find((r) => r.flowName === flowName) ??
      this.outcomes.find((r) => r.flowName === undefined);
    if (!rule) return { outcome: 'Successful' };
    if (rule.remaining !== null) {
      rule.remaining--;
      if (rule.remaining <= 0) this.outcomes.splice(this.outcomes.indexOf(rule), 1);
    }
    return { outcome: rule.outcome, message: rule.message };
  }

  /** Start a run of `flow` at clock time `at` (a StartFlow, a schedule or an event). */
  startRun(flow: FlowRecord, at: number): RunRecord {
    const { outcome, message } = this.takeOutcome(flow.flowName);
    const runs = this.runs.get(flow.flowName) ?? [];
    const previous = runs.at(-1);
    const run: RunRecord = {
      executionId: randomUUID(),
      flowName: flow.flowName,
      status: 'InProgress',
      startedAtMs: at,
      lastUpdatedAtMs: at,
      dueMs: at + this.runMs,
      outcome,
      message,
      dataPullStartMs: previous?.dataPullEndMs ?? flow.createdAtMs,
      dataPullEndMs: at,
      result: { bytesProcessed: 0, bytesWritten: 0, recordsProcessed: 0 },
      hiddenFor: this.hideNewRunsForCalls,
    };
    runs.push(run);
    this.runs.set(flow.flowName, runs);
    flow.lastRun = { status: 'InProgress', timeMs: at };
    this.touch();
    return run;
  }

  private finalResult(run: RunRecord, ok: boolean): Json {
    const rnd = seeded(run.executionId);
    const records = 100 + Math.floor(rnd() * 50_000);
    const bytes = records * (300 + Math.floor(rnd() * 700));
    const parallel = 1 + Math.floor(rnd() * 4);
    if (ok) {
      return {
        bytesProcessed: bytes,
        bytesWritten: Math.floor(bytes * 0.92),
        recordsProcessed: records,
        numParallelProcesses: parallel,
        maxPageSize: 2000,
      };
    }
    const done = Math.floor(records * rnd() * 0.5);
    return {
      bytesProcessed: Math.floor((bytes * done) / records),
      bytesWritten: 0,
      recordsProcessed: done,
      numParallelProcesses: parallel,
      maxPageSize: 2000,
      errorInfo: {
        putFailuresCount: records - done,
        executionMessage: run.message ?? DEFAULT_ERROR_MESSAGE,
      },
    };
  }

  private finishRun(flow: FlowRecord | undefined, run: RunRecord, at: number) {
    if (run.status === 'InProgress') {
      run.status = run.outcome;
      run.result = this.finalResult(run, run.outcome === 'Successful');
    } else if (run.status === 'CancelStarted') {
      run.status = 'Canceled';
    }
    run.lastUpdatedAtMs = at;
    run.dueMs = undefined;
    this.touch();
    if (!flow) return;
    const message =
      run.status === 'Error'
        ? (run.message ?? DEFAULT_ERROR_MESSAGE)
        : run.status === 'Canceled'
          ? 'Flow run was canceled'
          : undefined;
    flow.lastRun = { status: run.status, timeMs: at, message };
    if (run.status === 'Error') {
      flow.errorStreak++;
      const threshold =
        flow.triggerConfig.triggerProperties?.Scheduled?.flowErrorDeactivationThreshold;
      if (threshold && flow.errorStreak >= threshold && flow.flowStatus === 'Active') {
        flow.flowStatus = 'Suspended';
        flow.flowStatusMessage = `Deactivated after ${flow.errorStreak} consecutive failed runs`;
        flow.schedule = undefined;
      }
    } else if (run.status === 'Successful') {
      flow.errorStreak = 0;
    }
  }

  /** Process every timed event due at or before `now`, per flow in time order. */
  tick(now = this.now) {
    for (const flow of this.flows.values()) {
      const runs = this.runs.get(flow.flowName) ?? [];
      for (let guard = 0; guard < 100_000; guard++) {
        let dueRun: RunRecord | undefined;
        for (const r of runs) {
          if (r.dueMs !== undefined && r.dueMs <= now && (!dueRun || r.dueMs < dueRun.dueMs!)) {
            dueRun = r;
          }
        }
        const fire =
          flow.schedule && flow.schedule.nextMs <= now ? flow.schedule.nextMs : undefined;
        if (dueRun && (fire === undefined || dueRun.dueMs! <= fire)) {
          this.finishRun(flow, dueRun, dueRun.dueMs!);
        } else if (fire !== undefined && flow.schedule) {
          const end = flow.triggerConfig.triggerProperties?.Scheduled?.scheduleEndTime;
          if (end && fire > end * 1000) {
            flow.schedule = undefined;
            continue;
          }
          this.startRun(flow, fire);
          const schedule = this.scheduleOf(flow);
          if (!schedule) flow.schedule = undefined;
          else
            flow.schedule.nextMs = nextFire(
              schedule,
              flow.schedule.anchorMs,
              fire,
              this.opts.timeScale,
            );
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
    for (const flow of this.flows.values()) {
      consider(flow.schedule?.nextMs);
      for (const r of this.runs.get(flow.flowName) ?? []) consider(r.dueMs);
    }
    return next;
  }

  /** Start an event-triggered (or any) run now, as if the source had sent an event. */
  triggerEvent(flowName: string) {
    const flow = this.getFlow(flowName);
    if (flow.triggerConfig.triggerType !== 'OnDemand' && flow.flowStatus !== 'Active') {
      throw conflict(`Flow ${flowName} is not active`);
    }
    return { executionId: this.startRun(flow, this.now).executionId };
  }

  private runView(r: RunRecord) {
    return omitUndefined({
      executionId: r.executionId,
      executionStatus: r.status,
      executionResult: r.result,
      startedAt: toSeconds(r.startedAtMs),
      lastUpdatedAt: toSeconds(r.lastUpdatedAtMs),
      dataPullStartTime: r.dataPullStartMs !== undefined ? toSeconds(r.dataPullStartMs) : undefined,
      dataPullEndTime: r.dataPullEndMs !== undefined ? toSeconds(r.dataPullEndMs) : undefined,
    });
  }

  describeFlowExecutionRecords(input: Json) {
    const flow = this.getFlow(input.flowName);
    const all = [...(this.runs.get(flow.flowName) ?? [])].reverse();
    // Eventual consistency (off unless configured): a new run stays invisible for a while.
    let hidden = false;
    const visible = all.filter((r) => {
      if (r.hiddenFor > 0) {
        r.hiddenFor--;
        hidden = true;
        return false;
      }
      return true;
    });
    if (hidden) this.touch();
    const { page, nextToken } = paginate(
      'DescribeFlowExecutionRecords',
      { flowName: flow.flowName },
      visible,
      input.maxResults,
      input.nextToken,
    );
    return omitUndefined({ flowExecutions: page.map((r) => this.runView(r)), nextToken });
  }

  cancelFlowExecutions(input: Json) {
    const flow = this.getFlow(input.flowName);
    const runs = this.runs.get(flow.flowName) ?? [];
    const ids: string[] | undefined = input.executionIds;
    const invalidExecutions: string[] = [];
    const targets: RunRecord[] = [];
    if (!ids?.length) {
      targets.push(...runs.filter((r) => r.status === 'InProgress'));
    } else {
      for (const id of ids) {
        const run = runs.find((r) => r.executionId === id);
        if (run && run.status === 'InProgress') targets.push(run);
        else invalidExecutions.push(id);
      }
    }
    const now = this.now;
    for (const run of targets) {
      run.status = 'CancelStarted';
      run.lastUpdatedAtMs = now;
      run.dueMs = now + this.cancelMs;
      flow.lastRun = { status: 'CancelStarted', timeMs: now };
    }
    if (targets.length) this.touch();
    return { invalidExecutions };
  }

  /** Add a past run (seed data): it starts at `startedAtMs` and is already finished. */
  importRun(
    flowName: string,
    spec: { status: ExecutionStatus; startedAtMs: number; durationMs?: number; message?: string },
  ) {
    const flow = this.getFlow(flowName);
    const runs = this.runs.get(flowName) ?? [];
    const end = spec.startedAtMs + (spec.durationMs ?? 60_000);
    const run: RunRecord = {
      executionId: randomUUID(),
      flowName,
      status: 'InProgress',
      startedAtMs: spec.startedAtMs,
      lastUpdatedAtMs: spec.startedAtMs,
      outcome: spec.status === 'Error' ? 'Error' : 'Successful',
      message: spec.message,
      dataPullStartMs: runs.at(-1)?.dataPullEndMs ?? spec.startedAtMs - 3_600_000,
      dataPullEndMs: spec.startedAtMs,
      result: { bytesProcessed: 0, bytesWritten: 0, recordsProcessed: 0 },
      hiddenFor: 0,
    };
    runs.push(run);
    runs.sort((a, b) => a.startedAtMs - b.startedAtMs);
    this.runs.set(flowName, runs);
    if (spec.status === 'InProgress') {
      run.dueMs = Math.max(end, this.now);
      flow.lastRun = { status: 'InProgress', timeMs: spec.startedAtMs };
    } else {
      if (spec.status === 'Canceled' || spec.status === 'CancelStarted')
        run.status = 'CancelStarted';
      const latest = runs.at(-1) === run;
      this.finishRun(latest ? flow : undefined, run, end);
    }
    this.touch();
    return run;
  }

  /** Activate a scheduled/event flow directly (seed data). */
  setFlowStatus(flowName: string, status: string) {
    const flow = this.getFlow(flowName);
    flow.flowStatus = status;
    this.armSchedule(flow);
    this.touch();
  }

  setOutcome(rule: OutcomeRule) {
    this.outcomes = this.outcomes.filter((r) => r.flowName !== rule.flowName);
    this.outcomes.push(rule);
    this.touch();
  }

  clearOutcomes() {
    this.outcomes = [];
    this.touch();
  }

  setHideNewRuns(calls: number) {
    this.hideNewRunsForCalls = calls;
    this.touch();
  }

  // -------------------------------------------------------------------------------------------
  // Connectors

  private customConfiguration(c: ConnectorRecord) {
    return omitUndefined({
      connectorType: 'CustomConnector',
      connectorLabel: c.connectorLabel,
      connectorName: c.connectorLabel,
      connectorDescription: c.description,
      connectorOwner: this.opts.accountId,
      connectorVersion: `${c.connectorVersion}.0`,
      connectorArn: c.connectorArn,
      canUseAsSource: true,
      canUseAsDestination: true,
      supportedDestinationConnectors: CONNECTOR_TYPES.filter((t) => canUseAsDestination(t)),
      supportedSchedulingFrequencies: ['BYMINUTE', 'HOURLY', 'DAILY', 'WEEKLY', 'ONCE'],
      isPrivateLinkEnabled: false,
      isPrivateLinkEndpointUrlRequired: false,
      supportedTriggerTypes: ['Scheduled', 'OnDemand'],
      connectorModes: ['Public'],
      authenticationConfig: {
        isBasicAuthSupported: true,
        isApiKeyAuthSupported: true,
        isOAuth2Supported: false,
        isCustomAuthSupported: false,
      },
      connectorRuntimeSettings: [
        {
          key: 'instanceUrl',
          dataType: 'String',
          isRequired: true,
          label: 'Instance URL',
          description: 'Base URL of the application instance',
          scope: 'CONNECTOR_PROFILE',
        },
      ],
      supportedApiVersions: ['v1'],
      supportedOperators: builtInConfiguration('CustomConnector', this.opts.region)
        .supportedOperators,
      supportedWriteOperations: ['INSERT', 'UPSERT', 'UPDATE'],
      connectorProvisioningType: c.connectorProvisioningType,
      connectorProvisioningConfig: c.connectorProvisioningConfig,
      registeredAt: toSeconds(c.registeredAtMs),
      registeredBy: c.registeredBy,
      supportedDataTransferTypes: ['RECORD'],
    });
  }

  private customDetail(c: ConnectorRecord) {
    return omitUndefined({
      connectorDescription: c.description,
      connectorName: c.connectorLabel,
      connectorOwner: this.opts.accountId,
      connectorVersion: `${c.connectorVersion}.0`,
      applicationType: 'CustomConnector',
      connectorType: 'CustomConnector',
      connectorLabel: c.connectorLabel,
      registeredAt: toSeconds(c.registeredAtMs),
      registeredBy: c.registeredBy,
      connectorProvisioningType: c.connectorProvisioningType,
      connectorModes: ['Public'],
      supportedDataTransferTypes: ['RECORD'],
    });
  }

  registerConnector(input: Json) {
    return this.idempotent('RegisterConnector', input, () => {
      const label: string | undefined = input.connectorLabel;
      if (!label) throw validationError('connectorLabel is required');
      if (this.connectors.has(label)) {
        throw conflict(`A connector with label ${label} is already registered`);
      }
      if (!input.connectorProvisioningConfig?.lambda?.lambdaArn) {
        throw validationError('connectorProvisioningConfig.lambda.lambdaArn is required');
      }
      const record: ConnectorRecord = {
        connectorLabel: label,
        connectorArn: this.arn('connector', label),
        description: input.description,
        connectorProvisioningType: input.connectorProvisioningType ?? 'LAMBDA',
        connectorProvisioningConfig: input.connectorProvisioningConfig,
        connectorVersion: 1,
        registeredAtMs: this.now,
        registeredBy: this.principal,
      };
      this.connectors.set(label, record);
      this.touch();
      return { connectorArn: record.connectorArn };
    });
  }

  private getConnector(label: string): ConnectorRecord {
    const c = this.connectors.get(label);
    if (!c) throw notFound(`Connector ${label} is not registered`);
    return c;
  }

  updateConnectorRegistration(input: Json) {
    return this.idempotent('UpdateConnectorRegistration', input, () => {
      const c = this.getConnector(input.connectorLabel);
      if (input.description !== undefined) c.description = input.description;
      if (input.connectorProvisioningConfig) {
        c.connectorProvisioningConfig = input.connectorProvisioningConfig;
      }
      c.connectorVersion++;
      this.touch();
      return { connectorArn: c.connectorArn };
    });
  }

  unregisterConnector(input: Json) {
    const c = this.getConnector(input.connectorLabel);
    const users = [...this.profiles.values()].filter(
      (p) => p.connectorType === 'CustomConnector' && p.connectorLabel === c.connectorLabel,
    );
    if (users.length && !input.forceDelete) {
      throw conflict(
        `Connector ${c.connectorLabel} is used by connector profile(s) ${users.map((p) => p.connectorProfileName).join(', ')}; use forceDelete to unregister it anyway`,
      );
    }
    this.connectors.delete(c.connectorLabel);
    this.touch();
    return {};
  }

  describeConnector(input: Json) {
    if (input.connectorType === 'CustomConnector') {
      if (!input.connectorLabel) {
        throw validationError('connectorLabel is required for connectorType CustomConnector');
      }
      return {
        connectorConfiguration: this.customConfiguration(this.getConnector(input.connectorLabel)),
      };
    }
    return { connectorConfiguration: builtInConfiguration(input.connectorType, this.opts.region) };
  }

  describeConnectors(input: Json) {
    const types: string[] | undefined = input.connectorTypes?.length
      ? input.connectorTypes
      : undefined;
    type Item = { builtIn: string } | { custom: ConnectorRecord };
    const items: Item[] = CONNECTOR_TYPES.filter(
      (t) => t !== 'CustomConnector' && (!types || types.includes(t)),
    ).map((t) => ({ builtIn: t }));
    if (!types || types.includes('CustomConnector')) {
      for (const c of this.connectors.values()) items.push({ custom: c });
    }
    const { page, nextToken } = paginate(
      'DescribeConnectors',
      { types },
      items,
      input.maxResults,
      input.nextToken,
    );
    const connectorConfigurations: Record<string, Json> = {};
    const connectors: Json[] = [];
    for (const item of page) {
      if ('builtIn' in item) {
        connectorConfigurations[item.builtIn] = builtInConfiguration(
          item.builtIn,
          this.opts.region,
        );
        connectors.push(builtInDetail(item.builtIn));
      } else {
        connectors.push(this.customDetail(item.custom));
      }
    }
    return omitUndefined({ connectorConfigurations, connectors, nextToken });
  }

  listConnectors(input: Json) {
    const { page, nextToken } = paginate(
      'ListConnectors',
      {},
      [...this.connectors.values()],
      input.maxResults,
      input.nextToken,
    );
    return omitUndefined({ connectors: page.map((c) => this.customDetail(c)), nextToken });
  }

  // -------------------------------------------------------------------------------------------
  // Connector entities and the metadata cache

  /** Which connector type a metadata call is about and whose cache it uses, with AWS's rule:
   * connectorType for S3, EventBridge, Lookout for Metrics, Upsolver and Amazon Connect;
   * connectorProfileName for the others. */
  private metadataTarget(input: Json): { type: string; owner: string } {
    if (input.connectorProfileName) {
      const p = this.getProfile(input.connectorProfileName);
      if (input.connectorType && input.connectorType !== p.connectorType) {
        throw validationError(
          `Connector profile ${p.connectorProfileName} is of type ${p.connectorType}, not ${input.connectorType}`,
        );
      }
      return { type: p.connectorType, owner: `profile:${p.connectorProfileName}` };
    }
    if (!input.connectorType) {
      throw validationError('Either connectorProfileName or connectorType is required');
    }
    if (!PROFILELESS_TYPES.has(input.connectorType)) {
      throw validationError(
        `connectorProfileName is required for connector type ${input.connectorType}`,
      );
    }
    return { type: input.connectorType, owner: `type:${input.connectorType}` };
  }

  private cached(key: string, compute: () => Json): Json {
    const hit = this.metadataCache.get(key);
    if (hit) return hit.value;
    const value = compute();
    this.metadataCache.set(key, { cachedAtMs: this.now, value });
    return value;
  }

  listConnectorEntities(input: Json) {
    const { type, owner } = this.metadataTarget(input);
    const path: string = input.entitiesPath ?? '';
    const map = this.cached(`${owner}|list|${path}|${input.apiVersion ?? ''}`, () => {
      const entities = listEntities(type, path);
      if (!entities) throw notFound(`Entities path ${path} not found`);
      return entities;
    });
    if (input.maxResults === undefined && input.nextToken === undefined) {
      return { connectorEntityMap: map };
    }
    const pairs: [string, Json][] = Object.entries(map as Record<string, Json[]>).flatMap(
      ([g, es]) => es.map((e): [string, Json] => [g, e]),
    );
    const { page, nextToken } = paginate(
      'ListConnectorEntities',
      { owner, path },
      pairs,
      input.maxResults ?? 10_000,
      input.nextToken,
    );
    const connectorEntityMap: Record<string, Json[]> = {};
    for (const [g, e] of page) {
      connectorEntityMap[g] = [...(connectorEntityMap[g] ?? []), e];
    }
    return omitUndefined({ connectorEntityMap, nextToken });
  }

  describeConnectorEntity(input: Json) {
    const { type, owner } = this.metadataTarget(input);
    const name: string = input.connectorEntityName;
    const fields = this.cached(`${owner}|entity|${name}|${input.apiVersion ?? ''}`, () => {
      const f = describeEntity(type, name);
      if (!f) throw notFound(`Entity ${name} not found for connector type ${type}`);
      return f;
    });
    return { connectorEntityFields: fields };
  }

  private dropMetadataCache(prefix: string, part?: string) {
    for (const key of this.metadataCache.keys()) {
      if (key.startsWith(prefix) && (!part || key.includes(part))) this.metadataCache.delete(key);
    }
  }

  resetConnectorMetadataCache(input: Json) {
    const { owner } = this.metadataTarget(input);
    if (input.connectorEntityName) {
      this.dropMetadataCache(`${owner}|entity|${input.connectorEntityName}|`);
    } else if (input.entitiesPath !== undefined) {
      this.dropMetadataCache(`${owner}|list|${input.entitiesPath}|`);
    } else {
      this.dropMetadataCache(`${owner}|`);
    }
    return {};
  }

  // -------------------------------------------------------------------------------------------
  // Tags

  private taggable(arn: string): { tags: Record<string, string> } {
    for (const f of this.flows.values()) if (f.flowArn === arn) return f;
    for (const p of this.profiles.values()) if (p.connectorProfileArn === arn) return p;
    throw notFound(`Resource ${arn} does not exist`);
  }

  tagResource(input: Json) {
    const r = this.taggable(input.resourceArn);
    const merged = { ...r.tags, ...input.tags };
    if (Object.keys(merged).length > 50) {
      throw validationError('A resource can have at most 50 tags');
    }
    r.tags = merged;
    this.touch();
    return {};
  }

  untagResource(input: Json) {
    const r = this.taggable(input.resourceArn);
    for (const k of input.tagKeys as string[]) delete r.tags[k];
    this.touch();
    return {};
  }

  listTagsForResource(input: Json) {
    return { tags: { ...this.taggable(input.resourceArn).tags } };
  }

  // -------------------------------------------------------------------------------------------
  // Persistence

  snapshot(): Snapshot {
    return {
      version: 1,
      profiles: [...this.profiles.values()],
      flows: [...this.flows.values()],
      runs: [...this.runs.values()].flat(),
      connectors: [...this.connectors.values()],
      idempotency: [...this.idempotency.entries()],
      outcomes: this.outcomes,
      hideNewRunsForCalls: this.hideNewRunsForCalls,
    };
  }

  restore(s: Snapshot) {
    this.reset();
    for (const p of s.profiles) this.profiles.set(p.connectorProfileName, p);
    for (const c of s.connectors) this.connectors.set(c.connectorLabel, c);
    for (const f of s.flows) {
      this.flows.set(f.flowName, f);
      this.runs.set(f.flowName, []);
    }
    for (const r of s.runs) this.runs.get(r.flowName)?.push(r);
    this.idempotency = new Map(s.idempotency);
    this.outcomes = s.outcomes;
    this.hideNewRunsForCalls = s.hideNewRunsForCalls;
  }

  counts() {
    let runs = 0;
    for (const r of this.runs.values()) runs += r.length;
    return {
      flows: this.flows.size,
      connectorProfiles: this.profiles.size,
      connectors: this.connectors.size,
      executions: runs,
    };
  }
}

export { AwsError };
