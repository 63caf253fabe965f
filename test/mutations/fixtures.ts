/** Inputs and documents shared by the mutation tests. */

export const FLOW_FIELDS = `
  name: flowName
  flowStatus
  triggerType
  description
  destinationConnectors { connectorType }
`;

export const ERROR_FIELDS = `
  __typename
  ... on MutationError { message }
  ... on ValidationError { fieldErrors { path message } }
`;

/** For the mutations whose result includes ConnectorAuthenticationError. */
export const AUTH_FIELDS = `... on ConnectorAuthenticationError { hint credentialsPath }`;

export const CREATE_FLOW = `
  mutation CreateFlow($input: CreateFlowInput!) {
    createFlow(input: $input) {
      ... on CreateFlowSuccess { flow { ${FLOW_FIELDS} } }
      ${ERROR_FIELDS}
      ${AUTH_FIELDS}
    }
  }`;

export const UPDATE_FLOW = `
  mutation UpdateFlow($input: UpdateFlowInput!) {
    updateFlow(input: $input) {
      ... on UpdateFlowSuccess { flow { ${FLOW_FIELDS} } }
      ${ERROR_FIELDS}
      ${AUTH_FIELDS}
    }
  }`;

export const DELETE_FLOW = `
  mutation DeleteFlow($input: DeleteFlowInput!) {
    deleteFlow(input: $input) {
      ... on DeleteFlowSuccess { deletedFlowName }
      ${ERROR_FIELDS}
    }
  }`;

export const START_FLOW = `
  mutation StartFlow($input: StartFlowInput!) {
    startFlow(input: $input) {
      ... on StartFlowSuccess {
        flow { name: flowName flowStatus }
        execution { executionId executionStatus flowName }
      }
      ${ERROR_FIELDS}
    }
  }`;

export const STOP_FLOW = `
  mutation StopFlow($input: StopFlowInput!) {
    stopFlow(input: $input) {
      ... on StopFlowSuccess { flow { name: flowName flowStatus } }
      ${ERROR_FIELDS}
    }
  }`;

export const CANCEL = `
  mutation Cancel($input: CancelFlowExecutionsInput!) {
    cancelFlowExecutions(input: $input) {
      ... on CancelFlowExecutionsSuccess {
        cancelledExecutions { executionId executionStatus }
        invalidExecutions { executionId executionStatus }
        invalidExecutionIds
      }
      ${ERROR_FIELDS}
    }
  }`;

export const PROFILE_FIELDS = `
  connectorProfileName
  connectorType
  connectionMode
  connectorProfileProperties {
    __typename
    ... on SalesforceConnectorProfileProperties { instanceUrl }
  }
`;

export const CREATE_PROFILE = `
  mutation CreateProfile($input: CreateConnectorProfileInput!) {
    createConnectorProfile(input: $input) {
      ... on CreateConnectorProfileSuccess { connectorProfile { ${PROFILE_FIELDS} } }
      ${ERROR_FIELDS}
      ${AUTH_FIELDS}
    }
  }`;

export const UPDATE_PROFILE = `
  mutation UpdateProfile($input: UpdateConnectorProfileInput!) {
    updateConnectorProfile(input: $input) {
      ... on UpdateConnectorProfileSuccess { connectorProfile { ${PROFILE_FIELDS} } }
      ${ERROR_FIELDS}
      ${AUTH_FIELDS}
    }
  }`;

export const DELETE_PROFILE = `
  mutation DeleteProfile($input: DeleteConnectorProfileInput!) {
    deleteConnectorProfile(input: $input) {
      ... on DeleteConnectorProfileSuccess { deletedConnectorProfileName }
      ${ERROR_FIELDS}
    }
  }`;

export const REGISTER = `
  mutation Register($input: RegisterConnectorInput!) {
    registerConnector(input: $input) {
      ... on RegisterConnectorSuccess { connector { connectorType connectorLabel connectorDescription } }
      ${ERROR_FIELDS}
      ${AUTH_FIELDS}
    }
  }`;

export const UPDATE_REGISTRATION = `
  mutation UpdateRegistration($input: UpdateConnectorRegistrationInput!) {
    updateConnectorRegistration(input: $input) {
      ... on UpdateConnectorRegistrationSuccess { connector { connectorLabel connectorDescription } }
      ${ERROR_FIELDS}
      ${AUTH_FIELDS}
    }
  }`;

export const UNREGISTER = `
  mutation Unregister($input: UnregisterConnectorInput!) {
    unregisterConnector(input: $input) {
      ... on UnregisterConnectorSuccess { unregisteredConnectorLabel }
      ${ERROR_FIELDS}
    }
  }`;

export const RESET_CACHE = `
  mutation Reset($input: ResetConnectorMetadataCacheInput!) {
    resetConnectorMetadataCache(input: $input) {
      ... on ResetConnectorMetadataCacheSuccess {
        connector { connectorType }
        connectorProfile { connectorProfileName }
      }
      ${ERROR_FIELDS}
    }
  }`;

export const TAG = `
  mutation Tag($input: TagResourceInput!) {
    tagResource(input: $input) {
      ... on TagResourceSuccess { resourceArn tags { key value } flow { flowName tags { key value } } }
      ${ERROR_FIELDS}
    }
  }`;

export const UNTAG = `
  mutation Untag($input: UntagResourceInput!) {
    untagResource(input: $input) {
      ... on UntagResourceSuccess { resourceArn tags { key value } flow { flowName tags { key value } } }
      ${ERROR_FIELDS}
    }
  }`;

/** An on-demand S3 -> S3 flow (S3 needs no connector profile). */
export function s3Flow(name: string, overrides: Record<string, unknown> = {}) {
  return {
    flowName: name,
    description: 'S3 to S3',
    triggerConfig: { triggerType: 'OnDemand' },
    sourceFlowConfig: {
      connectorType: 'S3',
      sourceConnectorProperties: { S3: { bucketName: 'source-bucket', bucketPrefix: 'in' } },
    },
    destinationFlowConfigList: [
      {
        connectorType: 'S3',
        destinationConnectorProperties: { S3: { bucketName: 'destination-bucket' } },
      },
    ],
    tasks: [
      {
        sourceFields: ['id'],
        connectorOperator: { S3: 'PROJECTION' },
        taskType: 'Filter',
      },
      {
        sourceFields: ['id'],
        connectorOperator: { S3: 'NO_OP' },
        destinationField: 'id',
        taskType: 'Map',
        taskProperties: [{ key: 'DESTINATION_DATA_TYPE', value: 'string' }],
      },
    ],
    ...overrides,
  };
}

/** A Salesforce connector profile with OAuth credentials. */
export function salesforceProfile(name: string, secret = 'token-value') {
  return {
    connectorProfileName: name,
    connectorType: 'Salesforce',
    connectionMode: 'Public',
    connectorProfileConfig: {
      connectorProfileProperties: {
        Salesforce: { instanceUrl: 'https://example.my.salesforce.com' },
      },
      connectorProfileCredentials: {
        Salesforce: { accessToken: secret, refreshToken: 'refresh' },
      },
    },
  };
}
