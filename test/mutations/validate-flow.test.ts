/**
 * validateFlow against the emulator's seeded account, through the real SDK: each check with a
 * definition that has that one problem, all of them at once, zero AppFlow writes, cached
 * catalog reads (a second validation makes no AppFlow call), and createFlow/updateFlow
 * refusing the same problems as ValidationError data before any write.
 */
import { CreateConnectorProfileCommand, UnregisterConnectorCommand } from '@aws-sdk/client-appflow';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { CREATE_FLOW, s3Flow, salesforceProfile, UPDATE_FLOW } from './fixtures.js';

let gw: TestGateway;
type Any = any;

const VALIDATE = `
  query Validate($input: ValidateFlowInput!) {
    validateFlow(input: $input) { valid problems { path code message suggestions } }
  }`;

interface Problem {
  path: string[];
  code: string;
  message: string;
  suggestions: string[];
}

async function validate(input: { create?: unknown; update?: unknown }) {
  const r = await gw.query<Any>(VALIDATE, { input });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data.validateFlow as { valid: boolean; problems: Problem[] };
}

const codes = (problems: Problem[]) => problems.map((p) => p.code);

/** Operations the emulator saw that are not reads. */
async function writes(): Promise<string[]> {
  const calls = await gw.calls();
  return Object.keys(calls).filter((op) => !/^(Describe|List)/.test(op));
}

/** A valid incremental hourly Salesforce Account -> S3 flow on the seeded account. */
function sfFlow(name = 'sf-accounts') {
  return {
    flowName: name,
    triggerConfig: {
      triggerType: 'Scheduled',
      triggerProperties: {
        Scheduled: {
          scheduleExpression: 'rate(1hours)',
          dataPullMode: 'Incremental',
          timezone: 'Europe/Paris',
        },
      },
    },
    sourceFlowConfig: {
      connectorType: 'Salesforce',
      connectorProfileName: 'salesforce-prod',
      sourceConnectorProperties: { Salesforce: { object: 'Account' } },
      incrementalPullConfig: { datetimeTypeFieldName: 'LastModifiedDate' },
    },
    destinationFlowConfigList: [
      {
        connectorType: 'S3',
        destinationConnectorProperties: {
          S3: { bucketName: 'appflow-landing-zone', bucketPrefix: 'accounts' },
        },
      },
    ],
    tasks: [
      {
        taskType: 'Filter',
        sourceFields: ['Id', 'Name'],
        connectorOperator: { Salesforce: 'PROJECTION' },
      },
      {
        taskType: 'Map',
        sourceFields: ['Id'],
        destinationField: 'Id',
        connectorOperator: { Salesforce: 'NO_OP' },
      },
      {
        taskType: 'Map',
        sourceFields: ['Name'],
        destinationField: 'Name',
        connectorOperator: { Salesforce: 'NO_OP' },
      },
    ],
  };
}
type Flow = Any;
const edit = (change: (f: Flow) => void, base: Flow = sfFlow()): Flow => {
  const f = structuredClone(base);
  change(f);
  return f;
};
const scheduled = (f: Flow) => f.triggerConfig.triggerProperties.Scheduled;

beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw?.close());
beforeEach(async () => {
  await gw.emulator.control.reset();
  await gw.emulator.control.seed();
  await gw.gateway.services.reader.cache.clear();
  await gw.resetCalls();
});

