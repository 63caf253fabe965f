/**
 * The connector catalog (DescribeConnectors / DescribeConnector): the built-in types and the
 * configuration of registered custom connectors. Entities and fields are in entities.ts.
 * What can be derived from the model is derived (source/destination ability, operators,
 * authentication kinds, metadata keys); the rest is plausible hand-written example data.
 */
import { CONNECTOR_TYPES, connectorMemberFor, PROFILELESS_TYPES } from '../model/connectors.js';
import { model, shape } from '../model/model.js';
import { type JsonObject, omitUndefined } from './json.js';

export { CONNECTOR_TYPES, PROFILELESS_TYPES };

const NAMES: Record<string, string> = {
  Salesforce: 'Salesforce',
  Singular: 'Singular',
  Slack: 'Slack',
  Redshift: 'Amazon Redshift',
  S3: 'Amazon S3',
  Marketo: 'Marketo',
  Googleanalytics: 'Google Analytics',
  Zendesk: 'Zendesk',
  Servicenow: 'ServiceNow',
  Datadog: 'Datadog',
  Trendmicro: 'Trend Micro',
  Snowflake: 'Snowflake',
  Dynatrace: 'Dynatrace',
  Infornexus: 'Infor Nexus',
  Amplitude: 'Amplitude',
  Veeva: 'Veeva',
  EventBridge: 'Amazon EventBridge',
  LookoutMetrics: 'Amazon Lookout for Metrics',
  Upsolver: 'Upsolver',
  Honeycode: 'Amazon Honeycode',
  CustomerProfiles: 'Amazon Connect Customer Profiles',
  SAPOData: 'SAP OData',
  CustomConnector: 'Custom connector',
  Pardot: 'Salesforce Pardot',
};

/** The user guide (Flow triggers): event-triggered flows are "available only for SaaS
 * applications that provide change events"; of the built-in connectors that is Salesforce
 * (Change Data Capture and platform events). Every source runs on demand and on a schedule. */
const EVENT_SOURCES = new Set(['Salesforce']);
/** Write operations per destination: the model has writeOperationType only on these
 * destinations' properties; Salesforce also deletes (the user guide's Salesforce page). The
 * others only insert (WriteOperationType: "defaults to the INSERT operation"). */
const WRITE_OPERATIONS: Record<string, string[]> = {
  Salesforce: ['INSERT', 'UPSERT', 'UPDATE', 'DELETE'],
  SAPOData: ['INSERT', 'UPSERT', 'UPDATE'],
  Zendesk: ['INSERT', 'UPSERT', 'UPDATE'],
};
/** Destinations a SaaS source can write to: AWS services and data warehouses. SaaS
 * destinations take data from Amazon S3 (the user guide's connector pages pair every SaaS
 * destination with S3 as the source). A plausible rule, not a published matrix. */
