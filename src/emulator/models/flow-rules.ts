/**
 * The documented rules of a flow definition (CreateFlow, UpdateFlow), checked before anything
 * changes: one destination, endpoints against the account's connector profiles and against
 * what the connector catalog (DescribeConnector) says each connector supports (as source or
 * destination, trigger types, destinations, scheduling frequencies, write operations), and the
 * trigger's schedule.
 */
import { connectorMemberFor } from '../../model/connectors.js';
import { PROFILELESS_TYPES } from '../catalog.js';
import { notFound, validationError } from '../exceptions.js';
import type { JsonObject, JsonValue } from '../json.js';
import { frequencyOf, isTimeZone, parseSchedule, type Schedule } from '../schedule.js';

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

/** What the rules need to know about the account and the connector catalog. */
export interface FlowRuleContext {
  /** The connector profile of that name, if there is one. */
  profile(name: string): { connectorType: string; connectorLabel?: string } | undefined;
  /** The ConnectorConfiguration of a built-in type, or of a custom connector by label. */
  configuration(type: string, label?: string): JsonObject;
  now: number;
}

const list = (v: JsonValue | undefined): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

function checkEndpoint(
  role: 'source' | 'destination',
  config: { connectorType: string; connectorProfileName?: string },
  properties: JsonObject | undefined,
  path: string,
  propertiesMember: string,
  ctx: FlowRuleContext,
): JsonObject {
  const type = config.connectorType;
  const structure =
    role === 'source' ? 'SourceConnectorProperties' : 'DestinationConnectorProperties';
  const key = connectorMemberFor(structure, type);
  const name = config.connectorProfileName;
  let label: string | undefined;
  if (!name) {
    if (!PROFILELESS_TYPES.has(type)) {
      throw validationError(`${path}.connectorProfileName is required for connector type ${type}`);
    }
  } else {
    const profile = ctx.profile(name);
    if (!profile) throw notFound(`Connector profile ${name} does not exist (${path})`);
    if (profile.connectorType !== type) {
      throw validationError(
        `Connector profile ${name} is of type ${profile.connectorType}, not ${type} (${path})`,
      );
    }
    label = profile.connectorLabel;
  }
  // DescribeConnector's canUseAsSource / canUseAsDestination answer whether it can be one.
  const configuration = ctx.configuration(type, label);
  const capable =
    role === 'source' ? configuration.canUseAsSource : configuration.canUseAsDestination;
  if (capable !== true) {
    throw validationError(`Connector type ${type} cannot be used as a ${role} (${path})`);
  }
  if (key && properties?.[key] === undefined) {
    throw validationError(`${path}.${propertiesMember} must contain ${key}`);
  }
  return configuration;
}

/** Check the schedule of a scheduled flow against the connector's supported frequencies and
 * the documented rules of ScheduledTriggerProperties. */
function checkSchedule(
  props: ScheduledTriggerProperties,
  source: JsonObject,
  sourceType: string,
  now: number,
): Schedule {
  const at = 'triggerConfig.triggerProperties.Scheduled';
  // The model: timezone names a zone "such as America/New_York" (an IANA name).
  if (props.timezone !== undefined && !isTimeZone(props.timezone)) {
    throw validationError(
      `${at}.timezone ${props.timezone} is not a valid time zone, such as America/New_York`,
    );
  }
  const parsed = parseSchedule(props.scheduleExpression, props.timezone);
  if (typeof parsed === 'string') throw validationError(`${at}.scheduleExpression: ${parsed}`);
  const frequency = frequencyOf(parsed);
  const frequencies = list(source.supportedSchedulingFrequencies);
  if (!frequencies.includes(frequency)) {
    throw validationError(
      `The schedule frequency ${frequency} of ${props.scheduleExpression} is not supported by source connector ${sourceType}. Supported frequencies: ${frequencies.join(', ')}`,
    );
  }
  const start = props.scheduleStartTime !== undefined ? props.scheduleStartTime * 1000 : undefined;
  const end = props.scheduleEndTime !== undefined ? props.scheduleEndTime * 1000 : undefined;
  // AWS's cdk-appflow moves a past scheduleStartTime forward before it calls AppFlow, since
  // AppFlow refuses a start in the past (src/core/flows/flow-time-updater). A few seconds of
  // slack for the time the request took.
  if (start !== undefined && start < now - 60_000) {
    throw validationError(`${at}.scheduleStartTime must not be in the past`);
  }
  if (end !== undefined && end <= Math.max(start ?? now, now)) {
    throw validationError(`${at}.scheduleEndTime must be after scheduleStartTime and now`);
  }
  // firstExecutionFrom: "the date range for the records to import ... in the first flow run",
  // records that exist already, so a time in the past.
  if (props.firstExecutionFrom !== undefined && props.firstExecutionFrom * 1000 > now) {
    throw validationError(`${at}.firstExecutionFrom must not be in the future`);
  }
  return parsed;
}

