/**
 * The documented rules of a flow definition (CreateFlow, UpdateFlow), checked before anything
 * changes: endpoints against the connector catalog and the account's connector profiles, and
 * the trigger's schedule.
 */
import { connectorMemberFor } from '../../model/connectors.js';
import { canUseAsDestination, canUseAsSource, PROFILELESS_TYPES } from '../catalog.js';
import { notFound, validationError } from '../exceptions.js';
import type { JsonObject } from '../json.js';
import { parseSchedule, type Schedule } from '../schedule.js';

export interface SourceFlowConfig {
  connectorType: string;
  connectorProfileName?: string;
  apiVersion?: string;
  sourceConnectorProperties: JsonObject;
  incrementalPullConfig?: JsonObject;
}

export interface DestinationFlowConfig {
  connectorType: string;
  connectorProfileName?: string;
  apiVersion?: string;
  destinationConnectorProperties: Record<
    string,
    (JsonObject & { writeOperationType?: string }) | undefined
  >;
}

/** ScheduledTriggerProperties; timestamps are epoch seconds on the wire. */
export interface ScheduledTriggerProperties {
  scheduleExpression: string;
  dataPullMode?: 'Incremental' | 'Complete';
  scheduleStartTime?: number;
  scheduleEndTime?: number;
  timezone?: string;
  scheduleOffset?: number;
  firstExecutionFrom?: number;
  flowErrorDeactivationThreshold?: number;
}

export interface TriggerConfig {
  triggerType: 'Scheduled' | 'Event' | 'OnDemand';
  triggerProperties?: { Scheduled?: ScheduledTriggerProperties };
}

export interface FlowDefinition {
  flowName: string;
  description?: string;
  kmsArn?: string;
  sourceFlowConfig: SourceFlowConfig;
  destinationFlowConfigList: DestinationFlowConfig[];
  triggerConfig: TriggerConfig;
  tasks: JsonObject[];
  metadataCatalogConfig?: JsonObject;
  tags?: Record<string, string>;
  clientToken?: string;
}

/** The profile facts the rules need (the type a profile name stands for, or none). */
export type ProfileLookup = (name: string) => { connectorType: string } | undefined;

function checkEndpoint(
  role: 'source' | 'destination',
  config: { connectorType: string; connectorProfileName?: string },
  properties: JsonObject | undefined,
  path: string,
  propertiesMember: string,
  profiles: ProfileLookup,
) {
  const type = config.connectorType;
  const capable = role === 'source' ? canUseAsSource(type) : canUseAsDestination(type);
  if (!capable) throw validationError(`${type} cannot be used as a ${role} (${path})`);
  const structure =
    role === 'source' ? 'SourceConnectorProperties' : 'DestinationConnectorProperties';
  const key = connectorMemberFor(structure, type);
  if (key && properties?.[key] === undefined) {
    throw validationError(`${path}.${propertiesMember} must contain ${key}`);
  }
  const name = config.connectorProfileName;
  if (!name) {
    if (!PROFILELESS_TYPES.has(type)) {
      throw validationError(`${path}.connectorProfileName is required for connector type ${type}`);
    }
    return;
  }
  const profile = profiles(name);
  if (!profile) throw notFound(`Connector profile ${name} does not exist (${path})`);
  if (profile.connectorType !== type) {
    throw validationError(
      `Connector profile ${name} is of type ${profile.connectorType}, not ${type} (${path})`,
    );
  }
}

/** Check a flow definition; returns its parsed schedule for scheduled flows. */
export function checkFlowDefinition(
  input: FlowDefinition,
  profiles: ProfileLookup,
): Schedule | undefined {
  const source = input.sourceFlowConfig;
  checkEndpoint(
    'source',
    source,
    source.sourceConnectorProperties,
    'sourceFlowConfig',
    'sourceConnectorProperties',
    profiles,
  );
  if (!input.destinationFlowConfigList.length) {
    throw validationError('destinationFlowConfigList must contain at least one destination');
  }
  input.destinationFlowConfigList.forEach((d, i) => {
    checkEndpoint(
      'destination',
      d,
      d.destinationConnectorProperties,
      `destinationFlowConfigList.${i}`,
      'destinationConnectorProperties',
      profiles,
    );
  });
  if (input.triggerConfig.triggerType === 'Scheduled') {
    const props = input.triggerConfig.triggerProperties?.Scheduled;
    if (!props) {
      throw validationError(
        'triggerConfig.triggerProperties.Scheduled is required for Scheduled flows',
      );
    }
    const parsed = parseSchedule(props.scheduleExpression, props.timezone);
    if (typeof parsed === 'string') {
      throw validationError(
        `triggerConfig.triggerProperties.Scheduled.scheduleExpression: ${parsed}`,
      );
    }
    return parsed;
  }
  return undefined;
}

/** The parsed schedule of a stored flow (already checked when it was created). */
export function scheduleOf(trigger: TriggerConfig): Schedule | undefined {
  const props = trigger.triggerProperties?.Scheduled;
  if (trigger.triggerType !== 'Scheduled' || !props) return undefined;
  const parsed = parseSchedule(props.scheduleExpression, props.timezone);
  return typeof parsed === 'string' ? undefined : parsed;
}
