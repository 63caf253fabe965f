/**
 * Loading seed data: seed documents (`--seed-file`, `POST /_emulator/seed`), the built-in
 * example account of seed-data.ts, and synthetic volume for benchmarks (`{"generate": {...}}`).
 * Every input is validated against the model and goes through the same operations as a real
 * request.
 */
import { readFileSync } from 'node:fs';
import { callOperation } from './dispatch.js';
import { validationError } from './exceptions.js';
import type { JsonObject, JsonValue, ValidatedInput } from './json.js';
import { validateInput } from './responses.js';
import { type SeedDocument, s3Destination, tasksFor } from './seed-data.js';
import type { Store } from './store.js';

export type { SeedDocument };

export function loadSeedFile(path: string): SeedDocument {
  return JSON.parse(readFileSync(path, 'utf8')) as SeedDocument;
}

/** Validate like a request, then answer through the operation's handler. */
function call(store: Store, operation: string, input: ValidatedInput): unknown {
  validateInput(operation, input);
  return callOperation(store, operation, input);
}

const seconds = (v: JsonValue | undefined, what: string): number | undefined => {
  if (v === undefined) return undefined;
  if (typeof v !== 'number') throw validationError(`${what}.createdAt must be epoch seconds`);
  return v;
};

/** The connector profiles a seeded flow names (source and destinations). */
function profilesOf(flow: JsonObject): string[] {
  const configs = [
    flow.sourceFlowConfig,
    ...(Array.isArray(flow.destinationFlowConfigList) ? flow.destinationFlowConfigList : []),
  ];
  return configs.flatMap((c) =>
    c && typeof c === 'object' && !Array.isArray(c) && typeof c.connectorProfileName === 'string'
      ? [c.connectorProfileName]
      : [],
  );
}

/**
 * When each seeded resource was created: its `createdAt`, or else just before what depends on
 * it (a flow a minute before its first run, a profile when the first flow using it was made),
 * so seed data obeys the same invariants as live data (no run older than its flow).
 */
function creationTimes(doc: SeedDocument, nowS: number) {
  const firstRun = new Map<string, number>();
  for (const e of doc.executions ?? []) {
    firstRun.set(e.flowName, Math.min(firstRun.get(e.flowName) ?? e.startedAt, e.startedAt));
  }
  const flows = new Map<string, number>();
  for (const f of doc.flows ?? []) {
    const name = String(f.flowName);
    const run = firstRun.get(name);
    flows.set(
      name,
      seconds(f.createdAt, name) ?? Math.min(nowS, run === undefined ? nowS : run - 60),
    );
  }
  const profiles = new Map<string, number>();
  for (const p of doc.profiles ?? []) {
    const name = String(p.connectorProfileName);
    const users = (doc.flows ?? []).filter((f) => profilesOf(f).includes(name));
    const earliest = Math.min(nowS, ...users.map((f) => flows.get(String(f.flowName)) ?? nowS));
    profiles.set(name, seconds(p.createdAt, name) ?? earliest);
  }
  return { flows, profiles };
}

export function applySeed(store: Store, doc: SeedDocument) {
  const created = creationTimes(doc, store.now / 1000);
  const asOf = <T>(s: number | undefined, fn: () => T): T =>
    s === undefined ? fn() : store.env.backdated(s * 1000, fn);
  for (const c of doc.connectors ?? []) call(store, 'RegisterConnector', c);
  for (const { tags, createdAt: _at, ...p } of doc.profiles ?? []) {
    asOf(created.profiles.get(String(p.connectorProfileName)), () => {
      const { connectorProfileArn } = call(store, 'CreateConnectorProfile', p) as {
        connectorProfileArn: string;
      };
      if (tags) call(store, 'TagResource', { resourceArn: connectorProfileArn, tags });
    });
  }
  for (const { flowStatus, createdAt: _at, ...f } of doc.flows ?? []) {
    const flowName = String(f.flowName);
    asOf(created.flows.get(flowName), () => call(store, 'CreateFlow', f));
    if (typeof flowStatus === 'string' && flowStatus !== 'Draft') {
      store.flows.setFlowStatus(flowName, flowStatus, store.flows.get(flowName).createdAtMs);
    }
  }
  const executions = [...(doc.executions ?? [])].sort((a, b) => a.startedAt - b.startedAt);
  for (const e of executions) {
    store.flows.importRun(e.flowName, {
      status: e.executionStatus,
      startedAtMs: e.startedAt * 1000,
      durationMs: (e.durationSeconds ?? 60) * 1000,
      message: e.message,
    });
  }
}

/** Many synthetic profiles, flows and past runs, fast (for benchmarks). */
export function generateSynthetic(
  store: Store,
  spec: { flows: number; profiles: number; executionsPerFlow: number },
) {
  const base = `synthetic-${store.counts().flows + store.counts().connectorProfiles}`;
  // Everything exists a day before its oldest run, as live data would.
  const createdAtMs = store.now - (spec.executionsPerFlow + 24) * 3_600_000;
  const types = ['Salesforce', 'Zendesk', 'Slack'];
  const profileNames: { name: string; type: string }[] = [];
  for (let i = 0; i < Math.max(1, spec.profiles); i++) {
    const type = types[i % types.length];
    const name = `${base}-profile-${i}`;
    const props: Record<string, JsonObject> = {
      Salesforce: { Salesforce: { instanceUrl: `https://org${i}.my.salesforce.com` } },
      Zendesk: { Zendesk: { instanceUrl: `https://org${i}.zendesk.com` } },
      Slack: { Slack: { instanceUrl: `https://org${i}.slack.com` } },
    };
    store.env.backdated(createdAtMs, () =>
      store.profiles.createConnectorProfile({
        connectorProfileName: name,
        connectorType: type,
        connectionMode: 'Public',
        connectorProfileConfig: { connectorProfileProperties: props[type] },
      }),
    );
    profileNames.push({ name, type });
  }
  const objects: Record<string, string> = {
    Salesforce: 'Account',
    Zendesk: 'tickets',
    Slack: 'conversations/C01GENERAL',
  };
  const nowS = store.now / 1000;
  for (let i = 0; i < spec.flows; i++) {
    const { name: profile, type } = profileNames[i % profileNames.length];
    const scheduled = i % 3 === 1;
    const flowName = `${base}-flow-${i}`;
    store.env.backdated(createdAtMs, () =>
      store.flows.createFlow({
        flowName,
        description: `Synthetic flow ${i}`,
        triggerConfig: scheduled
          ? {
              triggerType: 'Scheduled',
              triggerProperties: { Scheduled: { scheduleExpression: 'rate(1days)' } },
            }
          : { triggerType: 'OnDemand' },
        sourceFlowConfig: {
          connectorType: type,
          connectorProfileName: profile,
          sourceConnectorProperties: { [type]: { object: objects[type] } },
        },
        destinationFlowConfigList: [s3Destination(`synthetic/${i}`)],
        tasks: tasksFor(type, ['id', 'name']),
        tags: { synthetic: 'true', index: String(i) },
      }),
    );
    if (scheduled) store.flows.setFlowStatus(flowName, 'Active', createdAtMs);
    for (let e = spec.executionsPerFlow; e >= 1; e--) {
      store.flows.importRun(flowName, {
        status: (i + e) % 7 === 0 ? 'Error' : 'Successful',
        startedAtMs: (nowS - e * 3600) * 1000,
        durationMs: 30_000,
      });
    }
  }
}
