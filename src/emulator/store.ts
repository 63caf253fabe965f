/**
 * The emulator's state (moto's backend): one model per resource in models/, composed here the
 * way moto's EC2Backend composes its resource backends, plus what spans them: reset, the
 * clock's tick, and the state that persistence saves and restores.
 */
import { type ConnectorRecord, ConnectorsModel } from './models/connectors.js';
import { ModelEnv, type StoreOptions } from './models/env.js';
import { type FlowRecord, FlowsModel } from './models/flows.js';
import { IdempotencyModel, type IdempotencyRecord } from './models/idempotency.js';
import { MetadataModel } from './models/metadata.js';
import { type ProfileRecord, ProfilesModel } from './models/profiles.js';
import { type OutcomeRule, type RunRecord, RunsModel } from './models/runs.js';
import { TagsModel } from './models/tags.js';

export type { StoreOptions };

/** Everything that persistence saves (credentials are deliberately not part of it). */
/** Version 2: resources keep their validated requests (`definition`), not named fields. */
export const STATE_VERSION = 2;

export interface StoreState {
  version: typeof STATE_VERSION;
  profiles: ProfileRecord[];
  flows: FlowRecord[];
  runs: RunRecord[];
  connectors: ConnectorRecord[];
  idempotency: [string, IdempotencyRecord][];
  outcomes: OutcomeRule[];
  hideNewRunsForCalls: number;
}

export class Store {
  readonly env: ModelEnv;
  readonly idempotency: IdempotencyModel;
  readonly connectors: ConnectorsModel;
  readonly metadata: MetadataModel;
  readonly profiles: ProfilesModel;
  readonly runs: RunsModel;
  readonly flows: FlowsModel;
  readonly tags: TagsModel;

  constructor(readonly opts: StoreOptions) {
    const env = new ModelEnv(opts);
    this.env = env;
    this.idempotency = new IdempotencyModel(env);
    this.connectors = new ConnectorsModel(env, this.idempotency, (label) =>
      this.profiles.usingConnector(label),
    );
    this.metadata = new MetadataModel(env, (name) => this.profiles.get(name).connectorType);
    this.profiles = new ProfilesModel(env, this.idempotency, this.connectors, this.metadata, (n) =>
      this.flows.usingProfile(n),
    );
    this.runs = new RunsModel(env, (name) => this.flows.get(name));
    this.flows = new FlowsModel(env, this.idempotency, this.runs, {
      profile: (name) => this.profiles.find(name),
      configuration: (type, label) => this.connectors.configuration(type, label),
    });
    this.tags = new TagsModel(
      (arn) =>
        [...this.flows.records.values()].find((f) => f.flowArn === arn) ??
        [...this.profiles.records.values()].find((p) => p.connectorProfileArn === arn),
      () => env.touch(),
    );
  }

  /** The models whose methods answer AppFlow operations (dispatch.ts finds them by name). */
  get operationModels(): readonly object[] {
    return [this.profiles, this.flows, this.runs, this.connectors, this.metadata, this.tags];
  }

  get now(): number {
    return this.env.now;
  }

  /** Bumped on every change; persistence saves when it moves. */
  get version(): number {
    return this.env.version;
  }

  reset() {
    this.profiles.clear();
    this.flows.clear();
    this.runs.clear();
    this.connectors.clear();
    this.idempotency.clear();
    this.metadata.clear();
    this.env.touch();
  }

  /** Move runs and schedules along to the clock's now. */
  tick(now = this.env.now) {
    this.flows.tick(now);
  }

  nextDueMs(): number | undefined {
    return this.flows.nextDueMs();
  }

  snapshot(): StoreState {
    return {
      version: STATE_VERSION,
      profiles: [...this.profiles.records.values()],
      flows: [...this.flows.records.values()],
      runs: [...this.runs.byFlow.values()].flat(),
      connectors: [...this.connectors.records.values()],
      idempotency: [...this.idempotency.records.entries()],
      outcomes: this.runs.outcomes,
      hideNewRunsForCalls: this.runs.hideNewRunsForCalls,
    };
  }

  restore(s: StoreState) {
    if (s.version !== STATE_VERSION) {
      throw new Error(
        `The saved state is version ${s.version}, this emulator reads version ${STATE_VERSION}: start with an empty --data-dir`,
      );
    }
    this.reset();
    for (const p of s.profiles) this.profiles.records.set(p.connectorProfileName, p);
    for (const c of s.connectors) this.connectors.records.set(c.connectorLabel, c);
    for (const f of s.flows) this.flows.records.set(f.flowName, f);
    for (const r of s.runs) {
      if (!this.flows.records.has(r.flowName)) continue;
      this.runs.byFlow.set(r.flowName, [...this.runs.of(r.flowName), r]);
    }
    this.idempotency.records = new Map(s.idempotency);
    this.runs.outcomes = s.outcomes;
    this.runs.hideNewRunsForCalls = s.hideNewRunsForCalls;
  }

  counts() {
    let executions = 0;
    for (const r of this.runs.byFlow.values()) executions += r.length;
    return {
      flows: this.flows.records.size,
      connectorProfiles: this.profiles.records.size,
      connectors: this.connectors.records.size,
      executions,
    };
  }
}
