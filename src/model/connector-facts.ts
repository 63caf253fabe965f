/**
 * THE table of per-connector facts: one row per value of the model's ConnectorType.
 *
 * What the model says is derived (source/destination ability, the `@oneOf` member each
 * connector input union takes, operators, credential members, the member naming a source's
 * object). What the model does not say is written once in HAND below, keyed by connector type:
 * the emulator's catalog (src/emulator/catalog.ts) answers DescribeConnectors from it, the
 * validation knows which connectors need no profile, and the dashboard's check form offers the
 * connectors marked `checkForm` (web/src/connector-facts.json, printed from this table by
 * `npm run connector-facts:print`; web/ imports nothing from src/). A connector type the model
 * adds gets a complete row from the defaults; test/unit/connector-facts.test.ts checks every
 * ConnectorType has its row and every HAND key is a ConnectorType.
 */
import {
  CONNECTOR_INPUT_UNIONS,
  CONNECTOR_TYPES,
  type ConnectorInputUnion,
  connectorMemberFor,
} from './connectors.js';
import { shape } from './model.js';

/** What the model cannot say about a connector. Every field is optional: defaults below. */
export interface HandFacts {
  /** The product name (DescribeConnectors' connectorName). */
  displayName?: string;
  /** Used without a connector profile (AWS services in the same account). */
  profileless?: boolean;
  /** Event-triggered flows can read from it (the user guide: SaaS apps with change events). */
  eventSource?: boolean;
  /** supportedWriteOperations as a destination (default INSERT only). */
  writeOperations?: string[];
  /** A SaaS source may write to it (AWS services and data warehouses). */
  awsSideDestination?: boolean;
  /** supportedSchedulingFrequencies as a source (default: all). */
  schedulingFrequencies?: string[];
  privateLink?: boolean;
  apiVersions?: string[];
  oAuthScopes?: string[];
  /** Offered by the dashboard's check form as a source and/or a destination. */
  checkForm?: ('source' | 'destination')[];
}

export const ALL_FREQUENCIES = ['BYMINUTE', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'ONCE'];
const DAILY_AND_UP = ['DAILY', 'WEEKLY', 'MONTHLY', 'ONCE'];

/**
 * Sources: the AppFlow user guide's connector pages (names, private link, write operations,
 * Salesforce's Change Data Capture events); frequencies, versions and scopes are plausible
 * example values for the emulator, not a published matrix.
 */
const HAND: Record<string, HandFacts> = {
  Salesforce: {
    eventSource: true,
    writeOperations: ['INSERT', 'UPSERT', 'UPDATE', 'DELETE'],
    privateLink: true,
    apiVersions: ['v58.0', 'v57.0', 'v56.0'],
    oAuthScopes: ['api', 'refresh_token', 'offline_access'],
    checkForm: ['source', 'destination'],
  },
  Singular: { schedulingFrequencies: DAILY_AND_UP },
  Slack: {
    apiVersions: ['v1'],
    oAuthScopes: ['channels:history', 'channels:read', 'users:read'],
    checkForm: ['source'],
  },
  Redshift: { displayName: 'Amazon Redshift', awsSideDestination: true },
  S3: {
    displayName: 'Amazon S3',
    profileless: true,
    awsSideDestination: true,
    checkForm: ['source', 'destination'],
  },
  Marketo: {},
  Googleanalytics: {
    displayName: 'Google Analytics',
    schedulingFrequencies: ['HOURLY', ...DAILY_AND_UP],
    apiVersions: ['v3'],
    oAuthScopes: ['https://www.googleapis.com/auth/analytics.readonly'],
  },
  Zendesk: {
    writeOperations: ['INSERT', 'UPSERT', 'UPDATE'],
    apiVersions: ['v2'],
    oAuthScopes: ['read'],
    checkForm: ['source', 'destination'],
  },
  Servicenow: { displayName: 'ServiceNow', privateLink: true },
  Datadog: {},
  Trendmicro: { displayName: 'Trend Micro' },
  Snowflake: { privateLink: true, awsSideDestination: true },
  Dynatrace: {},
  Infornexus: { displayName: 'Infor Nexus' },
  Amplitude: { schedulingFrequencies: DAILY_AND_UP },
  Veeva: {},
  EventBridge: { displayName: 'Amazon EventBridge', profileless: true, awsSideDestination: true },
  LookoutMetrics: {
    displayName: 'Amazon Lookout for Metrics',
    profileless: true,
    awsSideDestination: true,
  },
  Upsolver: { profileless: true, awsSideDestination: true },
  Honeycode: {
    displayName: 'Amazon Honeycode',
    awsSideDestination: true,
    oAuthScopes: ['workbooks:read', 'tables:write'],
  },
  CustomerProfiles: {
    displayName: 'Amazon Connect Customer Profiles',
    profileless: true,
    awsSideDestination: true,
  },
  SAPOData: {
    displayName: 'SAP OData',
    writeOperations: ['INSERT', 'UPSERT', 'UPDATE'],
    privateLink: true,
    apiVersions: ['2.0'],
  },
  CustomConnector: { displayName: 'Custom connector' },
  Pardot: { displayName: 'Salesforce Pardot', apiVersions: ['v5', 'v4'] },
};

