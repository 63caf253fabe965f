/**
 * The read graph end to end: gateway (yoga.fetch) -> real SDK -> HTTP -> emulator.
 */
import {
  DescribeConnectorProfilesCommand,
  DescribeFlowCommand,
  ListFlowsCommand,
  StartFlowCommand,
} from '@aws-sdk/client-appflow';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

let t: TestGateway;

beforeAll(async () => {
  // Throttles reach the caller at once (waiting them out: test/production/adaptive-concurrency).
  t = await startTestGateway({ emulator: { seed: true }, env: { APPFLOW_THROTTLE_WAIT_MS: '0' } });
});
afterAll(() => t.close());
beforeEach(() => t.resetCalls());

const iso = (d: Date | undefined) => d?.toISOString();

describe('flows', () => {
  it('returns what the SDK returns for ListFlows, page by page', async () => {
    const sdk = await t.emulator.client.send(new ListFlowsCommand({}));
    const names: string[] = [];
    let after: string | null = null;
    do {
      const r: { data?: any; errors?: unknown } = await t.query(
        `query($after: String) { flows(first: 2, after: $after) {
          edges { cursor node { id flowName flowArn description flowStatus triggerType sourceConnectorType destinationConnectorType createdAt lastUpdatedAt tags { key value } } }
          pageInfo { hasNextPage endCursor }
        } }`,
        { after },
      );
      expect(r.errors).toBeUndefined();
      for (const { node } of r.data.flows.edges) {
        const flow = sdk.flows!.find((f) => f.flowName === node.flowName)!;
        expect(node).toMatchObject({
          flowArn: flow.flowArn,
          flowStatus: flow.flowStatus,
          triggerType: flow.triggerType,
          sourceConnectorType: flow.sourceConnectorType,
          destinationConnectorType: flow.destinationConnectorType,
          createdAt: iso(flow.createdAt),
          lastUpdatedAt: iso(flow.lastUpdatedAt),
        });
        expect(
          Object.fromEntries(
            node.tags.map((x: { key: string; value: string }) => [x.key, x.value]),
          ),
        ).toEqual(flow.tags ?? {});
        names.push(node.flowName);
      }
      after = r.data.flows.pageInfo.hasNextPage ? r.data.flows.pageInfo.endCursor : null;
    } while (after);
    expect(names.sort()).toEqual(sdk.flows!.map((f) => f.flowName).sort());
    expect(names.length).toBeGreaterThanOrEqual(5);
  });

  it('a status-only flow list makes exactly one ListFlows call per page and no DescribeFlow', async () => {
    const r = await t.query('{ flows(first: 100) { edges { node { flowName flowStatus } } } }');
    expect(r.errors).toBeUndefined();
    expect(await t.calls()).toEqual({ ListFlows: 1 });
  });

  it('flow(name) returns every DescribeFlow member; unknown names are null without breaking the query', async () => {
    const list = await t.emulator.client.send(new ListFlowsCommand({}));
    const name = list.flows![0]!.flowName!;
    const sdk = await t.emulator.client.send(new DescribeFlowCommand({ flowName: name }));
    const r: { data?: any; errors?: unknown } = await t.query(
      `query($name: String!) {
        flow(name: $name) {
          flowName kmsArn flowStatusMessage schemaVersion createdBy lastUpdatedBy
          sourceFlowConfig { connectorType connectorProfileName sourceConnectorProperties { __typename ... on SalesforceSourceProperties { object } ... on S3SourceProperties { bucketName } } }
          destinationFlowConfigList { connectorType destinationConnectorProperties { __typename } }
          triggerConfig { triggerType triggerProperties { Scheduled { scheduleExpression } } }
          tasks { taskType sourceFields destinationField connectorOperator { __typename } taskProperties { key value } }
          sourceConnectorType triggerType
        }
        missing: flow(name: "no-such-flow") { flowName }
      }`,
      { name },
    );
    expect(r.errors).toBeUndefined();
    const flow = r.data.flow;
    expect(flow.flowName).toBe(name);
    expect(flow.sourceFlowConfig.connectorType).toBe(sdk.sourceFlowConfig!.connectorType);
    expect(flow.sourceFlowConfig.connectorProfileName ?? null).toBe(
      sdk.sourceFlowConfig!.connectorProfileName ?? null,
    );
    expect(flow.tasks).toHaveLength(sdk.tasks!.length);
    expect(flow.triggerConfig.triggerType).toBe(sdk.triggerConfig!.triggerType);
    expect(flow.sourceConnectorType).toBe(sdk.sourceFlowConfig!.connectorType);
    expect(flow.tasks[0].connectorOperator.__typename).toMatch(/^ConnectorOperator/);
    expect(r.data.missing).toBeNull();
  });

  it('filters flows by status, trigger type, connector type and tag', async () => {
    const sdk = (await t.emulator.client.send(new ListFlowsCommand({}))).flows!;
    const scheduled = sdk
      .filter((f) => f.triggerType === 'Scheduled')
      .map((f) => f.flowName)
      .sort();
    const r: { data?: any } = await t.query(
      '{ flows(first: 50, filter: { triggerType: [Scheduled] }) { edges { node { flowName } } } }',
    );
    expect(r.data.flows.edges.map((e: any) => e.node.flowName).sort()).toEqual(scheduled);
    const tagged = sdk.find((f) => f.tags && Object.keys(f.tags).length)!;
    const [key, value] = Object.entries(tagged.tags!)[0]!;
    const byTag: { data?: any } = await t.query(
      'query($key: String!, $value: String) { flows(filter: { tag: { key: $key, value: $value } }) { edges { node { flowName } } } }',
      { key, value },
    );
    expect(byTag.data.flows.edges.map((e: any) => e.node.flowName)).toContain(tagged.flowName);
    const expected = sdk
      .filter(
        (f) =>
          f.sourceConnectorType === 'Salesforce' || f.destinationConnectorType === 'Salesforce',
      )
      .map((f) => f.flowName)
      .sort();
    const byType: { data?: any } = await t.query(
      '{ flows(filter: { connectorType: [Salesforce], status: [Active, Draft, Suspended, Errored] }) { edges { node { flowName } } } }',
    );
    expect(byType.data.flows.edges.map((e: any) => e.node.flowName).sort()).toEqual(
      expected.filter((n) =>
        ['Active', 'Draft', 'Suspended', 'Errored'].includes(
          sdk.find((f) => f.flowName === n)!.flowStatus!,
        ),
      ),
    );
  });

  it('rejects a tampered cursor with BAD_CURSOR', async () => {
    const r: { data?: any } = await t.query('{ flows(first: 1) { pageInfo { endCursor } } }');
    const cursor: string = r.data.flows.pageInfo.endCursor;
    const bad = await t.query(
      'query($c: String) { flows(first: 1, after: $c) { edges { cursor } } }',
      {
        c: `${cursor.slice(0, -2)}xx`,
      },
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_CURSOR');
    const foreign = await t.query(
      'query($c: String) { connectorProfiles(after: $c) { edges { cursor } } }',
      { c: cursor },
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBe('BAD_CURSOR');
  });
});

describe('links, batching and caching', () => {
  const dashboard = `{
    flows(first: 100) { edges { node {
      flowName flowStatus
      sourceConnectorProfile { connectorProfileName connectorType connectorProfileProperties { __typename } }
      destinationConnectorProfiles { connectorProfileName }
      sourceConnector { connectorType canUseAsSource supportedTriggerTypes }
      destinationConnectors { connectorType canUseAsDestination }
      executions(first: 5) { edges { node { executionId executionStatus startedAt executionResult { recordsProcessed bytesProcessed } } } }
      lastExecution { executionId executionStatus }
    } } }
  }`;

  it('batches the dashboard query: one profiles call, one connectors call, one runs call per flow that ever ran', async () => {
    await t.gateway.services.reader.cache.clear();
    const r: { data?: any; errors?: unknown } = await t.query(dashboard);
    expect(r.errors).toBeUndefined();
    const flows = r.data.flows.edges.map((e: any) => e.node);
    const calls = await t.calls();
    expect(calls.ListFlows).toBe(1);
    expect(calls.DescribeFlow).toBe(flows.length);
    expect(calls.DescribeConnectorProfiles).toBe(1);
    expect(calls.DescribeConnectors).toBe(1);
    // Flows AppFlow reports as never run need no runs call at all.
    const listed = (await t.emulator.client.send(new ListFlowsCommand({}))).flows!;
    const everRun = listed.filter((f) => f.lastRunExecutionDetails?.mostRecentExecutionTime);
    expect(everRun.length).toBeLessThan(listed.length);
    expect(calls.DescribeFlowExecutionRecords).toBe(everRun.length);
    const neverRun = flows.find((f: any) => !everRun.some((e) => e.flowName === f.flowName));
    expect(neverRun.executions.edges).toEqual([]);
    expect(neverRun.lastExecution).toBeNull();
    const withRuns = flows.find((f: any) => f.executions.edges.length > 0);
    expect(withRuns.lastExecution.executionId).toBe(withRuns.executions.edges[0].node.executionId);
    const withProfile = flows.find((f: any) => f.sourceConnectorProfile);
    expect(
      withProfile.sourceConnectorProfile.connectorProfileProperties?.__typename ?? 'none',
    ).toBeTruthy();
  });

  it('a warm cache answers the same dashboard with one ListFlows call', async () => {
    await t.query(dashboard);
    await t.resetCalls();
    const r = await t.query(dashboard);
    expect(r.errors).toBeUndefined();
    expect(await t.calls()).toEqual({ ListFlows: 1 });
  });

  it('a new run shows up although the cache is warm (ListFlows reports the change)', async () => {
    const flows = (await t.emulator.client.send(new ListFlowsCommand({}))).flows!;
    const onDemand = flows.find((f) => f.triggerType === 'OnDemand' && f.flowStatus === 'Active')!;
    await t.query(dashboard);
    const { executionId } = await t.emulator.client.send(
      new StartFlowCommand({ flowName: onDemand.flowName }),
    );
    const r: { data?: any } = await t.query(dashboard);
    const flow = r.data.flows.edges
      .map((e: any) => e.node)
      .find((f: any) => f.flowName === onDemand.flowName);
    expect(flow.lastExecution.executionId).toBe(executionId);
  });

  it('links a profile to its connector and its flows, and back', async () => {
    const profiles = (await t.emulator.client.send(new DescribeConnectorProfilesCommand({})))
      .connectorProfileDetails!;
    const flows = (await t.emulator.client.send(new ListFlowsCommand({}))).flows!;
    const users = new Map<string, string[]>();
    for (const f of flows) {
      const d = await t.emulator.client.send(new DescribeFlowCommand({ flowName: f.flowName }));
      for (const p of [
        d.sourceFlowConfig?.connectorProfileName,
        ...(d.destinationFlowConfigList ?? []).map((x) => x.connectorProfileName),
      ]) {
        if (p) users.set(p, [...(users.get(p) ?? []), f.flowName!]);
      }
    }
    const [profileName, flowNames] = [...users.entries()][0]!;
    const profile = profiles.find((p) => p.connectorProfileName === profileName)!;
    const r: { data?: any; errors?: unknown } = await t.query(
      `query($name: String!) { connectorProfile(name: $name) {
        id connectorProfileName connectorProfileArn connectorType credentialsArn connectionMode createdAt
        connector { connectorType id }
        flows(first: 10) { edges { node { flowName sourceConnectorProfile { connectorProfileName } } } }
      } }`,
      { name: profileName },
    );
    expect(r.errors).toBeUndefined();
    const p = r.data.connectorProfile;
    expect(p).toMatchObject({
      connectorProfileName: profileName,
      connectorProfileArn: profile.connectorProfileArn,
      connectorType: profile.connectorType,
    });
    expect(p.connector.connectorType).toBe(profile.connectorType);
    expect(p.flows.edges.map((e: any) => e.node.flowName).sort()).toEqual(
      [...new Set(flowNames)].sort(),
    );
  });
});

describe('relay nodes', () => {
  it('refetches every domain type by global id', async () => {
    const r: { data?: any; errors?: unknown } = await t.query(`{
      flows(first: 20) { edges { node { id flowName
        sourceConnector { id connectorType }
        sourceConnectorProfile { id connectorProfileName }
        lastExecution { id executionId }
      } } }
    }`);
    expect(r.errors).toBeUndefined();
    const flow = r.data.flows.edges
      .map((e: any) => e.node)
      .find((f: any) => f.lastExecution && f.sourceConnectorProfile);
    expect(flow).toBeDefined();
    const ids = [
      flow.id,
      flow.sourceConnector.id,
      flow.sourceConnectorProfile.id,
      flow.lastExecution.id,
    ];
    const n: { data?: any; errors?: unknown } = await t.query(
      `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id
        ... on Flow { flowName } ... on Connector { connectorType } ... on ConnectorProfile { connectorProfileName } ... on Execution { executionId flowName }
      } }`,
      { ids },
    );
    expect(n.errors).toBeUndefined();
    expect(n.data.nodes.map((x: any) => x.__typename)).toEqual([
      'Flow',
      'Connector',
      'ConnectorProfile',
      'Execution',
    ]);
    expect(n.data.nodes[0].flowName).toBe(flow.flowName);
    expect(n.data.nodes[3].executionId).toBe(flow.lastExecution.executionId);
  });
});

describe('connectors', () => {
  it('lists connectors and describes one with its capabilities and entities', async () => {
    const r: { data?: any; errors?: unknown } = await t.query(`{
      connectors(first: 5) { edges { node { connectorType connectorName } } pageInfo { hasNextPage } }
      salesforce: connector(type: Salesforce) { id connectorType canUseAsSource supportedSchedulingFrequencies supportedTriggerTypes supportedDestinationConnectors
        connectorMetadata { __typename }
      }
      some: connectors(types: [S3, Salesforce]) { edges { node { connectorType canUseAsDestination } } }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.connectors.edges.length).toBeGreaterThan(0);
    expect(r.data.salesforce.canUseAsSource).toBe(true);
    expect(r.data.some.edges.map((e: any) => e.node.connectorType).sort()).toEqual([
      'S3',
      'Salesforce',
    ]);
  });

  it('lists entities and loads their fields only when asked', async () => {
    const profiles = (
      await t.emulator.client.send(
        new DescribeConnectorProfilesCommand({ connectorType: 'Salesforce' }),
      )
    ).connectorProfileDetails!;
    expect(profiles.length).toBeGreaterThan(0);
    const name = profiles[0]!.connectorProfileName!;
    await t.resetCalls();
    const list: { data?: any; errors?: unknown } = await t.query(
      'query($p: String) { connector(type: Salesforce) { entities(profileName: $p) { name label hasNestedEntities group } } }',
      { p: name },
    );
    expect(list.errors).toBeUndefined();
    expect(list.data.connector.entities.length).toBeGreaterThan(0);
    expect((await t.calls()).DescribeConnectorEntity).toBeUndefined();
    const withFields: { data?: any; errors?: unknown } = await t.query(
      'query($p: String) { connector(type: Salesforce) { entities(profileName: $p) { name fields { identifier label isPrimaryKey supportedFieldTypeDetails { v1 { fieldType } } } } } }',
      { p: name },
    );
    expect(withFields.errors).toBeUndefined();
    expect(withFields.data.connector.entities[0].fields.length).toBeGreaterThan(0);
  });
});

describe('more links', () => {
  it('leads from a run back to its flow, and from a connector to its profiles', async () => {
    const r: { data?: any; errors?: unknown } = await t.query(`{
      flow(name: "salesforce-accounts-to-s3") { flowName lastExecution { flowName flow { flowName flowArn } } }
      connector(type: Salesforce) { profiles(first: 10) { edges { node { connectorProfileName connectorType } } } }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.flow.lastExecution.flow.flowName).toBe('salesforce-accounts-to-s3');
    const profiles = r.data.connector.profiles.edges.map((e: any) => e.node);
    expect(profiles.length).toBeGreaterThanOrEqual(2);
    expect(profiles.every((p: any) => p.connectorType === 'Salesforce')).toBe(true);
  });

  it('finds a custom connector by label, and the flow that uses it', async () => {
    const r: { data?: any; errors?: unknown } = await t.query(`{
      connector(type: CustomConnector, label: "acme-inventory") { id connectorLabel connectorProvisioningType connectorProvisioningConfig { lambda { lambdaArn } } }
      flow(name: "inventory-products-sync") { sourceConnector { connectorType connectorLabel connectorName } }
      missing: connector(type: CustomConnector, label: "nope") { id }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.connector.connectorLabel).toBe('acme-inventory');
    expect(r.data.connector.connectorProvisioningConfig.lambda.lambdaArn).toMatch(
      /^arn:aws:lambda:/,
    );
    expect(r.data.flow.sourceConnector.connectorType).toBe('CustomConnector');
    expect(r.data.missing).toBeNull();
  });

  it("pages through a flow's runs newest first", async () => {
    const all: string[] = [];
    let after: string | null = null;
    let started: string[] = [];
    do {
      const r: { data?: any; errors?: unknown } = await t.query(
        'query($after: String) { flow(name: "salesforce-opportunities-hourly") { executions(first: 2, after: $after) { edges { node { executionId startedAt } } pageInfo { hasNextPage endCursor } } } }',
        { after },
      );
      expect(r.errors).toBeUndefined();
      const c = r.data.flow.executions;
      all.push(...c.edges.map((e: any) => e.node.executionId));
      started = [...started, ...c.edges.map((e: any) => e.node.startedAt)];
      after = c.pageInfo.hasNextPage ? c.pageInfo.endCursor : null;
    } while (after);
    expect(all.length).toBeGreaterThan(2);
    expect(new Set(all).size).toBe(all.length);
    expect([...started].sort().reverse()).toEqual(started);
  });
});

describe('errors', () => {
  it('maps upstream throttling and outages to stable codes without stack traces', async () => {
    await t.emulator.control.faults({ operation: 'ListFlows', type: 'throttle', count: 10 });
    const throttled = await t.query('{ flows { edges { node { flowName } } } }');
    await t.emulator.control.clearFaults();
    expect(throttled.errors?.[0]?.extensions?.code).toBe('THROTTLED');
    await t.emulator.control.faults({ operation: 'ListFlows', type: 'error', count: 10 });
    const down = await t.query('{ flows { edges { node { flowName } } } }');
    await t.emulator.control.clearFaults();
    expect(down.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(JSON.stringify(down)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('one failed DescribeFlow fails only that flow, not the rest of its batch', async () => {
    await t.gateway.services.reader.cache.clear();
    await t.emulator.control.faults({
      operation: 'DescribeFlow',
      type: 'error',
      errorType: 'ValidationException',
      count: 1,
    });
    const r: { data?: any; errors?: any[] } = await t.query(
      '{ flows(first: 100) { edges { node { flowName sourceFlowConfig { connectorType } } } } }',
    );
    await t.emulator.control.clearFaults();
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    const nodes = r.data.flows.edges.map((e: any) => e.node);
    expect(nodes.filter((n: any) => n.sourceFlowConfig === null)).toHaveLength(1);
    expect(nodes.filter((n: any) => n.sourceFlowConfig?.connectorType).length).toBe(
      nodes.length - 1,
    );
  });

  it('tags(resourceArn) of an unknown ARN is NOT_FOUND', async () => {
    const r = await t.query(
      '{ tags(resourceArn: "arn:aws:appflow:us-east-1:123456789012:flow/nope") { key } }',
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