/**
 * A flow from an application must say which fields it reads: a Filter task with the PROJECTION
 * operator, or a Map_all task. AppFlow's answer, quoted in terraform-provider-aws issues #34508
 * and #34482: "Create Flow request failed: [Task Validation Error: You must specify a
 * projection task or a MAP_ALL task]". Flows from S3 (files, no field list to project) take
 * plain Map tasks: the provider's own S3 -> S3 acceptance tests (flow_test.go) do.
 */
function checkProjection(tasks: JsonObject[], sourceType: string) {
  if (sourceType === 'S3') return;
  const projects = tasks.some((task) => {
    if (task.taskType === 'Map_all') return true;
    const operator = task.connectorOperator;
    return (
      task.taskType === 'Filter' &&
      typeof operator === 'object' &&
      operator !== null &&
      Object.values(operator).includes('PROJECTION')
    );
  });
  if (!projects) {
    throw validationError(
      'Create Flow request failed: [Task Validation Error: You must specify a projection task or a MAP_ALL task]',
    );
  }
}

/**
 * A Filter task's operator must filter: NO_OP is refused. AppFlow's answer, quoted in
 * aws/aws-cdk issue #17748: "[Task Validation Error: The operator NO_OP is not valid for
 * filtering tasks.  The task sourceConnectorType is FILTERING and the task operator is NO_OP]".
 */
function checkFilterOperators(tasks: JsonObject[]) {
  for (const task of tasks) {
    const operator = task.connectorOperator;
    if (task.taskType !== 'Filter' || typeof operator !== 'object' || operator === null) continue;
    if (Object.values(operator).includes('NO_OP')) {
      throw validationError(
        'Create Flow request failed: [Task Validation Error: The operator NO_OP is not valid for filtering tasks.  The task sourceConnectorType is FILTERING and the task operator is NO_OP]',
      );
    }
  }
}

/** Check a flow definition before anything changes; returns the parsed schedule of scheduled
 * flows. */
export function checkFlowDefinition(
  input: FlowDefinition,
  ctx: FlowRuleContext,
): Schedule | undefined {
  const sourceConfig = input.sourceFlowConfig;
  const source = checkEndpoint(
    'source',
    sourceConfig,
    sourceConfig.sourceConnectorProperties,
    'sourceFlowConfig',
    'sourceConnectorProperties',
    ctx,
  );
  checkFilterOperators(input.tasks);
  checkProjection(input.tasks, sourceConfig.connectorType);
  const destinations = input.destinationFlowConfigList;
  if (!destinations.length) {
    throw validationError('destinationFlowConfigList must contain at least one destination');
  }
  // CreateFlow's documentation: "you can only transfer data to one item in this list at a
  // time. Amazon AppFlow does not currently support flows to multiple destinations at once."
  if (destinations.length > 1) {
    throw validationError(
      `destinationFlowConfigList has ${destinations.length} destinations; Amazon AppFlow does not currently support flows to multiple destinations at once`,
    );
  }
  const [d] = destinations;
  const destination = checkEndpoint(
    'destination',
    d,
    d.destinationConnectorProperties,
    'destinationFlowConfigList.0',
    'destinationConnectorProperties',
    ctx,
  );
  const supported = list(source.supportedDestinationConnectors);
  if (!supported.includes(d.connectorType)) {
    throw validationError(
      `Destination connector type ${d.connectorType} is not supported for source connector type ${sourceConfig.connectorType}. Supported destinations: ${supported.join(', ')}`,
    );
  }
  const member = connectorMemberFor('DestinationConnectorProperties', d.connectorType);
  const write = member ? d.destinationConnectorProperties[member]?.writeOperationType : undefined;
  const writes = list(destination.supportedWriteOperations);
  if (write !== undefined && !writes.includes(write)) {
    throw validationError(
      `Write operation ${write} is not supported by destination connector type ${d.connectorType}. Supported write operations: ${writes.join(', ')}`,
    );
  }
  const trigger = input.triggerConfig.triggerType;
  const triggers = list(source.supportedTriggerTypes);
  if (!triggers.includes(trigger)) {
    throw validationError(
      `Trigger type ${trigger} is not supported by source connector type ${sourceConfig.connectorType}. Supported trigger types: ${triggers.join(', ')}`,
    );
  }
  if (trigger === 'Scheduled') {
    const props = input.triggerConfig.triggerProperties?.Scheduled;
    if (!props) {
      throw validationError(
        'triggerConfig.triggerProperties.Scheduled is required for Scheduled flows',
      );
    }
    return checkSchedule(props, source, sourceConfig.connectorType, ctx.now);
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
