/**
 * The connector catalog (DescribeConnectors / DescribeConnector): the built-in types and the
 * configuration of registered custom connectors. Entities and fields are in entities.ts.
 * Per-connector facts come from the one table, src/model/connector-facts.ts (derived from the
 * model where it can be, hand-written example data where it cannot).
 */
import { ALL_FREQUENCIES, factsOf, PROFILELESS_TYPES } from '../model/connector-facts.js';
import { CONNECTOR_TYPES, connectorMemberFor } from '../model/connectors.js';
import { model, shape } from '../model/model.js';
import { type JsonObject, omitUndefined } from './json.js';

export { CONNECTOR_TYPES, PROFILELESS_TYPES };

/** supportedApiVersions of a built-in connector type. */
export const supportedApiVersions = (type: string): string[] => factsOf(type).apiVersions;

/** When the built-in catalog says AppFlow released it (the API version date). */
const REGISTERED_AT = Date.UTC(2020, 7, 23) / 1000;

function authenticationConfig(type: string) {
  const cred = factsOf(type).credentialMembers;
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
    else if (name === 'oAuthScopes') meta[name] = factsOf(type).oAuthScopes ?? ['read'];
    else if (name === 'supportedRegions') meta[name] = [region, 'us-west-2', 'eu-west-1'];
  }
  return { [key]: meta };
}

const operators = (type: string): string[] => factsOf(type).operators;
export const canUseAsSource = (type: string): boolean => factsOf(type).canUseAsSource;
export const canUseAsDestination = (type: string): boolean => factsOf(type).canUseAsDestination;

/** What ConnectorConfiguration and ConnectorDetail both say of a built-in type. */
function builtInIdentity(type: string): JsonObject {
  const facts = factsOf(type);
  return {
    connectorType: type,
    connectorName: facts.displayName,
    connectorDescription: `${facts.displayName} connector for Amazon AppFlow`,
    connectorOwner: 'AWS',
    connectorVersion: '1.0',
    connectorModes: facts.privateLink ? ['Public', 'Private'] : ['Public'],
    supportedDataTransferTypes: type === 'S3' ? ['RECORD', 'FILE'] : ['RECORD'],
    registeredAt: REGISTERED_AT,
    registeredBy: 'AWS',
  };
}

/** ConnectorConfiguration of a built-in connector type. */
export function builtInConfiguration(type: string, region: string): JsonObject {
  const facts = factsOf(type);
  const source = facts.canUseAsSource;
  const destination = facts.canUseAsDestination;
  const triggers = source ? ['Scheduled', 'OnDemand'] : [];
  if (source && facts.eventSource) triggers.push('Event');
  return {
    ...builtInIdentity(type),
    canUseAsSource: source,
    canUseAsDestination: destination,
    supportedDestinationConnectors: source
      ? CONNECTOR_TYPES.filter(
          (t) => canUseAsDestination(t) && (type === 'S3' || factsOf(t).awsSideDestination),
        )
      : [],
    supportedSchedulingFrequencies: source ? facts.schedulingFrequencies : [],
    isPrivateLinkEnabled: facts.privateLink,
    isPrivateLinkEndpointUrlRequired: false,
    supportedTriggerTypes: triggers,
    connectorMetadata: connectorMetadata(type, region),
    authenticationConfig: authenticationConfig(type),
    supportedApiVersions: facts.apiVersions,
    supportedOperators: facts.operators,
    supportedWriteOperations: destination ? facts.writeOperations : [],
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