describe('validateFlow: one problem each', () => {
  test('a valid definition is valid, and createFlow then creates it', async () => {
    expect(await validate({ create: sfFlow() })).toEqual({ valid: true, problems: [] });
    expect(await writes()).toEqual([]);
    const r = await gw.query<Any>(CREATE_FLOW, { input: sfFlow() });
    expect(r.data.createFlow.__typename).toBe('CreateFlowSuccess');
  });

  const cases: [string, () => Flow, string, string[], string[]?][] = [
    [
      'a model constraint (the name pattern)',
      () => edit((f) => (f.flowName = 'bad name!')),
      'PATTERN_MISMATCH',
      ['input', 'create', 'flowName'],
    ],
    [
      'a connector profile that does not exist, with a hint',
      () => edit((f) => (f.sourceFlowConfig.connectorProfileName = 'salesforce-prd')),
      'PROFILE_NOT_FOUND',
      ['input', 'create', 'sourceFlowConfig', 'connectorProfileName'],
      ['salesforce-prod'],
    ],
    [
      'a connector profile of another connector type',
      () => edit((f) => (f.sourceFlowConfig.connectorProfileName = 'zendesk-support')),
      'PROFILE_TYPE_MISMATCH',
      ['input', 'create', 'sourceFlowConfig', 'connectorProfileName'],
    ],
    [
      'a connector that needs a profile without one',
      () => edit((f) => delete f.sourceFlowConfig.connectorProfileName),
      'PROFILE_REQUIRED',
      ['input', 'create', 'sourceFlowConfig', 'connectorProfileName'],
    ],
    [
      'a destination the source connector does not support',
      () =>
        edit((f) => {
          f.destinationFlowConfigList = [
            {
              connectorType: 'Zendesk',
              connectorProfileName: 'zendesk-support',
              destinationConnectorProperties: { Zendesk: { object: 'tickets' } },
            },
          ];
        }),
      'DESTINATION_NOT_SUPPORTED',
      ['input', 'create', 'destinationFlowConfigList', '0', 'connectorType'],
    ],
    [
      'a trigger type the source does not support (S3 has no events)',
      () => s3Flow('s3-events', { triggerConfig: { triggerType: 'Event' } }),
      'TRIGGER_NOT_SUPPORTED',
      ['input', 'create', 'triggerConfig', 'triggerType'],
    ],
    [
      'a write operation the destination does not support',
      () =>
        s3Flow('s3-to-zendesk', {
          destinationFlowConfigList: [
            {
              connectorType: 'Zendesk',
              connectorProfileName: 'zendesk-support',
              destinationConnectorProperties: {
                Zendesk: { object: 'tickets', writeOperationType: 'DELETE' },
              },
            },
          ],
        }),
      'WRITE_OPERATION_NOT_SUPPORTED',
      [
        'input',
        'create',
        'destinationFlowConfigList',
        '0',
        'destinationConnectorProperties',
        'Zendesk',
        'writeOperationType',
      ],
    ],
    [
      'two destinations',
      () =>
        edit((f) =>
          f.destinationFlowConfigList.push(structuredClone(f.destinationFlowConfigList[0])),
        ),
      'MULTIPLE_DESTINATIONS',
      ['input', 'create', 'destinationFlowConfigList'],
    ],
    [
      'a source object that does not exist, with a hint',
      () =>
        edit((f) => (f.sourceFlowConfig.sourceConnectorProperties.Salesforce.object = 'Acount')),
      'SOURCE_OBJECT_NOT_FOUND',
      ['input', 'create', 'sourceFlowConfig', 'sourceConnectorProperties', 'Salesforce', 'object'],
      ['Account'],
    ],
    [
      'a source field that does not exist, with a hint',
      () => edit((f) => (f.tasks[2].sourceFields = ['Nmae'])),
      'FIELD_NOT_FOUND',
      ['input', 'create', 'tasks', '2', 'sourceFields', '0'],
      ['Name'],
    ],
    [
      'a filter (projection) field that does not exist',
      () => edit((f) => (f.tasks[0].sourceFields = ['Id', 'Industri'])),
      'FIELD_NOT_FOUND',
      ['input', 'create', 'tasks', '0', 'sourceFields', '1'],
      ['Industry'],
    ],
    [
      'a connector operator of another connector',
      () => edit((f) => (f.tasks[1].connectorOperator = { Zendesk: 'NO_OP' })),
      'CONNECTOR_MEMBER_MISMATCH',
      ['input', 'create', 'tasks', '1', 'connectorOperator', 'Zendesk'],
    ],
    [
      'no projection and no Map_all',
      () => edit((f) => f.tasks.shift()),
      'PROJECTION_REQUIRED',
      ['input', 'create', 'tasks'],
    ],
    [
      'two Map_all tasks',
      () =>
        edit((f) => {
          const mapAll = {
            taskType: 'Map_all',
            sourceFields: [],
            connectorOperator: { Salesforce: 'NO_OP' },
          };
          f.tasks = [mapAll, { ...mapAll }];
        }),
      'DUPLICATE_MAP_ALL',
      ['input', 'create', 'tasks', '1', 'taskType'],
    ],
    [
      'a Map_all task with source fields',
      () =>
        edit((f) => {
          f.tasks = [
            {
              taskType: 'Map_all',
              sourceFields: ['Id'],
              connectorOperator: { Salesforce: 'NO_OP' },
            },
          ];
        }),
      'MAP_ALL_WITH_FIELDS',
      ['input', 'create', 'tasks', '0', 'sourceFields'],
    ],
    [
      'a Map_all task with an operator other than NO_OP',
      () =>
        edit((f) => {
          f.tasks = [
            {
              taskType: 'Map_all',
              sourceFields: [],
              connectorOperator: { Salesforce: 'PROJECTION' },
            },
          ];
        }),
      'MAP_ALL_OPERATOR',
      ['input', 'create', 'tasks', '0', 'connectorOperator', 'Salesforce'],
      ['NO_OP'],
    ],
    [
      'an incremental pull by a field that is not a timestamp',
      () => edit((f) => (f.sourceFlowConfig.incrementalPullConfig.datetimeTypeFieldName = 'Name')),
      'NOT_A_TIMESTAMP_FIELD',
      ['input', 'create', 'sourceFlowConfig', 'incrementalPullConfig', 'datetimeTypeFieldName'],
      ['LastModifiedDate', 'SystemModstamp'],
    ],
    [
      'an incremental pull by a field that does not exist',
      () =>
        edit(
          (f) =>
            (f.sourceFlowConfig.incrementalPullConfig.datetimeTypeFieldName = 'LastModifedDate'),
        ),
      'FIELD_NOT_FOUND',
      ['input', 'create', 'sourceFlowConfig', 'incrementalPullConfig', 'datetimeTypeFieldName'],
      ['LastModifiedDate'],
    ],
    [
      'a schedule expression AppFlow does not take',
      () => edit((f) => (scheduled(f).scheduleExpression = 'rate(1 hours)')),
      'INVALID_SCHEDULE_EXPRESSION',
      ['input', 'create', 'triggerConfig', 'triggerProperties', 'Scheduled', 'scheduleExpression'],
    ],
    [
      'a time zone that does not exist, with a hint',
      () => edit((f) => (scheduled(f).timezone = 'Europe/Pariss')),
      'INVALID_TIMEZONE',
      ['input', 'create', 'triggerConfig', 'triggerProperties', 'Scheduled', 'timezone'],
      ['Europe/Paris'],
    ],
    [
      'a start time in the past',
      () => edit((f) => (scheduled(f).scheduleStartTime = '2020-01-01T00:00:00Z')),
      'SCHEDULE_START_IN_PAST',
      ['input', 'create', 'triggerConfig', 'triggerProperties', 'Scheduled', 'scheduleStartTime'],
    ],
    [
      'an end time before the start',
      () =>
        edit((f) => {
          scheduled(f).scheduleStartTime = new Date(Date.now() + 86_400_000).toISOString();
          scheduled(f).scheduleEndTime = new Date(Date.now() + 3_600_000).toISOString();
        }),
      'SCHEDULE_END_BEFORE_START',
      ['input', 'create', 'triggerConfig', 'triggerProperties', 'Scheduled', 'scheduleEndTime'],
    ],
  ];

  test.each(cases)('%s', async (_name, build, code, path, suggestions) => {
    const result = await validate({ create: build() });
    expect(result.valid).toBe(false);
    expect(codes(result.problems)).toEqual([code]);
    const [problem] = result.problems;
    expect(problem!.path).toEqual(path);
    // Messages say what to do, without a stack or an internal name.
    expect(problem!.message.length).toBeGreaterThan(20);
    // Hints: the nearest first, at most 3.
    if (suggestions) {
      expect(problem!.suggestions.slice(0, suggestions.length)).toEqual(suggestions);
      expect(problem!.suggestions.length).toBeLessThanOrEqual(3);
    }
    expect(await writes()).toEqual([]);
  });

  test('a nested source object (SAP OData, found with entitiesPath), with a hint', async () => {
    const sap = edit((f) => {
      f.sourceFlowConfig = {
        connectorType: 'SAPOData',
        connectorProfileName: 'sap-s4hana',
        sourceConnectorProperties: {
          SAPOData: { objectPath: '/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrdr' },
        },
      };
      f.triggerConfig = { triggerType: 'OnDemand' };
      f.tasks = [
        { taskType: 'Map_all', sourceFields: [], connectorOperator: { SAPOData: 'NO_OP' } },
      ];
    });
    const result = await validate({ create: sap });
    expect(codes(result.problems)).toEqual(['SOURCE_OBJECT_NOT_FOUND']);
    expect(result.problems[0]!.suggestions).toContain(
      '/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder',
    );
    sap.sourceFlowConfig.sourceConnectorProperties.SAPOData.objectPath =
      '/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder';
    expect(await validate({ create: sap })).toEqual({ valid: true, problems: [] });
    // The nested entities were listed under their service (entitiesPath).
    expect((await gw.calls()).ListConnectorEntities).toBe(2);
  });

  test('a schedule frequency the source connector does not support', async () => {
    // Amplitude exports by the day: no schedule by the minute.
    await gw.emulator.client.send(
      new CreateConnectorProfileCommand({
        connectorProfileName: 'amplitude',
        connectorType: 'Amplitude',
        connectionMode: 'Public',
        connectorProfileConfig: {
          connectorProfileProperties: { Amplitude: {} },
          connectorProfileCredentials: { Amplitude: { apiKey: 'k', secretKey: 's' } },
        },
      }),
    );
    const flow = edit((f) => {
      f.sourceFlowConfig = {
        connectorType: 'Amplitude',
        connectorProfileName: 'amplitude',
        sourceConnectorProperties: { Amplitude: { object: 'events' } },
      };
      f.triggerConfig = {
        triggerType: 'Scheduled',
        triggerProperties: { Scheduled: { scheduleExpression: 'rate(5minutes)' } },
      };
      f.tasks = [{ taskType: 'Map_all', sourceFields: [] }];
    });
    const result = await validate({ create: flow });
    expect(codes(result.problems)).toEqual(['SCHEDULE_FREQUENCY_NOT_SUPPORTED']);
    expect(result.problems[0]!.message).toContain('BYMINUTE');
  });

  test('a custom connector that is not registered', async () => {
    await gw.emulator.client.send(
      new UnregisterConnectorCommand({ connectorLabel: 'acme-inventory', forceDelete: true }),
    );
    const flow = edit((f) => {
      f.sourceFlowConfig = {
        connectorType: 'CustomConnector',
        connectorProfileName: 'inventory-api',
        sourceConnectorProperties: { CustomConnector: { entityName: 'products' } },
      };
      f.triggerConfig = { triggerType: 'OnDemand' };
      f.tasks = [
        { taskType: 'Map_all', sourceFields: [], connectorOperator: { CustomConnector: 'NO_OP' } },
      ];
    });
    const result = await validate({ create: flow });
    expect(codes(result.problems)).toEqual(['CONNECTOR_NOT_REGISTERED']);
  });

  test('on update: the destination connector type cannot change; the flow must exist', async () => {
    const update = edit((f) => {
      f.flowName = 'salesforce-accounts-to-s3';
      f.destinationFlowConfigList = [
        {
          connectorType: 'Redshift',
          connectorProfileName: 'redshift-analytics',
          destinationConnectorProperties: {
            Redshift: { object: 'public.accounts', intermediateBucketName: 'staging' },
          },
        },
      ];
    });
    const result = await validate({ update });
    expect(codes(result.problems)).toEqual(['DESTINATION_TYPE_CHANGED']);
    expect(result.problems[0]).toMatchObject({
      path: ['input', 'update', 'destinationFlowConfigList', '0', 'connectorType'],
      suggestions: ['S3'],
    });
    const missing = await validate({ update: sfFlow('no-such-flow') });
    expect(codes(missing.problems)).toEqual(['FLOW_NOT_FOUND']);
    expect(await writes()).toEqual([]);
  });
});

