/**
 * Loading seed data: seed documents (`--seed-file`, `POST /_emulator/seed`), the built-in
 * example account of seed-data.ts, and synthetic volume for benchmarks (`{"generate": {...}}`).
 * Every input is validated against the model and goes through the same operations as a real
 * request.
 */
import { readFileSync } from 'node:fs';
import { callOperation } from './dispatch.js';
import type { JsonObject, ValidatedInput } from './json.js';
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

export function applySeed(store: Store, doc: SeedDocument) {
  for (const c of doc.connectors ?? []) call(store, 'RegisterConnector', c);
  for (const { tags, ...p } of doc.profiles ?? []) {
    const { connectorProfileArn } = call(store, 'CreateConnectorProfile', p) as {
      connectorProfileArn: string;
    };
    if (tags) call(store, 'TagResource', { resourceArn: connectorProfileArn, tags });
  }
  for (const { flowStatus, ...f } of doc.flows ?? []) {
    call(store, 'CreateFlow', f);
    if (typeof flowStatus === 'string' && flowStatus !== 'Draft') {
      store.flows.setFlowStatus(String(f.flowName), flowStatus);
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
    store.profiles.createConnectorProfile({
      connectorProfileName: name,
      connectorType: type,
      connectionMode: 'Public',
      connectorProfileConfig: { connectorProfileProperties: props[type] },
    });
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
    store.flows.createFlow({
      flowName,
      description: `Synthetic flow ${i}`,
      triggerConfig: scheduled
        ? {
            triggerType: 'Scheduled',
            triggerProperties: { Scheduled: { scheduleExpression: 'rate(1 days)' } },
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
    });
    if (scheduled) store.flows.setFlowStatus(flowName, 'Active');
    for (let e = spec.executionsPerFlow; e >= 1; e--) {
      store.flows.importRun(flowName, {
        status: (i + e) % 7 === 0 ? 'Error' : 'Successful',
        startedAtMs: (nowS - e * 3600) * 1000,
        durationMs: 30_000,
      });
    }
  }
}
