/**
 * The built-in example account (`--seed`, `POST /_emulator/seed {}`): connector profiles, flows
 * of each trigger type and past runs relative to now, plus the seed document's types.
 *
 * A seed document is JSON:
 * {
 *   "connectors": [RegisterConnector inputs],
 *   "profiles":   [CreateConnectorProfile inputs, optionally with "tags" and "createdAt"],
 *   "flows":      [CreateFlow inputs, optionally with "flowStatus": "Active" | "Suspended"
 *                  and "createdAt" (epoch seconds, before the flow's first run)],
 *   "executions": [{ "flowName", "executionStatus": "Successful" | "Error" | "Canceled" |
 *                    "InProgress", "startedAt": epoch seconds, "durationSeconds"?, "message"? }]
 * }
 */
import { connectorMemberFor } from '../model/connectors.js';
import type { JsonObject } from './json.js';
import type { ExecutionStatus } from './models/run-states.js';

export interface SeedExecution {
  flowName: string;
  executionStatus: ExecutionStatus;
  /** Epoch seconds. */
  startedAt: number;
  durationSeconds?: number;
  message?: string;
}

export interface SeedDocument {
  connectors?: JsonObject[];
  profiles?: JsonObject[];
  flows?: JsonObject[];
  executions?: SeedExecution[];
}

/** A projection filter plus one Map task per field, as the AppFlow console builds them. */
export function tasksFor(sourceType: string, fields: string[]): JsonObject[] {
  const op = connectorMemberFor('ConnectorOperator', sourceType) ?? 'CustomConnector';
  return [
    { taskType: 'Filter', sourceFields: fields, connectorOperator: { [op]: 'PROJECTION' } },
    ...fields.map((f) => ({
      taskType: 'Map',
      sourceFields: [f],
      destinationField: f,
      connectorOperator: { [op]: 'NO_OP' },
      taskProperties: { SOURCE_DATA_TYPE: 'string', DESTINATION_DATA_TYPE: 'string' },
    })),
  ];
}

export const s3Destination = (bucketPrefix: string, fileType = 'PARQUET') => ({
  connectorType: 'S3',
  destinationConnectorProperties: {
    S3: {
      bucketName: 'appflow-landing-zone',
      bucketPrefix,
      s3OutputFormatConfig: {
        fileType,
        prefixConfig: { prefixType: 'PATH', prefixFormat: 'DAY' },
        aggregationConfig: { aggregationType: 'None' },
      },
    },
  },
});