/** One definition with every kind of problem that can coexist. */
function everythingWrong(): Flow {
  return edit((f) => {
    f.flowName = 'bad name!';
    f.sourceFlowConfig.sourceConnectorProperties.Salesforce.object = 'Acount';
    f.destinationFlowConfigList.push({
      connectorType: 'Zendesk',
      connectorProfileName: 'zendesk-suport',
      destinationConnectorProperties: { Zendesk: { object: 'tickets' } },
    });
    scheduled(f).scheduleExpression = 'rate(1 hours)';
    scheduled(f).timezone = 'Europe/Pariss';
    scheduled(f).scheduleStartTime = '2020-01-01T00:00:00Z';
    f.tasks = [
      {
        taskType: 'Map',
        sourceFields: ['Id'],
        destinationField: 'Id',
        connectorOperator: { Zendesk: 'NO_OP' },
      },
      { taskType: 'Map_all', sourceFields: ['Id'], connectorOperator: { Salesforce: 'NO_OP' } },
      { taskType: 'Map_all', sourceFields: [], connectorOperator: { Salesforce: 'NO_OP' } },
    ];
  });
}

describe('validateFlow: everything at once', () => {
  test('every problem in one answer, zero writes; a second validation makes no AppFlow call', async () => {
    const result = await validate({ create: everythingWrong() });
    expect(result.valid).toBe(false);
    expect(new Set(codes(result.problems))).toEqual(
      new Set([
        'PATTERN_MISMATCH',
        'CONNECTOR_MEMBER_MISMATCH',
        'MULTIPLE_DESTINATIONS',
        'PROFILE_NOT_FOUND',
        'INVALID_SCHEDULE_EXPRESSION',
        'INVALID_TIMEZONE',
        'SCHEDULE_START_IN_PAST',
        'DUPLICATE_MAP_ALL',
        'MAP_ALL_WITH_FIELDS',
        'SOURCE_OBJECT_NOT_FOUND',
      ]),
    );
    const profile = result.problems.find((p) => p.code === 'PROFILE_NOT_FOUND')!;
    expect(profile.suggestions[0]).toBe('zendesk-support');
    for (const p of result.problems) expect(p.path[0]).toBe('input');
    expect(await writes()).toEqual([]);
    const first = await gw.calls();
    expect(Object.keys(first).length).toBeGreaterThan(0);

    // The same definition again: every catalog read is a cache hit.
    await gw.resetCalls();
    const again = await validate({ create: everythingWrong() });
    expect(again).toEqual(result);
    expect(await gw.calls()).toEqual({});
  });

  test('a valid definition twice: the second makes no AppFlow call', async () => {
    await validate({ create: sfFlow() });
    await gw.resetCalls();
    expect((await validate({ create: sfFlow() })).valid).toBe(true);
    expect(await gw.calls()).toEqual({});
  });
});