/** The members of a source's properties that name what it reads (S3's is its bucket). */
const OBJECT_MEMBERS = ['object', 'objectPath', 'entityName', 'bucketName'];

export interface ConnectorFacts extends Required<Omit<HandFacts, 'oAuthScopes'>> {
  connectorType: string;
  oAuthScopes?: string[];
  canUseAsSource: boolean;
  canUseAsDestination: boolean;
  /** The `@oneOf` member each connector input union takes for this connector (null: none). */
  inputMembers: Record<ConnectorInputUnion, string | null>;
  /** The member of ConnectorMetadata for it, if any. */
  metadataMember: string | null;
  /** The ConnectorOperator values its tasks may use. */
  operators: string[];
  /** Member names of its profile credentials (write-only everywhere). */
  credentialMembers: string[];
  /** The member of its source properties that names the object it reads, if any. */
  sourceObjectMember: string | null;
  /** The same for its destination properties. */
  destinationObjectMember: string | null;
}

function membersOf(union: string, member: string | null): string[] {
  if (!member) return [];
  const target = shape(shape(union).members![member]!.shape);
  return target.type === 'structure' ? Object.keys(target.members ?? {}) : [];
}

const objectMember = (union: string, member: string | null) =>
  OBJECT_MEMBERS.find((m) => membersOf(union, member).includes(m)) ?? null;

/** The complete row of one connector type. */
export function connectorFacts(connectorType: string): ConnectorFacts {
  const hand = HAND[connectorType] ?? {};
  const inputMembers = Object.fromEntries(
    CONNECTOR_INPUT_UNIONS.map((u) => [u, connectorMemberFor(u, connectorType) ?? null]),
  ) as Record<ConnectorInputUnion, string | null>;
  const operatorMember = inputMembers.ConnectorOperator;
  return {
    connectorType,
    displayName: hand.displayName ?? connectorType,
    profileless: hand.profileless ?? false,
    eventSource: hand.eventSource ?? false,
    writeOperations: hand.writeOperations ?? ['INSERT'],
    awsSideDestination: hand.awsSideDestination ?? false,
    schedulingFrequencies: hand.schedulingFrequencies ?? ALL_FREQUENCIES,
    privateLink: hand.privateLink ?? false,
    apiVersions: hand.apiVersions ?? [],
    oAuthScopes: hand.oAuthScopes,
    checkForm: hand.checkForm ?? [],
    canUseAsSource: inputMembers.SourceConnectorProperties !== null,
    canUseAsDestination: inputMembers.DestinationConnectorProperties !== null,
    inputMembers,
    metadataMember: connectorMemberFor('ConnectorMetadata', connectorType) ?? null,
    operators: operatorMember
      ? (shape(shape('ConnectorOperator').members![operatorMember]!.shape).enum ?? [])
      : [],
    credentialMembers: membersOf(
      'ConnectorProfileCredentials',
      inputMembers.ConnectorProfileCredentials,
    ),
    sourceObjectMember: objectMember(
      'SourceConnectorProperties',
      inputMembers.SourceConnectorProperties,
    ),
    destinationObjectMember: objectMember(
      'DestinationConnectorProperties',
      inputMembers.DestinationConnectorProperties,
    ),
  };
}

/** One row per ConnectorType value, in model order. */
export const CONNECTOR_FACTS: readonly ConnectorFacts[] = CONNECTOR_TYPES.map(connectorFacts);

const byType = new Map(CONNECTOR_FACTS.map((f) => [f.connectorType, f]));
/** The row of a connector type of the model (throws for an unknown type). */
export function factsOf(connectorType: string): ConnectorFacts {
  const facts = byType.get(connectorType);
  if (!facts) throw new Error(`Unknown connector type ${connectorType}`);
  return facts;
}

/** Connector types with hand-written facts (the test checks each is a ConnectorType). */
export const HAND_WRITTEN_TYPES: readonly string[] = Object.keys(HAND);

/** Connector types used without a connector profile. */
export const PROFILELESS_TYPES: ReadonlySet<string> = new Set(
  CONNECTOR_FACTS.filter((f) => f.profileless).map((f) => f.connectorType),
);

/** One side of the check form: the `@oneOf` member and the member naming the object. */
export interface FormSide {
  member: string;
  objectMember: string;
}

/** What the dashboard's check form offers (web/src/connector-facts.json). */
export interface DashboardConnector {
  connectorType: string;
  displayName: string;
  source: FormSide | null;
  destination: FormSide | null;
}

export function dashboardConnectors(): DashboardConnector[] {
  const side = (member: string | null, objectMember: string | null, offered: boolean) =>
    offered && member && objectMember ? { member, objectMember } : null;
  return CONNECTOR_FACTS.filter((f) => f.checkForm.length > 0).map((f) => ({
    connectorType: f.connectorType,
    displayName: f.displayName,
    source: side(
      f.inputMembers.SourceConnectorProperties,
      f.sourceObjectMember,
      f.checkForm.includes('source'),
    ),
    destination: side(
      f.inputMembers.DestinationConnectorProperties,
      f.destinationObjectMember,
      f.checkForm.includes('destination'),
    ),
  }));
}