/** The built-in example account, with past runs relative to `nowMs`. */
export function builtInSeed(nowMs: number, accountId = '123456789012'): SeedDocument {
  const hour = 3600;
  const now = Math.floor(nowMs / 1000);
  const ago = (seconds: number) => now - seconds;
  const profiles: JsonObject[] = [
    {
      connectorProfileName: 'salesforce-prod',
      connectorType: 'Salesforce',
      connectionMode: 'Public',
      connectorProfileConfig: {
        connectorProfileProperties: {
          Salesforce: {
            instanceUrl: 'https://acme.my.salesforce.com',
            isSandboxEnvironment: false,
          },
        },
        connectorProfileCredentials: {
          Salesforce: { accessToken: 'seed-access-token', refreshToken: 'seed-refresh-token' },
        },
      },
      tags: { env: 'prod', team: 'sales-ops' },
    },
    {
      connectorProfileName: 'salesforce-sandbox',
      connectorType: 'Salesforce',
      connectionMode: 'Public',
      connectorProfileConfig: {
        connectorProfileProperties: {
          Salesforce: {
            instanceUrl: 'https://acme--uat.sandbox.my.salesforce.com',
            isSandboxEnvironment: true,
          },
        },
        connectorProfileCredentials: {
          Salesforce: { accessToken: 'seed-sandbox-token', refreshToken: 'seed-sandbox-refresh' },
        },
      },
      tags: { env: 'uat' },
    },
    {
      connectorProfileName: 'slack-workspace',
      connectorType: 'Slack',
      connectionMode: 'Public',
      connectorProfileConfig: {
        connectorProfileProperties: { Slack: { instanceUrl: 'https://acme.slack.com' } },
        connectorProfileCredentials: {
          Slack: { clientId: 'seed-client-id', clientSecret: 'seed-client-secret' },
        },
      },
    },
    {
      connectorProfileName: 'sap-s4hana',
      connectorType: 'SAPOData',
      connectionMode: 'Public',
      connectorProfileConfig: {
        connectorProfileProperties: {
          SAPOData: {
            applicationHostUrl: 'https://s4hana.acme.example',
            applicationServicePath: '/sap/opu/odata/sap/API_SALES_ORDER_SRV',
            portNumber: 443,
            clientNumber: '100',
            logonLanguage: 'EN',
          },
        },
        connectorProfileCredentials: {
          SAPOData: { basicAuthCredentials: { username: 'APPFLOW_USER', password: 'seed-pass' } },
        },
      },
    },
    {
      connectorProfileName: 'redshift-analytics',
      connectorType: 'Redshift',
      connectionMode: 'Public',
      connectorProfileConfig: {
        connectorProfileProperties: {
          Redshift: {
            databaseUrl:
              'jdbc:redshift://analytics.c1abc2def3.us-east-1.redshift.amazonaws.com:5439/dev',
            bucketName: 'appflow-redshift-staging',
            roleArn: `arn:aws:iam::${accountId}:role/AppFlowRedshiftAccess`,
            clusterIdentifier: 'analytics',
            databaseName: 'dev',
          },
        },
        connectorProfileCredentials: {
          Redshift: { username: 'appflow', password: 'seed-password' },
        },
      },
    },
    {
      connectorProfileName: 'snowflake-warehouse',
      connectorType: 'Snowflake',
      connectionMode: 'Public',
      connectorProfileConfig: {
        connectorProfileProperties: {
          Snowflake: {
            warehouse: 'COMPUTE_WH',
            stage: 'ANALYTICS.PUBLIC.APPFLOW_STAGE',
            bucketName: 'appflow-snowflake-stage',
            accountName: 'acme-analytics',
            region: 'us-east-1',
          },
        },
        connectorProfileCredentials: {
          Snowflake: { username: 'APPFLOW', password: 'seed-password' },
        },
      },
    },
    {
      connectorProfileName: 'zendesk-support',
      connectorType: 'Zendesk',
      connectionMode: 'Public',
      connectorProfileConfig: {
        connectorProfileProperties: { Zendesk: { instanceUrl: 'https://acme.zendesk.com' } },
        connectorProfileCredentials: {
          Zendesk: { clientId: 'seed-zendesk-client', clientSecret: 'seed-zendesk-secret' },
        },
      },
    },
    {
      connectorProfileName: 'inventory-api',
      connectorType: 'CustomConnector',
      connectorLabel: 'acme-inventory',
      connectionMode: 'Public',
      connectorProfileConfig: {
        connectorProfileProperties: {
          CustomConnector: { profileProperties: { instanceUrl: 'https://inventory.acme.example' } },
        },
        connectorProfileCredentials: {
          CustomConnector: { authenticationType: 'APIKEY', apiKey: { apiKey: 'seed-api-key' } },
        },
      },
    },
  ];

  const sf = ['Id', 'Name', 'Industry', 'AnnualRevenue', 'LastModifiedDate'];
  const opp = ['Id', 'Name', 'StageName', 'Amount', 'CloseDate', 'AccountId'];
  const flows: JsonObject[] = [
    {
      flowName: 'salesforce-accounts-to-s3',
      description: 'Export Salesforce accounts to the S3 landing zone on demand',
      triggerConfig: { triggerType: 'OnDemand' },
      sourceFlowConfig: {
        connectorType: 'Salesforce',
        connectorProfileName: 'salesforce-prod',
        sourceConnectorProperties: { Salesforce: { object: 'Account' } },
      },
      destinationFlowConfigList: [s3Destination('salesforce/accounts')],
      tasks: tasksFor('Salesforce', sf),
      tags: { team: 'sales-ops', env: 'prod' },
    },
    {
      flowName: 'salesforce-opportunities-hourly',
      description: 'Incremental hourly load of opportunities into Redshift',
      triggerConfig: {
        triggerType: 'Scheduled',
        triggerProperties: {
          Scheduled: {
            scheduleExpression: 'rate(1hours)',
            dataPullMode: 'Incremental',
            timezone: 'UTC',
          },
        },
      },
      sourceFlowConfig: {
        connectorType: 'Salesforce',
        connectorProfileName: 'salesforce-prod',
        sourceConnectorProperties: { Salesforce: { object: 'Opportunity' } },
        incrementalPullConfig: { datetimeTypeFieldName: 'LastModifiedDate' },
      },
      destinationFlowConfigList: [
        {
          connectorType: 'Redshift',
          connectorProfileName: 'redshift-analytics',
          destinationConnectorProperties: {
            Redshift: {
              object: 'public.opportunities',
              intermediateBucketName: 'appflow-redshift-staging',
            },
          },
        },
      ],
      tasks: tasksFor('Salesforce', opp),
      tags: { team: 'analytics' },
      flowStatus: 'Active',
    },
    {
      flowName: 'zendesk-tickets-nightly',
      description: 'Nightly copy of Zendesk tickets into Snowflake',
      triggerConfig: {
        triggerType: 'Scheduled',
        triggerProperties: {
          Scheduled: {
            scheduleExpression: 'cron(0 2 * * ? *)',
            dataPullMode: 'Complete',
            timezone: 'UTC',
          },
        },
      },
      sourceFlowConfig: {
        connectorType: 'Zendesk',
        connectorProfileName: 'zendesk-support',
        sourceConnectorProperties: { Zendesk: { object: 'tickets' } },
      },
      destinationFlowConfigList: [
        {
          connectorType: 'Snowflake',
          connectorProfileName: 'snowflake-warehouse',
          destinationConnectorProperties: {
            Snowflake: {
              object: 'ANALYTICS.PUBLIC.TICKETS',
              intermediateBucketName: 'appflow-snowflake-stage',
            },
          },
        },
      ],
      tasks: tasksFor('Zendesk', ['id', 'subject', 'status', 'priority', 'updated_at']),
      tags: { team: 'support' },
      flowStatus: 'Active',
    },
    {
      flowName: 'salesforce-account-changes',
      description: 'Publish Salesforce account change events to EventBridge',
      triggerConfig: { triggerType: 'Event' },
      sourceFlowConfig: {
        connectorType: 'Salesforce',
        connectorProfileName: 'salesforce-prod',
        sourceConnectorProperties: { Salesforce: { object: 'AccountChangeEvent' } },
      },
      destinationFlowConfigList: [
        {
          connectorType: 'EventBridge',
          destinationConnectorProperties: {
            EventBridge: {
              object: `aws.partner/appflow/salesforce.com/${accountId}/account-changes`,
            },
          },
        },
      ],
      tasks: tasksFor('Salesforce', ['Id', 'Name', 'ChangeEventHeader']),
      flowStatus: 'Active',
    },
    {
      flowName: 'slack-general-archive',
      description: 'Archive the general Slack channel every 30 minutes',
      triggerConfig: {
        triggerType: 'Scheduled',
        triggerProperties: {
          Scheduled: { scheduleExpression: 'rate(30minutes)', dataPullMode: 'Incremental' },
        },
      },
      sourceFlowConfig: {
        connectorType: 'Slack',
        connectorProfileName: 'slack-workspace',
        sourceConnectorProperties: { Slack: { object: 'conversations/C01GENERAL' } },
      },
      destinationFlowConfigList: [s3Destination('slack/general', 'JSON')],
      tasks: tasksFor('Slack', ['ts', 'text', 'user', 'thread_ts']),
      flowStatus: 'Suspended',
    },
    {
      flowName: 'sap-sales-orders-to-s3',
      description: 'Extract SAP S4HANA sales orders to S3',
      triggerConfig: { triggerType: 'OnDemand' },
      sourceFlowConfig: {
        connectorType: 'SAPOData',
        connectorProfileName: 'sap-s4hana',
        sourceConnectorProperties: {
          SAPOData: { objectPath: '/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder' },
        },
      },
      destinationFlowConfigList: [s3Destination('sap/sales-orders')],
      tasks: tasksFor('SAPOData', ['SalesOrder', 'SoldToParty', 'TotalNetAmount']),
      tags: { team: 'finance' },
    },
    {
      flowName: 's3-leads-to-salesforce',
      description: 'Upsert marketing leads from S3 into the Salesforce sandbox',
      triggerConfig: { triggerType: 'OnDemand' },
      sourceFlowConfig: {
        connectorType: 'S3',
        sourceConnectorProperties: {
          S3: {
            bucketName: 'analytics-raw-data',
            bucketPrefix: 'leads',
            s3InputFormatConfig: { s3InputFileType: 'CSV' },
          },
        },
      },
      destinationFlowConfigList: [
        {
          connectorType: 'Salesforce',
          connectorProfileName: 'salesforce-sandbox',
          destinationConnectorProperties: {
            Salesforce: { object: 'Lead', writeOperationType: 'UPSERT', idFieldNames: ['Email'] },
          },
        },
      ],
      tasks: tasksFor('S3', ['FirstName', 'LastName', 'Company', 'Email']),
    },
    {
      flowName: 'zendesk-users-daily',
      description: 'Daily Zendesk users export, not activated yet',
      triggerConfig: {
        triggerType: 'Scheduled',
        triggerProperties: { Scheduled: { scheduleExpression: 'rate(1days)' } },
      },
      sourceFlowConfig: {
        connectorType: 'Zendesk',
        connectorProfileName: 'zendesk-support',
        sourceConnectorProperties: { Zendesk: { object: 'users' } },
      },
      destinationFlowConfigList: [s3Destination('zendesk/users', 'CSV')],
      tasks: tasksFor('Zendesk', ['id', 'name', 'email', 'role']),
    },
    {
      flowName: 'inventory-products-sync',
      description: 'Pull products from the custom inventory connector',
      triggerConfig: { triggerType: 'OnDemand' },
      sourceFlowConfig: {
        connectorType: 'CustomConnector',
        connectorProfileName: 'inventory-api',
        sourceConnectorProperties: { CustomConnector: { entityName: 'products' } },
      },
      destinationFlowConfigList: [s3Destination('inventory/products', 'JSON')],
      tasks: tasksFor('CustomConnector', ['sku', 'name', 'quantity']),
    },
  ];

  const executions: SeedExecution[] = [];
  const run = (flowName: string, startedAt: number, status: ExecutionStatus, message?: string) =>
    executions.push({
      flowName,
      executionStatus: status,
      startedAt,
      durationSeconds: 45 + (startedAt % 90),
      message,
    });
  for (let d = 5; d >= 1; d--) run('salesforce-accounts-to-s3', ago(d * 24 * hour), 'Successful');
  run(
    'salesforce-accounts-to-s3',
    ago(3 * 24 * hour + 600),
    'Error',
    'The Salesforce session expired or is invalid. Reconnect the connector profile.',
  );
  for (let h = 6; h >= 2; h--) run('salesforce-opportunities-hourly', ago(h * hour), 'Successful');
  run(
    'salesforce-opportunities-hourly',
    ago(hour),
    'Error',
    'Redshift COPY failed, check the intermediate bucket permissions.',
  );
  for (let d = 3; d >= 1; d--) run('zendesk-tickets-nightly', ago(d * 24 * hour), 'Successful');
  for (let i = 4; i >= 1; i--) run('salesforce-account-changes', ago(i * 2 * hour), 'Successful');
  run('slack-general-archive', ago(26 * hour), 'Successful');
  run('slack-general-archive', ago(25 * hour), 'Successful');
  run('sap-sales-orders-to-s3', ago(48 * hour), 'Successful');
  run(
    'sap-sales-orders-to-s3',
    ago(2 * hour),
    'Error',
    'The SAP OData service returned HTTP 503, the service is unavailable.',
  );
  run('inventory-products-sync', ago(12 * hour), 'Successful');

  return {
    connectors: [
      {
        connectorLabel: 'acme-inventory',
        description: 'Custom connector for the ACME inventory API',
        connectorProvisioningType: 'LAMBDA',
        connectorProvisioningConfig: {
          lambda: {
            lambdaArn: `arn:aws:lambda:us-east-1:${accountId}:function:acme-inventory-connector`,
          },
        },
      },
    ],
    // The account was set up before any of the runs above: profiles 30 days ago, flows 14.
    profiles: profiles.map((p) => ({ createdAt: ago(30 * 24 * hour), ...p })),
    flows: flows.map((f) => ({ createdAt: ago(14 * 24 * hour), ...f })),
    executions,
  };
}