const AWS_SIDE_DESTINATIONS = new Set([
  'S3',
  'Redshift',
  'Snowflake',
  'EventBridge',
  'Upsolver',
  'CustomerProfiles',
  'LookoutMetrics',
  'Honeycode',
]);
const ALL_FREQUENCIES = ['BYMINUTE', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'ONCE'];
/** Sources whose APIs report by the hour or the day (analytics exports): a plausible default. */
const COARSE_FREQUENCIES: Record<string, string[]> = {
  Googleanalytics: ['HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'ONCE'],
  Amplitude: ['DAILY', 'WEEKLY', 'MONTHLY', 'ONCE'],
  Singular: ['DAILY', 'WEEKLY', 'MONTHLY', 'ONCE'],
};
const PRIVATE_LINK = new Set(['Salesforce', 'SAPOData', 'Snowflake', 'Servicenow']);
const API_VERSIONS: Record<string, string[]> = {
  Salesforce: ['v58.0', 'v57.0', 'v56.0'],
  Pardot: ['v5', 'v4'],
  SAPOData: ['2.0'],
  Zendesk: ['v2'],
  Slack: ['v1'],
  Googleanalytics: ['v3'],
};
/** supportedApiVersions of a built-in connector type. */
export const supportedApiVersions = (type: string): string[] => API_VERSIONS[type] ?? [];

const OAUTH_SCOPES: Record<string, string[]> = {
  Salesforce: ['api', 'refresh_token', 'offline_access'],
  Slack: ['channels:history', 'channels:read', 'users:read'],
  Zendesk: ['read'],
  GoogleAnalytics: ['https://www.googleapis.com/auth/analytics.readonly'],
  Honeycode: ['workbooks:read', 'tables:write'],
};

/** When the built-in catalog says AppFlow released it (the API version date). */
const REGISTERED_AT = Date.UTC(2020, 7, 23) / 1000;

function authenticationConfig(type: string) {
  const credMember = connectorMemberFor('ConnectorProfileCredentials', type);
  const cred = credMember
    ? Object.keys(shape(shape('ConnectorProfileCredentials').members![credMember].shape).members!)
    : [];
  const has = (...names: string[]) => names.some((n) => cred.includes(n));
  return {
    isBasicAuthSupported: has('password', 'basicAuthCredentials'),
    isApiKeyAuthSupported: has('apiKey', 'apiToken', 'apiSecretKey', 'accessKeyId'),
    isOAuth2Supported: has('clientId', 'accessToken', 'oAuthCredentials', 'oAuth2Credentials'),
    isCustomAuthSupported: type === 'CustomConnector',
  };
}

function connectorMetadata(type: string, region: string) {
  const key = connectorMemberFor('ConnectorMetadata', type);
  if (!key) return undefined;
  const metaShape = shape(shape('ConnectorMetadata').members![key].shape);
  const meta: JsonObject = {};
  for (const [name, ref] of Object.entries(metaShape.members ?? {})) {
    const listMember = shape(ref.shape).member?.shape;
    const values = listMember ? model.shapes[listMember]?.enum : undefined;
    if (values) meta[name] = values;
    else if (name === 'oAuthScopes') meta[name] = OAUTH_SCOPES[key] ?? ['read'];
    else if (name === 'supportedRegions') meta[name] = [region, 'us-west-2', 'eu-west-1'];
  }
  return { [key]: meta };
}

function operators(type: string): string[] {
  const key = connectorMemberFor('ConnectorOperator', type);
  if (!key) return [];
  return shape(shape('ConnectorOperator').members![key].shape).enum ?? [];
}

export function canUseAsSource(type: string): boolean {
  return connectorMemberFor('SourceConnectorProperties', type) !== undefined;
}
export function canUseAsDestination(type: string): boolean {
  return connectorMemberFor('DestinationConnectorProperties', type) !== undefined;
}

/** What ConnectorConfiguration and ConnectorDetail both say of a built-in type. */
function builtInIdentity(type: string): JsonObject {
  return {
    connectorType: type,
    connectorName: NAMES[type] ?? type,
    connectorDescription: `${NAMES[type] ?? type} connector for Amazon AppFlow`,
    connectorOwner: 'AWS',
    connectorVersion: '1.0',
    connectorModes: PRIVATE_LINK.has(type) ? ['Public', 'Private'] : ['Public'],
    supportedDataTransferTypes: type === 'S3' ? ['RECORD', 'FILE'] : ['RECORD'],
    registeredAt: REGISTERED_AT,
    registeredBy: 'AWS',
  };
}

/** ConnectorConfiguration of a built-in connector type. */
export function builtInConfiguration(type: string, region: string): JsonObject {
  const source = canUseAsSource(type);
  const destination = canUseAsDestination(type);
  const triggers = source ? ['Scheduled', 'OnDemand'] : [];
  if (source && EVENT_SOURCES.has(type)) triggers.push('Event');
  return {
    ...builtInIdentity(type),
    canUseAsSource: source,
    canUseAsDestination: destination,
    supportedDestinationConnectors: source
      ? CONNECTOR_TYPES.filter(
          (t) => canUseAsDestination(t) && (type === 'S3' || AWS_SIDE_DESTINATIONS.has(t)),
        )
      : [],
    supportedSchedulingFrequencies: source ? (COARSE_FREQUENCIES[type] ?? ALL_FREQUENCIES) : [],
    isPrivateLinkEnabled: PRIVATE_LINK.has(type),
    isPrivateLinkEndpointUrlRequired: false,
    supportedTriggerTypes: triggers,
    connectorMetadata: connectorMetadata(type, region),
    authenticationConfig: authenticationConfig(type),
    supportedApiVersions: API_VERSIONS[type] ?? [],
    supportedOperators: operators(type),
    supportedWriteOperations: destination ? (WRITE_OPERATIONS[type] ?? ['INSERT']) : [],
  };
}

/** ConnectorDetail (ListConnectors / DescribeConnectors `connectors`) of a built-in type. */
export function builtInDetail(type: string): JsonObject {
  return { ...builtInIdentity(type), applicationType: type };
}

/** What a registered custom connector contributes to its ConnectorConfiguration. */
export interface CustomConnectorFacts {
  connectorLabel: string;
  connectorArn: string;
  description?: string;
  connectorVersion: string;
  /** Absent for the custom connectors AWS provides (nothing is provisioned in the account). */
  connectorProvisioningType?: string;
  connectorProvisioningConfig?: JsonObject;
  registeredAt?: number;
  registeredBy?: string;
}

/** ConnectorConfiguration of a registered custom connector (what its Lambda would declare). */
export function customConfiguration(
  c: CustomConnectorFacts,
  env: { region: string; accountId: string },
): JsonObject {
  return omitUndefined({
    connectorType: 'CustomConnector',
    connectorLabel: c.connectorLabel,
    connectorName: c.connectorLabel,
    connectorDescription: c.description,
    connectorOwner: env.accountId,
    connectorVersion: c.connectorVersion,
    connectorArn: c.connectorArn,
    canUseAsSource: true,
    canUseAsDestination: true,
    supportedDestinationConnectors: CONNECTOR_TYPES.filter((t) => canUseAsDestination(t)),
    supportedSchedulingFrequencies: ALL_FREQUENCIES,
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
    supportedOperators: operators('CustomConnector'),
    supportedWriteOperations: ['INSERT', 'UPSERT', 'UPDATE'],
    connectorProvisioningType: c.connectorProvisioningType,
    connectorProvisioningConfig: c.connectorProvisioningConfig,
    registeredAt: c.registeredAt,
    registeredBy: c.registeredBy,
    supportedDataTransferTypes: ['RECORD'],
  });
}