describe('createFlow and updateFlow run the same checks', () => {
  test('createFlow returns the catalog problems as ValidationError data, no write', async () => {
    const bad = edit((f) => {
      f.sourceFlowConfig.connectorProfileName = 'salesforce-prd';
      scheduled(f).timezone = 'Europe/Pariss';
    });
    const r = await gw.query<Any>(
      `mutation C($input: CreateFlowInput!) { createFlow(input: $input) {
        __typename ... on ValidationError { fieldErrors { path code suggestions } } } }`,
      { input: bad },
    );
    expect(r.data.createFlow.__typename).toBe('ValidationError');
    expect(r.data.createFlow.fieldErrors).toEqual([
      {
        path: ['input', 'sourceFlowConfig', 'connectorProfileName'],
        code: 'PROFILE_NOT_FOUND',
        suggestions: ['salesforce-prod', 'salesforce-sandbox'],
      },
      {
        path: ['input', 'triggerConfig', 'triggerProperties', 'Scheduled', 'timezone'],
        code: 'INVALID_TIMEZONE',
        suggestions: ['Europe/Paris', 'Europe/Madrid', 'Europe/Prague'],
      },
    ]);
    expect(await writes()).toEqual([]);
    // validateFlow reports the same problems (under its own argument).
    const dry = await validate({ create: bad });
    expect(dry.problems.map((p) => [p.path.slice(2), p.code])).toEqual(
      r.data.createFlow.fieldErrors.map((e: Any) => [e.path.slice(1), e.code]),
    );
  });

  test('a cached "not found" never blocks a write: a profile made outside the gateway', async () => {
    const flow = edit((f) => (f.sourceFlowConfig.connectorProfileName = 'salesforce-new'));
    expect(codes((await validate({ create: flow })).problems)).toEqual(['PROFILE_NOT_FOUND']);
    // Made in the console (straight to AppFlow): the gateway's cached profile list lacks it.
    await gw.emulator.client.send(
      new CreateConnectorProfileCommand(salesforceProfile('salesforce-new') as never),
    );
    const r = await gw.query<Any>(CREATE_FLOW, { input: flow });
    expect(r.data.createFlow.__typename).toBe('CreateFlowSuccess');
  });

  test('updateFlow refuses a field that does not exist, no write', async () => {
    const update = edit((f) => {
      f.flowName = 'salesforce-accounts-to-s3';
      f.tasks[2].sourceFields = ['Nmae'];
    });
    const r = await gw.query<Any>(UPDATE_FLOW, { input: update });
    expect(r.data.updateFlow.__typename).toBe('ValidationError');
    expect(r.data.updateFlow.fieldErrors).toEqual([
      {
        path: ['input', 'tasks', '2', 'sourceFields', '0'],
        message: 'Account has no field "Nmae". Did you mean "Name"?',
      },
    ]);
    expect(await writes()).toEqual([]);
  });
});
