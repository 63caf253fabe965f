/** Request builders shared by the emulator tests. */
import type {
  CreateConnectorProfileCommandInput,
  CreateFlowCommandInput,
} from '@aws-sdk/client-appflow';

export function salesforceProfile(
  name: string,
  extra: Partial<CreateConnectorProfileCommandInput> = {},
): CreateConnectorProfileCommandInput {
  return {
    connectorProfileName: name,
    connectorType: 'Salesforce',
    connectionMode: 'Public',
    connectorProfileConfig: {
      connectorProfileProperties: {
        Salesforce: { instanceUrl: 'https://test.my.salesforce.com', isSandboxEnvironment: false },
      },
      connectorProfileCredentials: {
        Salesforce: { accessToken: 'super-secret-access-token', refreshToken: 'refresh-secret' },
      },
    },
    ...extra,
  };
}

export function s3Flow(
  name: string,
  profile: string,
  trigger: 'OnDemand' | 'Scheduled' | 'Event' = 'OnDemand',
  scheduleExpression = 'rate(1minutes)',
): CreateFlowCommandInput {
  return {
    flowName: name,
    description: 'test flow',
    triggerConfig:
      trigger === 'Scheduled'
        ? {
            triggerType: 'Scheduled',
            triggerProperties: { Scheduled: { scheduleExpression, timezone: 'UTC' } },
          }
        : { triggerType: trigger },
    sourceFlowConfig: {
      connectorType: 'Salesforce',
      connectorProfileName: profile,
      sourceConnectorProperties: { Salesforce: { object: 'Account' } },
    },
    destinationFlowConfigList: [
      {
        connectorType: 'S3',
        destinationConnectorProperties: { S3: { bucketName: 'test-bucket', bucketPrefix: 'out' } },
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
    ],
    tags: { team: 'test' },
  };
}

/** The error an SDK call rejects with (fails the test if it resolves). */
export async function errorOf(
  promise: Promise<unknown>,
): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the call to fail');
}
