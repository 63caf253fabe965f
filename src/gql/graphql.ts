/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** The aggregation settings that you can use to customize the output format of your flow data. */
export type AggregationConfigInput = {
  /** Specifies whether Amazon AppFlow aggregates the flow records into a single file, or leave them unaggregated. */
  aggregationType?: AggregationType | null | undefined;
  /** The desired file size, in MB, for each output file that Amazon AppFlow writes to the flow destination. For each file, Amazon AppFlow attempts to achieve the size that you specify. The actual file sizes might differ from this target based on the number and size of the records that each file contains. */
  targetFileSize?: number | null | undefined;
};

/** Values of AppFlow's AggregationType. */
export type AggregationType =
  | 'None'
  | 'SingleFile';

/** Values of AppFlow's AmplitudeConnectorOperator. */
export type AmplitudeConnectorOperator =
  | 'BETWEEN';

/** The properties that are applied when Amplitude is being used as a source. */
export type AmplitudeSourcePropertiesInput = {
  /** The object specified in the Amplitude flow source. */
  object: string;
};

/** Values of AppFlow's ConnectionMode. */
export type ConnectionMode =
  | 'Private'
  | 'Public';

/** The operation to be performed on the provided source fields. Exactly one member, the one of the connector in use. */
export type ConnectorOperatorInput =
  {   /** The operation to be performed on the provided Amplitude source fields. */
  Amplitude: AmplitudeConnectorOperator; CustomConnector?: never; Datadog?: never; Dynatrace?: never; GoogleAnalytics?: never; InforNexus?: never; Marketo?: never; Pardot?: never; S3?: never; SAPOData?: never; Salesforce?: never; ServiceNow?: never; Singular?: never; Slack?: never; Trendmicro?: never; Veeva?: never; Zendesk?: never; }
  |  { Amplitude?: never;   /** Operators supported by the custom connector. */
  CustomConnector: Operator; Datadog?: never; Dynatrace?: never; GoogleAnalytics?: never; InforNexus?: never; Marketo?: never; Pardot?: never; S3?: never; SAPOData?: never; Salesforce?: never; ServiceNow?: never; Singular?: never; Slack?: never; Trendmicro?: never; Veeva?: never; Zendesk?: never; }
  |  { Amplitude?: never; CustomConnector?: never;   /** The operation to be performed on the provided Datadog source fields. */
  Datadog: DatadogConnectorOperator; Dynatrace?: never; GoogleAnalytics?: never; InforNexus?: never; Marketo?: never; Pardot?: never; S3?: never; SAPOData?: never; Salesforce?: never; ServiceNow?: never; Singular?: never; Slack?: never; Trendmicro?: never; Veeva?: never; Zendesk?: never; }
  |  { Amplitude?: never; CustomConnector?: never; Datadog?: never;   /** The operation to be performed on the provided Dynatrace source fields. */
  Dynatrace: DynatraceConnectorOperator; GoogleAnalytics?: never; InforNexus?: never; Marketo?: never; Pardot?: never; S3?: never; SAPOData?: never; Salesforce?: never; ServiceNow?: never; Singular?: never; Slack?: never; Trendmicro?: never; Veeva?: never; Zendesk?: never; }
  |  { Amplitude?: never; CustomConnector?: never; Datadog?: never; Dynatrace?: never;   /** The operation to be performed on the provided Google Analytics source fields. */
  GoogleAnalytics: GoogleAnalyticsConnectorOperator; InforNexus?: never; Marketo?: never; Pardot?: never; S3?: never; SAPOData?: never; Salesforce?: never; ServiceNow?: never; Singular?: never; Slack?: never; Trendmicro?: never; Veeva?: never; Zendesk?: never; }
  |  { Amplitude?: never; CustomConnector?: never; Datadog?: never; Dynatrace?: never; GoogleAnalytics?: never;   /** The operation to be performed on the provided Infor Nexus source fields. */
  InforNexus: InforNexusConnectorOperator; Marketo?: never; Pardot?: never; S3?: never; SAPOData?: never; Salesforce?: never; ServiceNow?: never; Singular?: never; Slack?: never; Trendmicro?: never; Veeva?: never; Zendesk?: never; }
  |  { Amplitude?: never; CustomConnector?: never; Datadog?: never; Dynatrace?: never; GoogleAnalytics?: never; InforNexus?: never;   /** The operation to be performed on the provided Marketo source fields. */
  Marketo: MarketoConnectorOperator; Pardot?: never; S3?: never; SAPOData?: never; Salesforce?: never; ServiceNow?: never; Singular?: never; Slack?: never; Trendmicro?: never; Veeva?: never; Zendesk?: never; }
  |  { Amplitude?: never; CustomConnector?: never; Datadog?: never; Dynatrace?: never; GoogleAnalytics?: never; InforNexus?: never; Marketo?: never;   /** The operation to be performed on the provided Salesforce Pardot source fields. */
  Pardot: PardotConnectorOperator; S3?: never; SAPOData?: never; Salesforce?: never; ServiceNow?: never; Singular?: never; Slack?: never; Trendmicro?: never; Veeva?: never; Zendesk?: never; }
  |  { Amplitude?: never; CustomConnector?: never; Datadog?: never; Dynatrace?: never; GoogleAnalytics?: never; InforNexus?: never; Marketo?: never; Pardot?: never;   /** The operation to be performed on the provided Amazon S3 source fields. */
  S3: S3ConnectorOperator; SAPOData?: never; Salesforce?: never; ServiceNow?: never; Singular?: never; Slack?: never; Trendmicro?: never; Veeva?: never; Zendesk?: never; }
  |  { Amplitude?: never; CustomConnector?: never; Datadog?: never; Dynatrace?: never; GoogleAnalytics?: never; InforNexus?: never; Marketo?: never; Pardot?: never; S3?: never;   /** The operation to be performed on the provided SAPOData source fields. */
  SAPOData: SapoDataConnectorOperator; Salesforce?: never; ServiceNow?: never; Singular?: never; Slack?: never; Trendmicro?: never; Veeva?: never; Zendesk?: never; }
  |  { Amplitude?: never; CustomConnector?: never; Datadog?: never; Dynatrace?: never; GoogleAnalytics?: never; InforNexus?: never; Marketo?: never; Pardot?: never; S3?: never; SAPOData?: never;   /** The operation to be performed on the provided Salesforce source fields. */
  Salesforce: SalesforceConnectorOperator; ServiceNow?: never; Singular?: never; Slack?: never; Trendmicro?: never; Veeva?: never; Zendesk?: never; }
  |  { Amplitude?: never; CustomConnector?: never; Datadog?: never; Dynatrace?: never; GoogleAnalytics?: never; InforNexus?: never; Marketo?: never; Pardot?: never; S3?: never; SAPOData?: never; Salesforce?: never;   /** The operation to be performed on the provided ServiceNow source fields. */
  ServiceNow: ServiceNowConnectorOperator; Singular?: never; Slack?: never; Trendmicro?: never; Veeva?: never; Zendesk?: never; }
  |  { Amplitude?: never; CustomConnector?: never; Datadog?: never; Dynatrace?: never; GoogleAnalytics?: never; InforNexus?: never; Marketo?: never; Pardot?: never; S3?: never; SAPOData?: never; Salesforce?: never; ServiceNow?: never;   /** The operation to be performed on the provided Singular source fields. */
  Singular: SingularConnectorOperator; Slack?: never; Trendmicro?: never; Veeva?: never; Zendesk?: never; }
  |  { Amplitude?: never; CustomConnector?: never; Datadog?: never; Dynatrace?: never; GoogleAnalytics?: never; InforNexus?: never; Marketo?: never; Pardot?: never; S3?: never; SAPOData?: never; Salesforce?: never; ServiceNow?: never; Singular?: never;   /** The operation to be performed on the provided Slack source fields. */
  Slack: SlackConnectorOperator; Trendmicro?: never; Veeva?: never; Zendesk?: never; }
  |  { Amplitude?: never; CustomConnector?: never; Datadog?: never; Dynatrace?: never; GoogleAnalytics?: never; InforNexus?: never; Marketo?: never; Pardot?: never; S3?: never; SAPOData?: never; Salesforce?: never; ServiceNow?: never; Singular?: never; Slack?: never;   /** The operation to be performed on the provided Trend Micro source fields. */
  Trendmicro: TrendmicroConnectorOperator; Veeva?: never; Zendesk?: never; }
  |  { Amplitude?: never; CustomConnector?: never; Datadog?: never; Dynatrace?: never; GoogleAnalytics?: never; InforNexus?: never; Marketo?: never; Pardot?: never; S3?: never; SAPOData?: never; Salesforce?: never; ServiceNow?: never; Singular?: never; Slack?: never; Trendmicro?: never;   /** The operation to be performed on the provided Veeva source fields. */
  Veeva: VeevaConnectorOperator; Zendesk?: never; }
  |  { Amplitude?: never; CustomConnector?: never; Datadog?: never; Dynatrace?: never; GoogleAnalytics?: never; InforNexus?: never; Marketo?: never; Pardot?: never; S3?: never; SAPOData?: never; Salesforce?: never; ServiceNow?: never; Singular?: never; Slack?: never; Trendmicro?: never; Veeva?: never;   /** The operation to be performed on the provided Zendesk source fields. */
  Zendesk: ZendeskConnectorOperator; };

/** Values of AppFlow's ConnectorType. */
export type ConnectorType =
  | 'Amplitude'
  | 'CustomConnector'
  | 'CustomerProfiles'
  | 'Datadog'
  | 'Dynatrace'
  | 'EventBridge'
  | 'Googleanalytics'
  | 'Honeycode'
  | 'Infornexus'
  | 'LookoutMetrics'
  | 'Marketo'
  | 'Pardot'
  | 'Redshift'
  | 'S3'
  | 'SAPOData'
  | 'Salesforce'
  | 'Servicenow'
  | 'Singular'
  | 'Slack'
  | 'Snowflake'
  | 'Trendmicro'
  | 'Upsolver'
  | 'Veeva'
  | 'Zendesk';

/** The input of createFlow. */
export type CreateFlowInput = {
  /** A description of the flow you want to create. */
  description?: string | null | undefined;
  /** The configuration that controls how Amazon AppFlow places data in the destination connector. */
  destinationFlowConfigList: Array<DestinationFlowConfigInput>;
  /** The specified name of the flow. Spaces are not allowed. Use underscores (_) or hyphens (-) only. */
  flowName: string;
  /** Makes retries safe: the same key with the same input sends AppFlow the same client token (valid 8 hours), so a retried mutation changes or starts things once. The same key with different input is a ConflictError. Without a key every mutation is its own attempt. */
  idempotencyKey?: string | null | undefined;
  /** The ARN (Amazon Resource Name) of the Key Management Service (KMS) key you provide for encryption. This is required if you do not want to use the Amazon AppFlow-managed KMS key. If you don't provide anything here, Amazon AppFlow uses the Amazon AppFlow-managed KMS key. */
  kmsArn?: string | null | undefined;
  /** Specifies the configuration that Amazon AppFlow uses when it catalogs the data that's transferred by the associated flow. When Amazon AppFlow catalogs the data from a flow, it stores metadata in a data catalog. */
  metadataCatalogConfig?: MetadataCatalogConfigInput | null | undefined;
  /** The configuration that controls how Amazon AppFlow retrieves data from the source connector. */
  sourceFlowConfig: SourceFlowConfigInput;
  /** The tags used to organize, track, or control access for your flow. */
  tags?: Array<TagMapEntryInput> | null | undefined;
  /** A list of tasks that Amazon AppFlow performs while transferring the data in the flow run. */
  tasks: Array<TaskInput>;
  /** The trigger settings that determine how and when the flow runs. */
  triggerConfig: TriggerConfigInput;
};

/** The properties that are applied when the custom connector is being used as a destination. */
export type CustomConnectorDestinationPropertiesInput = {
  /** The custom properties that are specific to the connector when it's used as a destination in the flow. */
  customProperties?: Array<CustomPropertiesEntryInput> | null | undefined;
  /** The entity specified in the custom connector as a destination in the flow. */
  entityName: string;
  /** The settings that determine how Amazon AppFlow handles an error when placing data in the custom connector as destination. */
  errorHandlingConfig?: ErrorHandlingConfigInput | null | undefined;
  /** The name of the field that Amazon AppFlow uses as an ID when performing a write operation such as update, delete, or upsert. */
  idFieldNames?: Array<string> | null | undefined;
  /** Specifies the type of write operation to be performed in the custom connector when it's used as destination. */
  writeOperationType?: WriteOperationType | null | undefined;
};

/** The properties that are applied when the custom connector is being used as a source. */
export type CustomConnectorSourcePropertiesInput = {
  /** Custom properties that are required to use the custom connector as a source. */
  customProperties?: Array<CustomPropertiesEntryInput> | null | undefined;
  /** The API of the connector application that Amazon AppFlow uses to transfer your data. */
  dataTransferApi?: DataTransferApiInput | null | undefined;
  /** The entity specified in the custom connector as a source in the flow. */
  entityName: string;
};

/** One entry of CustomProperties. */
export type CustomPropertiesEntryInput = {
  /** The key. */
  key: string;
  /** The value. */
  value: string;
};

/** The properties that are applied when Connect Customer Customer Profiles is used as a destination. */
export type CustomerProfilesDestinationPropertiesInput = {
  /** The unique name of the Connect Customer Customer Profiles domain. */
  domainName: string;
  /** The object specified in the Connect Customer Customer Profiles flow destination. */
  objectTypeName?: string | null | undefined;
};

/** Values of AppFlow's DataPullMode. */
export type DataPullMode =
  | 'Complete'
  | 'Incremental';

/** The API of the connector application that Amazon AppFlow uses to transfer your data. */
export type DataTransferApiInput = {
  /** The name of the connector application API. */
  Name?: string | null | undefined;
  /** You can specify one of the following types: AUTOMATIC The default. Optimizes a flow for datasets that fluctuate in size from small to large. For each flow run, Amazon AppFlow chooses to use the SYNC or ASYNC API type based on the amount of data that the run transfers. SYNC A synchronous API. This type of API optimizes a flow for small to medium-sized datasets. ASYNC An asynchronous API. This type of API optimizes a flow for large datasets. */
  Type?: DataTransferApiType | null | undefined;
};

/** Values of AppFlow's DataTransferApiType. */
export type DataTransferApiType =
  | 'ASYNC'
  | 'AUTOMATIC'
  | 'SYNC';

/** Values of AppFlow's DatadogConnectorOperator. */
export type DatadogConnectorOperator =
  | 'ADDITION'
  | 'BETWEEN'
  | 'DIVISION'
  | 'EQUAL_TO'
  | 'MASK_ALL'
  | 'MASK_FIRST_N'
  | 'MASK_LAST_N'
  | 'MULTIPLICATION'
  | 'NO_OP'
  | 'PROJECTION'
  | 'SUBTRACTION'
  | 'VALIDATE_NON_NEGATIVE'
  | 'VALIDATE_NON_NULL'
  | 'VALIDATE_NON_ZERO'
  | 'VALIDATE_NUMERIC';

/** The properties that are applied when Datadog is being used as a source. */
export type DatadogSourcePropertiesInput = {
  /** The object specified in the Datadog flow source. */
  object: string;
};

/** This stores the information that is required to query a particular connector. Exactly one member, the one of the connector in use. */
export type DestinationConnectorPropertiesInput =
  {   /** The properties that are required to query the custom Connector. */
  CustomConnector: CustomConnectorDestinationPropertiesInput; CustomerProfiles?: never; EventBridge?: never; Honeycode?: never; LookoutMetrics?: never; Marketo?: never; Redshift?: never; S3?: never; SAPOData?: never; Salesforce?: never; Snowflake?: never; Upsolver?: never; Zendesk?: never; }
  |  { CustomConnector?: never;   /** The properties required to query Connect Customer Customer Profiles. */
  CustomerProfiles: CustomerProfilesDestinationPropertiesInput; EventBridge?: never; Honeycode?: never; LookoutMetrics?: never; Marketo?: never; Redshift?: never; S3?: never; SAPOData?: never; Salesforce?: never; Snowflake?: never; Upsolver?: never; Zendesk?: never; }
  |  { CustomConnector?: never; CustomerProfiles?: never;   /** The properties required to query Amazon EventBridge. */
  EventBridge: EventBridgeDestinationPropertiesInput; Honeycode?: never; LookoutMetrics?: never; Marketo?: never; Redshift?: never; S3?: never; SAPOData?: never; Salesforce?: never; Snowflake?: never; Upsolver?: never; Zendesk?: never; }
  |  { CustomConnector?: never; CustomerProfiles?: never; EventBridge?: never;   /** The properties required to query Amazon Honeycode. */
  Honeycode: HoneycodeDestinationPropertiesInput; LookoutMetrics?: never; Marketo?: never; Redshift?: never; S3?: never; SAPOData?: never; Salesforce?: never; Snowflake?: never; Upsolver?: never; Zendesk?: never; }
  |  { CustomConnector?: never; CustomerProfiles?: never; EventBridge?: never; Honeycode?: never;   /** The properties required to query Amazon Lookout for Metrics. */
  LookoutMetrics: LookoutMetricsDestinationPropertiesInput; Marketo?: never; Redshift?: never; S3?: never; SAPOData?: never; Salesforce?: never; Snowflake?: never; Upsolver?: never; Zendesk?: never; }
  |  { CustomConnector?: never; CustomerProfiles?: never; EventBridge?: never; Honeycode?: never; LookoutMetrics?: never;   /** The properties required to query Marketo. */
  Marketo: MarketoDestinationPropertiesInput; Redshift?: never; S3?: never; SAPOData?: never; Salesforce?: never; Snowflake?: never; Upsolver?: never; Zendesk?: never; }
  |  { CustomConnector?: never; CustomerProfiles?: never; EventBridge?: never; Honeycode?: never; LookoutMetrics?: never; Marketo?: never;   /** The properties required to query Amazon Redshift. */
  Redshift: RedshiftDestinationPropertiesInput; S3?: never; SAPOData?: never; Salesforce?: never; Snowflake?: never; Upsolver?: never; Zendesk?: never; }
  |  { CustomConnector?: never; CustomerProfiles?: never; EventBridge?: never; Honeycode?: never; LookoutMetrics?: never; Marketo?: never; Redshift?: never;   /** The properties required to query Amazon S3. */
  S3: S3DestinationPropertiesInput; SAPOData?: never; Salesforce?: never; Snowflake?: never; Upsolver?: never; Zendesk?: never; }
  |  { CustomConnector?: never; CustomerProfiles?: never; EventBridge?: never; Honeycode?: never; LookoutMetrics?: never; Marketo?: never; Redshift?: never; S3?: never;   /** The properties required to query SAPOData. */
  SAPOData: SapoDataDestinationPropertiesInput; Salesforce?: never; Snowflake?: never; Upsolver?: never; Zendesk?: never; }
  |  { CustomConnector?: never; CustomerProfiles?: never; EventBridge?: never; Honeycode?: never; LookoutMetrics?: never; Marketo?: never; Redshift?: never; S3?: never; SAPOData?: never;   /** The properties required to query Salesforce. */
  Salesforce: SalesforceDestinationPropertiesInput; Snowflake?: never; Upsolver?: never; Zendesk?: never; }
  |  { CustomConnector?: never; CustomerProfiles?: never; EventBridge?: never; Honeycode?: never; LookoutMetrics?: never; Marketo?: never; Redshift?: never; S3?: never; SAPOData?: never; Salesforce?: never;   /** The properties required to query Snowflake. */
  Snowflake: SnowflakeDestinationPropertiesInput; Upsolver?: never; Zendesk?: never; }
  |  { CustomConnector?: never; CustomerProfiles?: never; EventBridge?: never; Honeycode?: never; LookoutMetrics?: never; Marketo?: never; Redshift?: never; S3?: never; SAPOData?: never; Salesforce?: never; Snowflake?: never;   /** The properties required to query Upsolver. */
  Upsolver: UpsolverDestinationPropertiesInput; Zendesk?: never; }
  |  { CustomConnector?: never; CustomerProfiles?: never; EventBridge?: never; Honeycode?: never; LookoutMetrics?: never; Marketo?: never; Redshift?: never; S3?: never; SAPOData?: never; Salesforce?: never; Snowflake?: never; Upsolver?: never;   /** The properties required to query Zendesk. */
  Zendesk: ZendeskDestinationPropertiesInput; };

/** Contains information about the configuration of destination connectors present in the flow. */
export type DestinationFlowConfigInput = {
  /** The API version that the destination connector uses. */
  apiVersion?: string | null | undefined;
  /** The name of the connector profile. This name must be unique for each connector profile in the Amazon Web Services account. */
  connectorProfileName?: string | null | undefined;
  /** The type of connector, such as Salesforce, Amplitude, and so on. */
  connectorType: ConnectorType;
  /** This stores the information that is required to query a particular connector. */
  destinationConnectorProperties: DestinationConnectorPropertiesInput;
};

/** Values of AppFlow's DynatraceConnectorOperator. */
export type DynatraceConnectorOperator =
  | 'ADDITION'
  | 'BETWEEN'
  | 'DIVISION'
  | 'EQUAL_TO'
  | 'MASK_ALL'
  | 'MASK_FIRST_N'
  | 'MASK_LAST_N'
  | 'MULTIPLICATION'
  | 'NO_OP'
  | 'PROJECTION'
  | 'SUBTRACTION'
  | 'VALIDATE_NON_NEGATIVE'
  | 'VALIDATE_NON_NULL'
  | 'VALIDATE_NON_ZERO'
  | 'VALIDATE_NUMERIC';

/** The properties that are applied when Dynatrace is being used as a source. */
export type DynatraceSourcePropertiesInput = {
  /** The object specified in the Dynatrace flow source. */
  object: string;
};

/** The settings that determine how Amazon AppFlow handles an error when placing data in the destination. For example, this setting would determine if the flow should fail after one insertion error, or continue and attempt to insert every record regardless of the initial failure. ErrorHandlingConfig is a part of the destination connector details. */
export type ErrorHandlingConfigInput = {
  /** Specifies the name of the Amazon S3 bucket. */
  bucketName?: string | null | undefined;
  /** Specifies the Amazon S3 bucket prefix. */
  bucketPrefix?: string | null | undefined;
  /** Specifies if the flow should fail after the first instance of a failure when attempting to place data in the destination. */
  failOnFirstDestinationError?: boolean | null | undefined;
};

/** The properties that are applied when Amazon EventBridge is being used as a destination. */
export type EventBridgeDestinationPropertiesInput = {
  /** The settings that determine how Amazon AppFlow handles an error when placing data in the destination. For example, this setting would determine if the flow should fail after one insertion error, or continue and attempt to insert every record regardless of the initial failure. ErrorHandlingConfig is a part of the destination connector details. */
  errorHandlingConfig?: ErrorHandlingConfigInput | null | undefined;
  /** The object specified in the Amazon EventBridge flow destination. */
  object: string;
};

/** Values of AppFlow's ExecutionStatus. */
export type ExecutionStatus =
  | 'CancelStarted'
  | 'Canceled'
  | 'Error'
  | 'InProgress'
  | 'Successful';

/** Values of AppFlow's FileType. */
export type FileType =
  | 'CSV'
  | 'JSON'
  | 'PARQUET';

/** Filters applied to ListFlows results (AppFlow has no server-side filter). All given filters must match. */
export type FlowFilter = {
  /** The source or destination connector is any of these types. */
  connectorType?: Array<ConnectorType> | null | undefined;
  /** Any of these statuses. */
  status?: Array<FlowStatus> | null | undefined;
  /** The flow has this tag (and value, when given). */
  tag?: TagFilter | null | undefined;
  /** Any of these trigger types. */
  triggerType?: Array<TriggerType> | null | undefined;
};

/** What happened to a run. */
export type FlowRunEventKind =
  /** A run ended: Successful, Error or Canceled; once per run. A run first seen already ended (it started and ended between two polls) has only this event, with previousStatus null. */
  | 'FINISHED'
  /** A new run, in progress. */
  | 'STARTED'
  /** A run changed status and is still going (CancelStarted). */
  | 'STATUS_CHANGED';

/** Values of AppFlow's FlowStatus. */
export type FlowStatus =
  | 'Active'
  | 'Deleted'
  | 'Deprecated'
  | 'Draft'
  | 'Errored'
  | 'Suspended';

/** Specifies the configuration that Amazon AppFlow uses when it catalogs your data with the Glue Data Catalog. When Amazon AppFlow catalogs your data, it stores metadata in Data Catalog tables. This metadata represents the data that's transferred by the flow that you configure with these settings. You can configure a flow with these settings only when the flow destination is Amazon S3. */
export type GlueDataCatalogConfigInput = {
  /** The name of the Data Catalog database that stores the metadata tables that Amazon AppFlow creates in your Amazon Web Services account. These tables contain metadata for the data that's transferred by the flow that you configure with this parameter. When you configure a new flow with this parameter, you must specify an existing database. */
  databaseName: string;
  /**
   * The Amazon Resource Name (ARN) of an IAM role that grants Amazon AppFlow the permissions it needs to create Data Catalog tables, databases, and partitions.
   *
   * For an example IAM policy that has the required permissions, see Identity-based policy examples for Amazon AppFlow.
   */
  roleArn: string;
  /** A naming prefix for each Data Catalog table that Amazon AppFlow creates for the flow that you configure with this setting. Amazon AppFlow adds the prefix to the beginning of the each table name. */
  tablePrefix: string;
};

/** Values of AppFlow's GoogleAnalyticsConnectorOperator. */
export type GoogleAnalyticsConnectorOperator =
  | 'BETWEEN'
  | 'PROJECTION';

/** The properties that are applied when Google Analytics is being used as a source. */
export type GoogleAnalyticsSourcePropertiesInput = {
  /** The object specified in the Google Analytics flow source. */
  object: string;
};

/** The properties that are applied when Amazon Honeycode is used as a destination. */
export type HoneycodeDestinationPropertiesInput = {
  /** The settings that determine how Amazon AppFlow handles an error when placing data in the destination. For example, this setting would determine if the flow should fail after one insertion error, or continue and attempt to insert every record regardless of the initial failure. ErrorHandlingConfig is a part of the destination connector details. */
  errorHandlingConfig?: ErrorHandlingConfigInput | null | undefined;
  /** The object specified in the Amazon Honeycode flow destination. */
  object: string;
};

/** Specifies the configuration used when importing incremental records from the source. */
export type IncrementalPullConfigInput = {
  /** A field that specifies the date time or timestamp field as the criteria to use when importing incremental records from the source. */
  datetimeTypeFieldName?: string | null | undefined;
};

/** Values of AppFlow's InforNexusConnectorOperator. */
export type InforNexusConnectorOperator =
  | 'ADDITION'
  | 'BETWEEN'
  | 'DIVISION'
  | 'EQUAL_TO'
  | 'MASK_ALL'
  | 'MASK_FIRST_N'
  | 'MASK_LAST_N'
  | 'MULTIPLICATION'
  | 'NO_OP'
  | 'PROJECTION'
  | 'SUBTRACTION'
  | 'VALIDATE_NON_NEGATIVE'
  | 'VALIDATE_NON_NULL'
  | 'VALIDATE_NON_ZERO'
  | 'VALIDATE_NUMERIC';

/** The properties that are applied when Infor Nexus is being used as a source. */
export type InforNexusSourcePropertiesInput = {
  /** The object specified in the Infor Nexus flow source. */
  object: string;
};

/** The properties that are applied when Amazon Lookout for Metrics is used as a destination. */
export type LookoutMetricsDestinationPropertiesInput = {
  /** Ignored: AppFlow defines no members for this structure; pass `{}`. */
  present?: boolean | null | undefined;
};

/** Values of AppFlow's MarketoConnectorOperator. */
export type MarketoConnectorOperator =
  | 'ADDITION'
  | 'BETWEEN'
  | 'DIVISION'
  | 'GREATER_THAN'
  | 'LESS_THAN'
  | 'MASK_ALL'
  | 'MASK_FIRST_N'
  | 'MASK_LAST_N'
  | 'MULTIPLICATION'
  | 'NO_OP'
  | 'PROJECTION'
  | 'SUBTRACTION'
  | 'VALIDATE_NON_NEGATIVE'
  | 'VALIDATE_NON_NULL'
  | 'VALIDATE_NON_ZERO'
  | 'VALIDATE_NUMERIC';

/** The properties that Amazon AppFlow applies when you use Marketo as a flow destination. */
export type MarketoDestinationPropertiesInput = {
  /** The settings that determine how Amazon AppFlow handles an error when placing data in the destination. For example, this setting would determine if the flow should fail after one insertion error, or continue and attempt to insert every record regardless of the initial failure. ErrorHandlingConfig is a part of the destination connector details. */
  errorHandlingConfig?: ErrorHandlingConfigInput | null | undefined;
  /** The object specified in the Marketo flow destination. */
  object: string;
};

/** The properties that are applied when Marketo is being used as a source. */
export type MarketoSourcePropertiesInput = {
  /** The object specified in the Marketo flow source. */
  object: string;
};

/** Specifies the configuration that Amazon AppFlow uses when it catalogs your data. When Amazon AppFlow catalogs your data, it stores metadata in a data catalog. */
export type MetadataCatalogConfigInput = {
  /** Specifies the configuration that Amazon AppFlow uses when it catalogs your data with the Glue Data Catalog. */
  glueDataCatalog?: GlueDataCatalogConfigInput | null | undefined;
};

/** Values of AppFlow's Operator. */
export type Operator =
  | 'ADDITION'
  | 'BETWEEN'
  | 'CONTAINS'
  | 'DIVISION'
  | 'EQUAL_TO'
  | 'GREATER_THAN'
  | 'GREATER_THAN_OR_EQUAL_TO'
  | 'LESS_THAN'
  | 'LESS_THAN_OR_EQUAL_TO'
  | 'MASK_ALL'
  | 'MASK_FIRST_N'
  | 'MASK_LAST_N'
  | 'MULTIPLICATION'
  | 'NOT_EQUAL_TO'
  | 'NO_OP'
  | 'PROJECTION'
  | 'SUBTRACTION'
  | 'VALIDATE_NON_NEGATIVE'
  | 'VALIDATE_NON_NULL'
  | 'VALIDATE_NON_ZERO'
  | 'VALIDATE_NUMERIC';

/** Values of AppFlow's OperatorPropertiesKeys. */
export type OperatorPropertiesKeys =
  | 'CONCAT_FORMAT'
  | 'DATA_TYPE'
  | 'DESTINATION_DATA_TYPE'
  | 'EXCLUDE_SOURCE_FIELDS_LIST'
  | 'INCLUDE_NEW_FIELDS'
  | 'LOWER_BOUND'
  | 'MASK_LENGTH'
  | 'MASK_VALUE'
  | 'MATH_OPERATION_FIELDS_ORDER'
  | 'ORDERED_PARTITION_KEYS_LIST'
  | 'SOURCE_DATA_TYPE'
  | 'SUBFIELD_CATEGORY_MAP'
  | 'TRUNCATE_LENGTH'
  | 'UPPER_BOUND'
  | 'VALIDATION_ACTION'
  | 'VALUE'
  | 'VALUES';

/** Values of AppFlow's PardotConnectorOperator. */
export type PardotConnectorOperator =
  | 'ADDITION'
  | 'DIVISION'
  | 'EQUAL_TO'
  | 'MASK_ALL'
  | 'MASK_FIRST_N'
  | 'MASK_LAST_N'
  | 'MULTIPLICATION'
  | 'NO_OP'
  | 'PROJECTION'
  | 'SUBTRACTION'
  | 'VALIDATE_NON_NEGATIVE'
  | 'VALIDATE_NON_NULL'
  | 'VALIDATE_NON_ZERO'
  | 'VALIDATE_NUMERIC';

/** The properties that are applied when Salesforce Pardot is being used as a source. */
export type PardotSourcePropertiesInput = {
  /** The object specified in the Salesforce Pardot flow source. */
  object: string;
};

/** Values of AppFlow's PathPrefix. */
export type PathPrefix =
  | 'EXECUTION_ID'
  | 'SCHEMA_VERSION';

/** Specifies elements that Amazon AppFlow includes in the file and folder names in the flow destination. */
export type PrefixConfigInput = {
  /**
   * Specifies whether the destination file path includes either or both of the following elements: EXECUTION_ID The ID that Amazon AppFlow assigns to the flow run. SCHEMA_VERSION The version number of your data schema. Amazon AppFlow assigns this version number. The version number increases by one when you change any of the following settings in your flow configuration:
   * - Source-to-destination field mappings
   * - Field data types
   * - Partition keys
   */
  pathPrefixHierarchy?: Array<PathPrefix> | null | undefined;
  /** Determines the level of granularity for the date and time that's included in the prefix. */
  prefixFormat?: PrefixFormat | null | undefined;
  /** Determines the format of the prefix, and whether it applies to the file name, file path, or both. */
  prefixType?: PrefixType | null | undefined;
};

/** Values of AppFlow's PrefixFormat. */
export type PrefixFormat =
  | 'DAY'
  | 'HOUR'
  | 'MINUTE'
  | 'MONTH'
  | 'YEAR';

/** Values of AppFlow's PrefixType. */
export type PrefixType =
  | 'FILENAME'
  | 'PATH'
  | 'PATH_AND_FILENAME';

/** The properties that are applied when Amazon Redshift is being used as a destination. */
export type RedshiftDestinationPropertiesInput = {
  /** The object key for the bucket in which Amazon AppFlow places the destination files. */
  bucketPrefix?: string | null | undefined;
  /** The settings that determine how Amazon AppFlow handles an error when placing data in the Amazon Redshift destination. For example, this setting would determine if the flow should fail after one insertion error, or continue and attempt to insert every record regardless of the initial failure. ErrorHandlingConfig is a part of the destination connector details. */
  errorHandlingConfig?: ErrorHandlingConfigInput | null | undefined;
  /** The intermediate bucket that Amazon AppFlow uses when moving data into Amazon Redshift. */
  intermediateBucketName: string;
  /** The object specified in the Amazon Redshift flow destination. */
  object: string;
};

/** Values of AppFlow's S3ConnectorOperator. */
export type S3ConnectorOperator =
  | 'ADDITION'
  | 'BETWEEN'
  | 'DIVISION'
  | 'EQUAL_TO'
  | 'GREATER_THAN'
  | 'GREATER_THAN_OR_EQUAL_TO'
  | 'LESS_THAN'
  | 'LESS_THAN_OR_EQUAL_TO'
  | 'MASK_ALL'
  | 'MASK_FIRST_N'
  | 'MASK_LAST_N'
  | 'MULTIPLICATION'
  | 'NOT_EQUAL_TO'
  | 'NO_OP'
  | 'PROJECTION'
  | 'SUBTRACTION'
  | 'VALIDATE_NON_NEGATIVE'
  | 'VALIDATE_NON_NULL'
  | 'VALIDATE_NON_ZERO'
  | 'VALIDATE_NUMERIC';

/** The properties that are applied when Amazon S3 is used as a destination. */
export type S3DestinationPropertiesInput = {
  /** The Amazon S3 bucket name in which Amazon AppFlow places the transferred data. */
  bucketName: string;
  /** The object key for the destination bucket in which Amazon AppFlow places the files. */
  bucketPrefix?: string | null | undefined;
  /** The configuration that determines how Amazon AppFlow should format the flow output data when Amazon S3 is used as the destination. */
  s3OutputFormatConfig?: S3OutputFormatConfigInput | null | undefined;
};

/** Values of AppFlow's S3InputFileType. */
export type S3InputFileType =
  | 'CSV'
  | 'JSON';

/** When you use Amazon S3 as the source, the configuration format that you provide the flow input data. */
export type S3InputFormatConfigInput = {
  /** The file type that Amazon AppFlow gets from your Amazon S3 bucket. */
  s3InputFileType?: S3InputFileType | null | undefined;
};

/** The configuration that determines how Amazon AppFlow should format the flow output data when Amazon S3 is used as the destination. */
export type S3OutputFormatConfigInput = {
  /** The aggregation settings that you can use to customize the output format of your flow data. */
  aggregationConfig?: AggregationConfigInput | null | undefined;
  /** Indicates the file type that Amazon AppFlow places in the Amazon S3 bucket. */
  fileType?: FileType | null | undefined;
  /** Determines the prefix that Amazon AppFlow applies to the folder name in the Amazon S3 bucket. You can name folders according to the flow frequency and date. */
  prefixConfig?: PrefixConfigInput | null | undefined;
  /**
   * If your file output format is Parquet, use this parameter to set whether Amazon AppFlow preserves the data types in your source data when it writes the output to Amazon S3.
   * - true: Amazon AppFlow preserves the data types when it writes to Amazon S3. For example, an integer or 1 in your source data is still an integer in your output.
   * - false: Amazon AppFlow converts all of the source data into strings when it writes to Amazon S3. For example, an integer of 1 in your source data becomes the string "1" in the output.
   */
  preserveSourceDataTyping?: boolean | null | undefined;
};

/** The properties that are applied when Amazon S3 is being used as the flow source. */
export type S3SourcePropertiesInput = {
  /** The Amazon S3 bucket name where the source files are stored. */
  bucketName: string;
  /** The object key for the Amazon S3 bucket in which the source files are stored. */
  bucketPrefix?: string | null | undefined;
  /** When you use Amazon S3 as the source, the configuration format that you provide the flow input data. */
  s3InputFormatConfig?: S3InputFormatConfigInput | null | undefined;
};

/** Values of AppFlow's SAPODataConnectorOperator. */
export type SapoDataConnectorOperator =
  | 'ADDITION'
  | 'BETWEEN'
  | 'CONTAINS'
  | 'DIVISION'
  | 'EQUAL_TO'
  | 'GREATER_THAN'
  | 'GREATER_THAN_OR_EQUAL_TO'
  | 'LESS_THAN'
  | 'LESS_THAN_OR_EQUAL_TO'
  | 'MASK_ALL'
  | 'MASK_FIRST_N'
  | 'MASK_LAST_N'
  | 'MULTIPLICATION'
  | 'NOT_EQUAL_TO'
  | 'NO_OP'
  | 'PROJECTION'
  | 'SUBTRACTION'
  | 'VALIDATE_NON_NEGATIVE'
  | 'VALIDATE_NON_NULL'
  | 'VALIDATE_NON_ZERO'
  | 'VALIDATE_NUMERIC';

/** The properties that are applied when using SAPOData as a flow destination */
export type SapoDataDestinationPropertiesInput = {
  /** The settings that determine how Amazon AppFlow handles an error when placing data in the destination. For example, this setting would determine if the flow should fail after one insertion error, or continue and attempt to insert every record regardless of the initial failure. ErrorHandlingConfig is a part of the destination connector details. */
  errorHandlingConfig?: ErrorHandlingConfigInput | null | undefined;
  /** A list of field names that can be used as an ID field when performing a write operation. */
  idFieldNames?: Array<string> | null | undefined;
  /** The object path specified in the SAPOData flow destination. */
  objectPath: string;
  /**
   * Determines how Amazon AppFlow handles the success response that it gets from the connector after placing data.
   *
   * For example, this setting would determine where to write the response from a destination connector upon a successful insert operation.
   */
  successResponseHandlingConfig?: SuccessResponseHandlingConfigInput | null | undefined;
  /** The possible write operations in the destination connector. When this value is not provided, this defaults to the INSERT operation. */
  writeOperationType?: WriteOperationType | null | undefined;
};

/** Sets the page size for each concurrent process that transfers OData records from your SAP instance. A concurrent process is query that retrieves a batch of records as part of a flow run. Amazon AppFlow can run multiple concurrent processes in parallel to transfer data faster. */
export type SapoDataPaginationConfigInput = {
  /** The maximum number of records that Amazon AppFlow receives in each page of the response from your SAP application. For transfers of OData records, the maximum page size is 3,000. For transfers of data that comes from an ODP provider, the maximum page size is 10,000. */
  maxPageSize: number;
};

/** Sets the number of concurrent processes that transfer OData records from your SAP instance. A concurrent process is query that retrieves a batch of records as part of a flow run. Amazon AppFlow can run multiple concurrent processes in parallel to transfer data faster. */
export type SapoDataParallelismConfigInput = {
  /** The maximum number of processes that Amazon AppFlow runs at the same time when it retrieves your data from your SAP application. */
  maxParallelism: number;
};

/** The properties that are applied when using SAPOData as a flow source. */
export type SapoDataSourcePropertiesInput = {
  /** The object path specified in the SAPOData flow source. */
  objectPath?: string | null | undefined;
  /** Sets the page size for each concurrent process that transfers OData records from your SAP instance. */
  paginationConfig?: SapoDataPaginationConfigInput | null | undefined;
  /** Sets the number of concurrent processes that transfers OData records from your SAP instance. */
  parallelismConfig?: SapoDataParallelismConfigInput | null | undefined;
};

/** Values of AppFlow's SalesforceConnectorOperator. */
export type SalesforceConnectorOperator =
  | 'ADDITION'
  | 'BETWEEN'
  | 'CONTAINS'
  | 'DIVISION'
  | 'EQUAL_TO'
  | 'GREATER_THAN'
  | 'GREATER_THAN_OR_EQUAL_TO'
  | 'LESS_THAN'
  | 'LESS_THAN_OR_EQUAL_TO'
  | 'MASK_ALL'
  | 'MASK_FIRST_N'
  | 'MASK_LAST_N'
  | 'MULTIPLICATION'
  | 'NOT_EQUAL_TO'
  | 'NO_OP'
  | 'PROJECTION'
  | 'SUBTRACTION'
  | 'VALIDATE_NON_NEGATIVE'
  | 'VALIDATE_NON_NULL'
  | 'VALIDATE_NON_ZERO'
  | 'VALIDATE_NUMERIC';

/** Values of AppFlow's SalesforceDataTransferApi. */
export type SalesforceDataTransferApi =
  | 'AUTOMATIC'
  | 'BULKV2'
  | 'REST_SYNC';

/** The properties that are applied when Salesforce is being used as a destination. */
export type SalesforceDestinationPropertiesInput = {
  /**
   * Specifies which Salesforce API is used by Amazon AppFlow when your flow transfers data to Salesforce. AUTOMATIC The default. Amazon AppFlow selects which API to use based on the number of records that your flow transfers to Salesforce. If your flow transfers fewer than 1,000 records, Amazon AppFlow uses Salesforce REST API. If your flow transfers 1,000 records or more, Amazon AppFlow uses Salesforce Bulk API 2.0.
   *
   * Each of these Salesforce APIs structures data differently. If Amazon AppFlow selects the API automatically, be aware that, for recurring flows, the data output might vary from one flow run to the next. For example, if a flow runs daily, it might use REST API on one day to transfer 900 records, and it might use Bulk API 2.0 on the next day to transfer 1,100 records. For each of these flow runs, the respective Salesforce API formats the data differently. Some of the differences include how dates are formatted and null values are represented. Also, Bulk API 2.0 doesn't transfer Salesforce compound fields.
   *
   * By choosing this option, you optimize flow performance for both small and large data transfers, but the tradeoff is inconsistent formatting in the output. BULKV2 Amazon AppFlow uses only Salesforce Bulk API 2.0. This API runs asynchronous data transfers, and it's optimal for large sets of data. By choosing this option, you ensure that your flow writes consistent output, but you optimize performance only for large data transfers.
   *
   * Note that Bulk API 2.0 does not transfer Salesforce compound fields. REST_SYNC Amazon AppFlow uses only Salesforce REST API. By choosing this option, you ensure that your flow writes consistent output, but you decrease performance for large data transfers that are better suited for Bulk API 2.0. In some cases, if your flow attempts to transfer a vary large set of data, it might fail with a timed out error.
   */
  dataTransferApi?: SalesforceDataTransferApi | null | undefined;
  /** The settings that determine how Amazon AppFlow handles an error when placing data in the Salesforce destination. For example, this setting would determine if the flow should fail after one insertion error, or continue and attempt to insert every record regardless of the initial failure. ErrorHandlingConfig is a part of the destination connector details. */
  errorHandlingConfig?: ErrorHandlingConfigInput | null | undefined;
  /** The name of the field that Amazon AppFlow uses as an ID when performing a write operation such as update or delete. */
  idFieldNames?: Array<string> | null | undefined;
  /** The object specified in the Salesforce flow destination. */
  object: string;
  /** This specifies the type of write operation to be performed in Salesforce. When the value is UPSERT, then idFieldNames is required. */
  writeOperationType?: WriteOperationType | null | undefined;
};

/** The properties that are applied when Salesforce is being used as a source. */
export type SalesforceSourcePropertiesInput = {
  /**
   * Specifies which Salesforce API is used by Amazon AppFlow when your flow transfers data from Salesforce. AUTOMATIC The default. Amazon AppFlow selects which API to use based on the number of records that your flow transfers from Salesforce. If your flow transfers fewer than 1,000,000 records, Amazon AppFlow uses Salesforce REST API. If your flow transfers 1,000,000 records or more, Amazon AppFlow uses Salesforce Bulk API 2.0.
   *
   * Each of these Salesforce APIs structures data differently. If Amazon AppFlow selects the API automatically, be aware that, for recurring flows, the data output might vary from one flow run to the next. For example, if a flow runs daily, it might use REST API on one day to transfer 900,000 records, and it might use Bulk API 2.0 on the next day to transfer 1,100,000 records. For each of these flow runs, the respective Salesforce API formats the data differently. Some of the differences include how dates are formatted and null values are represented. Also, Bulk API 2.0 doesn't transfer Salesforce compound fields.
   *
   * By choosing this option, you optimize flow performance for both small and large data transfers, but the tradeoff is inconsistent formatting in the output. BULKV2 Amazon AppFlow uses only Salesforce Bulk API 2.0. This API runs asynchronous data transfers, and it's optimal for large sets of data. By choosing this option, you ensure that your flow writes consistent output, but you optimize performance only for large data transfers.
   *
   * Note that Bulk API 2.0 does not transfer Salesforce compound fields. REST_SYNC Amazon AppFlow uses only Salesforce REST API. By choosing this option, you ensure that your flow writes consistent output, but you decrease performance for large data transfers that are better suited for Bulk API 2.0. In some cases, if your flow attempts to transfer a vary large set of data, it might fail wituh a timed out error.
   */
  dataTransferApi?: SalesforceDataTransferApi | null | undefined;
  /** The flag that enables dynamic fetching of new (recently added) fields in the Salesforce objects while running a flow. */
  enableDynamicFieldUpdate?: boolean | null | undefined;
  /** Indicates whether Amazon AppFlow includes deleted files in the flow run. */
  includeDeletedRecords?: boolean | null | undefined;
  /** The object specified in the Salesforce flow source. */
  object: string;
};

/** Values of AppFlow's ScheduleFrequencyType. */
export type ScheduleFrequencyType =
  | 'BYMINUTE'
  | 'DAILY'
  | 'HOURLY'
  | 'MONTHLY'
  | 'ONCE'
  | 'WEEKLY';

/** Specifies the configuration details of a schedule-triggered flow as defined by the user. Currently, these settings only apply to the Scheduled trigger type. */
export type ScheduledTriggerPropertiesInput = {
  /** Specifies whether a scheduled flow has an incremental data transfer or a complete data transfer for each flow run. */
  dataPullMode?: DataPullMode | null | undefined;
  /** Specifies the date range for the records to import from the connector in the first flow run. */
  firstExecutionFrom?: string | null | undefined;
  /** Defines how many times a scheduled flow fails consecutively before Amazon AppFlow deactivates it. */
  flowErrorDeactivationThreshold?: number | null | undefined;
  /** The time at which the scheduled flow ends. The time is formatted as a timestamp that follows the ISO 8601 standard, such as 2022-04-27T13:00:00-07:00. */
  scheduleEndTime?: string | null | undefined;
  /** The scheduling expression that determines the rate at which the schedule will run, for example rate(5minutes). */
  scheduleExpression: string;
  /** Specifies the optional offset that is added to the time interval for a schedule-triggered flow. */
  scheduleOffset?: number | null | undefined;
  /** The time at which the scheduled flow starts. The time is formatted as a timestamp that follows the ISO 8601 standard, such as 2022-04-26T13:00:00-07:00. */
  scheduleStartTime?: string | null | undefined;
  /**
   * Specifies the time zone used when referring to the dates and times of a scheduled flow, such as America/New_York. This time zone is only a descriptive label. It doesn't affect how Amazon AppFlow interprets the timestamps that you specify to schedule the flow.
   *
   * If you want to schedule a flow by using times in a particular time zone, indicate the time zone as a UTC offset in your timestamps. For example, the UTC offsets for the America/New_York timezone are -04:00 EDT and -05:00 EST.
   */
  timezone?: string | null | undefined;
};

/** Values of AppFlow's ServiceNowConnectorOperator. */
export type ServiceNowConnectorOperator =
  | 'ADDITION'
  | 'BETWEEN'
  | 'CONTAINS'
  | 'DIVISION'
  | 'EQUAL_TO'
  | 'GREATER_THAN'
  | 'GREATER_THAN_OR_EQUAL_TO'
  | 'LESS_THAN'
  | 'LESS_THAN_OR_EQUAL_TO'
  | 'MASK_ALL'
  | 'MASK_FIRST_N'
  | 'MASK_LAST_N'
  | 'MULTIPLICATION'
  | 'NOT_EQUAL_TO'
  | 'NO_OP'
  | 'PROJECTION'
  | 'SUBTRACTION'
  | 'VALIDATE_NON_NEGATIVE'
  | 'VALIDATE_NON_NULL'
  | 'VALIDATE_NON_ZERO'
  | 'VALIDATE_NUMERIC';

/** The properties that are applied when ServiceNow is being used as a source. */
export type ServiceNowSourcePropertiesInput = {
  /** The object specified in the ServiceNow flow source. */
  object: string;
};

/** Values of AppFlow's SingularConnectorOperator. */
export type SingularConnectorOperator =
  | 'ADDITION'
  | 'DIVISION'
  | 'EQUAL_TO'
  | 'MASK_ALL'
  | 'MASK_FIRST_N'
  | 'MASK_LAST_N'
  | 'MULTIPLICATION'
  | 'NO_OP'
  | 'PROJECTION'
  | 'SUBTRACTION'
  | 'VALIDATE_NON_NEGATIVE'
  | 'VALIDATE_NON_NULL'
  | 'VALIDATE_NON_ZERO'
  | 'VALIDATE_NUMERIC';

/** The properties that are applied when Singular is being used as a source. */
export type SingularSourcePropertiesInput = {
  /** The object specified in the Singular flow source. */
  object: string;
};

/** Values of AppFlow's SlackConnectorOperator. */
export type SlackConnectorOperator =
  | 'ADDITION'
  | 'BETWEEN'
  | 'DIVISION'
  | 'EQUAL_TO'
  | 'GREATER_THAN'
  | 'GREATER_THAN_OR_EQUAL_TO'
  | 'LESS_THAN'
  | 'LESS_THAN_OR_EQUAL_TO'
  | 'MASK_ALL'
  | 'MASK_FIRST_N'
  | 'MASK_LAST_N'
  | 'MULTIPLICATION'
  | 'NO_OP'
  | 'PROJECTION'
  | 'SUBTRACTION'
  | 'VALIDATE_NON_NEGATIVE'
  | 'VALIDATE_NON_NULL'
  | 'VALIDATE_NON_ZERO'
  | 'VALIDATE_NUMERIC';

/** The properties that are applied when Slack is being used as a source. */
export type SlackSourcePropertiesInput = {
  /** The object specified in the Slack flow source. */
  object: string;
};

/** The properties that are applied when Snowflake is being used as a destination. */
export type SnowflakeDestinationPropertiesInput = {
  /** The object key for the destination bucket in which Amazon AppFlow places the files. */
  bucketPrefix?: string | null | undefined;
  /** The settings that determine how Amazon AppFlow handles an error when placing data in the Snowflake destination. For example, this setting would determine if the flow should fail after one insertion error, or continue and attempt to insert every record regardless of the initial failure. ErrorHandlingConfig is a part of the destination connector details. */
  errorHandlingConfig?: ErrorHandlingConfigInput | null | undefined;
  /** The intermediate bucket that Amazon AppFlow uses when moving data into Snowflake. */
  intermediateBucketName: string;
  /** The object specified in the Snowflake flow destination. */
  object: string;
};

/** Specifies the information that is required to query a particular connector. Exactly one member, the one of the connector in use. */
export type SourceConnectorPropertiesInput =
  {   /** Specifies the information that is required for querying Amplitude. */
  Amplitude: AmplitudeSourcePropertiesInput; CustomConnector?: never; Datadog?: never; Dynatrace?: never; GoogleAnalytics?: never; InforNexus?: never; Marketo?: never; Pardot?: never; S3?: never; SAPOData?: never; Salesforce?: never; ServiceNow?: never; Singular?: never; Slack?: never; Trendmicro?: never; Veeva?: never; Zendesk?: never; }
  |  { Amplitude?: never;   /** The properties that are applied when the custom connector is being used as a source. */
  CustomConnector: CustomConnectorSourcePropertiesInput; Datadog?: never; Dynatrace?: never; GoogleAnalytics?: never; InforNexus?: never; Marketo?: never; Pardot?: never; S3?: never; SAPOData?: never; Salesforce?: never; ServiceNow?: never; Singular?: never; Slack?: never; Trendmicro?: never; Veeva?: never; Zendesk?: never; }
  |  { Amplitude?: never; CustomConnector?: never;   /** Specifies the information that is required for querying Datadog. */
  Datadog: DatadogSourcePropertiesInput; Dynatrace?: never; GoogleAnalytics?: never; InforNexus?: never; Marketo?: never; Pardot?: never; S3?: never; SAPOData?: never; Salesforce?: never; ServiceNow?: never; Singular?: never; Slack?: never; Trendmicro?: never; Veeva?: never; Zendesk?: never; }
  |  { Amplitude?: never; CustomConnector?: never; Datadog?: never;   /** Specifies the information that is required for querying Dynatrace. */
  Dynatrace: DynatraceSourcePropertiesInput; GoogleAnalytics?: never; InforNexus?: never; Marketo?: never; Pardot?: never; S3?: never; SAPOData?: never; Salesforce?: never; ServiceNow?: never; Singular?: never; Slack?: never; Trendmicro?: never; Veeva?: never; Zendesk?: never; }
  |  { Amplitude?: never; CustomConnector?: never; Datadog?: never; Dynatrace?: never;   /** Specifies the information that is required for querying Google Analytics. */
  GoogleAnalytics: GoogleAnalyticsSourcePropertiesInput; InforNexus?: never; Marketo?: never; Pardot?: never; S3?: never; SAPOData?: never; Salesforce?: never; ServiceNow?: never; Singular?: never; Slack?: never; Trendmicro?: never; Veeva?: never; Zendesk?: never; }
  |  { Amplitude?: never; CustomConnector?: never; Datadog?: never; Dynatrace?: never; GoogleAnalytics?: never;   /** Specifies the information that is required for querying Infor Nexus. */
  InforNexus: InforNexusSourcePropertiesInput; Marketo?: never; Pardot?: never; S3?: never; SAPOData?: never; Salesforce?: never; ServiceNow?: never; Singular?: never; Slack?: never; Trendmicro?: never; Veeva?: never; Zendesk?: never; }
  |  { Amplitude?: never; CustomConnector?: never; Datadog?: never; Dynatrace?: never; GoogleAnalytics?: never; InforNexus?: never;   /** Specifies the information that is required for querying Marketo. */
  Marketo: MarketoSourcePropertiesInput; Pardot?: never; S3?: never; SAPOData?: never; Salesforce?: never; ServiceNow?: never; Singular?: never; Slack?: never; Trendmicro?: never; Veeva?: never; Zendesk?: never; }
  |  { Amplitude?: never; CustomConnector?: never; Datadog?: never; Dynatrace?: never; GoogleAnalytics?: never; InforNexus?: never; Marketo?: never;   /** Specifies the information that is required for querying Salesforce Pardot. */
  Pardot: PardotSourcePropertiesInput; S3?: never; SAPOData?: never; Salesforce?: never; ServiceNow?: never; Singular?: never; Slack?: never; Trendmicro?: never; Veeva?: never; Zendesk?: never; }
  |  { Amplitude?: never; CustomConnector?: never; Datadog?: never; Dynatrace?: never; GoogleAnalytics?: never; InforNexus?: never; Marketo?: never; Pardot?: never;   /** Specifies the information that is required for querying Amazon S3. */
  S3: S3SourcePropertiesInput; SAPOData?: never; Salesforce?: never; ServiceNow?: never; Singular?: never; Slack?: never; Trendmicro?: never; Veeva?: never; Zendesk?: never; }
  |  { Amplitude?: never; CustomConnector?: never; Datadog?: never; Dynatrace?: never; GoogleAnalytics?: never; InforNexus?: never; Marketo?: never; Pardot?: never; S3?: never;   /** The properties that are applied when using SAPOData as a flow source. */
  SAPOData: SapoDataSourcePropertiesInput; Salesforce?: never; ServiceNow?: never; Singular?: never; Slack?: never; Trendmicro?: never; Veeva?: never; Zendesk?: never; }
  |  { Amplitude?: never; CustomConnector?: never; Datadog?: never; Dynatrace?: never; GoogleAnalytics?: never; InforNexus?: never; Marketo?: never; Pardot?: never; S3?: never; SAPOData?: never;   /** Specifies the information that is required for querying Salesforce. */
  Salesforce: SalesforceSourcePropertiesInput; ServiceNow?: never; Singular?: never; Slack?: never; Trendmicro?: never; Veeva?: never; Zendesk?: never; }
  |  { Amplitude?: never; CustomConnector?: never; Datadog?: never; Dynatrace?: never; GoogleAnalytics?: never; InforNexus?: never; Marketo?: never; Pardot?: never; S3?: never; SAPOData?: never; Salesforce?: never;   /** Specifies the information that is required for querying ServiceNow. */
  ServiceNow: ServiceNowSourcePropertiesInput; Singular?: never; Slack?: never; Trendmicro?: never; Veeva?: never; Zendesk?: never; }
  |  { Amplitude?: never; CustomConnector?: never; Datadog?: never; Dynatrace?: never; GoogleAnalytics?: never; InforNexus?: never; Marketo?: never; Pardot?: never; S3?: never; SAPOData?: never; Salesforce?: never; ServiceNow?: never;   /** Specifies the information that is required for querying Singular. */
  Singular: SingularSourcePropertiesInput; Slack?: never; Trendmicro?: never; Veeva?: never; Zendesk?: never; }
  |  { Amplitude?: never; CustomConnector?: never; Datadog?: never; Dynatrace?: never; GoogleAnalytics?: never; InforNexus?: never; Marketo?: never; Pardot?: never; S3?: never; SAPOData?: never; Salesforce?: never; ServiceNow?: never; Singular?: never;   /** Specifies the information that is required for querying Slack. */
  Slack: SlackSourcePropertiesInput; Trendmicro?: never; Veeva?: never; Zendesk?: never; }
  |  { Amplitude?: never; CustomConnector?: never; Datadog?: never; Dynatrace?: never; GoogleAnalytics?: never; InforNexus?: never; Marketo?: never; Pardot?: never; S3?: never; SAPOData?: never; Salesforce?: never; ServiceNow?: never; Singular?: never; Slack?: never;   /** Specifies the information that is required for querying Trend Micro. */
  Trendmicro: TrendmicroSourcePropertiesInput; Veeva?: never; Zendesk?: never; }
  |  { Amplitude?: never; CustomConnector?: never; Datadog?: never; Dynatrace?: never; GoogleAnalytics?: never; InforNexus?: never; Marketo?: never; Pardot?: never; S3?: never; SAPOData?: never; Salesforce?: never; ServiceNow?: never; Singular?: never; Slack?: never; Trendmicro?: never;   /** Specifies the information that is required for querying Veeva. */
  Veeva: VeevaSourcePropertiesInput; Zendesk?: never; }
  |  { Amplitude?: never; CustomConnector?: never; Datadog?: never; Dynatrace?: never; GoogleAnalytics?: never; InforNexus?: never; Marketo?: never; Pardot?: never; S3?: never; SAPOData?: never; Salesforce?: never; ServiceNow?: never; Singular?: never; Slack?: never; Trendmicro?: never; Veeva?: never;   /** Specifies the information that is required for querying Zendesk. */
  Zendesk: ZendeskSourcePropertiesInput; };

/** Contains information about the configuration of the source connector used in the flow. */
export type SourceFlowConfigInput = {
  /** The API version of the connector when it's used as a source in the flow. */
  apiVersion?: string | null | undefined;
  /** The name of the connector profile. This name must be unique for each connector profile in the Amazon Web Services account. */
  connectorProfileName?: string | null | undefined;
  /** The type of connector, such as Salesforce, Amplitude, and so on. */
  connectorType: ConnectorType;
  /** Defines the configuration for a scheduled incremental data pull. If a valid configuration is provided, the fields specified in the configuration are used when querying for the incremental data pull. */
  incrementalPullConfig?: IncrementalPullConfigInput | null | undefined;
  /** Specifies the information that is required to query a particular source connector. */
  sourceConnectorProperties: SourceConnectorPropertiesInput;
};

/**
 * Determines how Amazon AppFlow handles the success response that it gets from the connector after placing data.
 *
 * For example, this setting would determine where to write the response from the destination connector upon a successful insert operation.
 */
export type SuccessResponseHandlingConfigInput = {
  /** The name of the Amazon S3 bucket. */
  bucketName?: string | null | undefined;
  /** The Amazon S3 bucket prefix. */
  bucketPrefix?: string | null | undefined;
};

/** A tag a flow must have. */
export type TagFilter = {
  /** The tag key. */
  key: string;
  /** The tag value; any value when omitted. */
  value?: string | null | undefined;
};

/** One entry of TagMap. */
export type TagMapEntryInput = {
  /** The key. */
  key: string;
  /** The value. */
  value: string;
};

/** A class for modeling different type of tasks. Task implementation varies based on the TaskType. */
export type TaskInput = {
  /** The operation to be performed on the provided source fields. */
  connectorOperator?: ConnectorOperatorInput | null | undefined;
  /** A field in a destination connector, or a field value against which Amazon AppFlow validates a source field. */
  destinationField?: string | null | undefined;
  /** The source fields to which a particular task is applied. */
  sourceFields: Array<string>;
  /** A map used to store task-related information. The execution service looks for particular information based on the TaskType. */
  taskProperties?: Array<TaskPropertiesMapEntryInput> | null | undefined;
  /** Specifies the particular task implementation that Amazon AppFlow performs. */
  taskType: TaskType;
};

/** One entry of TaskPropertiesMap. */
export type TaskPropertiesMapEntryInput = {
  /** The key. */
  key: OperatorPropertiesKeys;
  /** The value. */
  value: string;
};

/** Values of AppFlow's TaskType. */
export type TaskType =
  | 'Arithmetic'
  | 'Filter'
  | 'Map'
  | 'Map_all'
  | 'Mask'
  | 'Merge'
  | 'Partition'
  | 'Passthrough'
  | 'Truncate'
  | 'Validate';

/** Values of AppFlow's TrendmicroConnectorOperator. */
export type TrendmicroConnectorOperator =
  | 'ADDITION'
  | 'DIVISION'
  | 'EQUAL_TO'
  | 'MASK_ALL'
  | 'MASK_FIRST_N'
  | 'MASK_LAST_N'
  | 'MULTIPLICATION'
  | 'NO_OP'
  | 'PROJECTION'
  | 'SUBTRACTION'
  | 'VALIDATE_NON_NEGATIVE'
  | 'VALIDATE_NON_NULL'
  | 'VALIDATE_NON_ZERO'
  | 'VALIDATE_NUMERIC';

/** The properties that are applied when using Trend Micro as a flow source. */
export type TrendmicroSourcePropertiesInput = {
  /** The object specified in the Trend Micro flow source. */
  object: string;
};

/** The trigger settings that determine how and when Amazon AppFlow runs the specified flow. */
export type TriggerConfigInput = {
  /** Specifies the configuration details of a schedule-triggered flow as defined by the user. Currently, these settings only apply to the Scheduled trigger type. */
  triggerProperties?: TriggerPropertiesInput | null | undefined;
  /** Specifies the type of flow trigger. This can be OnDemand, Scheduled, or Event. */
  triggerType: TriggerType;
};

/** Specifies the configuration details that control the trigger for a flow. Currently, these settings only apply to the Scheduled trigger type. */
export type TriggerPropertiesInput = {
  /** Specifies the configuration details of a schedule-triggered flow as defined by the user. */
  Scheduled?: ScheduledTriggerPropertiesInput | null | undefined;
};

/** Values of AppFlow's TriggerType. */
export type TriggerType =
  | 'Event'
  | 'OnDemand'
  | 'Scheduled';

/** The input of updateFlow. */
export type UpdateFlowInput = {
  /** A description of the flow. */
  description?: string | null | undefined;
  /** The configuration that controls how Amazon AppFlow transfers data to the destination connector. */
  destinationFlowConfigList: Array<DestinationFlowConfigInput>;
  /** The specified name of the flow. Spaces are not allowed. Use underscores (_) or hyphens (-) only. */
  flowName: string;
  /** Makes retries safe: the same key with the same input sends AppFlow the same client token (valid 8 hours), so a retried mutation changes or starts things once. The same key with different input is a ConflictError. Without a key every mutation is its own attempt. */
  idempotencyKey?: string | null | undefined;
  /** Specifies the configuration that Amazon AppFlow uses when it catalogs the data that's transferred by the associated flow. When Amazon AppFlow catalogs the data from a flow, it stores metadata in a data catalog. */
  metadataCatalogConfig?: MetadataCatalogConfigInput | null | undefined;
  /** Contains information about the configuration of the source connector used in the flow. */
  sourceFlowConfig: SourceFlowConfigInput;
  /** A list of tasks that Amazon AppFlow performs while transferring the data in the flow run. */
  tasks: Array<TaskInput>;
  /** The trigger settings that determine how and when the flow runs. */
  triggerConfig: TriggerConfigInput;
};

/** The properties that are applied when Upsolver is used as a destination. */
export type UpsolverDestinationPropertiesInput = {
  /** The Upsolver Amazon S3 bucket name in which Amazon AppFlow places the transferred data. */
  bucketName: string;
  /** The object key for the destination Upsolver Amazon S3 bucket in which Amazon AppFlow places the files. */
  bucketPrefix?: string | null | undefined;
  /** The configuration that determines how data is formatted when Upsolver is used as the flow destination. */
  s3OutputFormatConfig: UpsolverS3OutputFormatConfigInput;
};

/** The configuration that determines how Amazon AppFlow formats the flow output data when Upsolver is used as the destination. */
export type UpsolverS3OutputFormatConfigInput = {
  /** The aggregation settings that you can use to customize the output format of your flow data. */
  aggregationConfig?: AggregationConfigInput | null | undefined;
  /** Indicates the file type that Amazon AppFlow places in the Upsolver Amazon S3 bucket. */
  fileType?: FileType | null | undefined;
  /** Specifies elements that Amazon AppFlow includes in the file and folder names in the flow destination. */
  prefixConfig: PrefixConfigInput;
};

/** The flow definition to check: exactly one of a new flow or an update. */
export type ValidateFlowInput =
  {   /** The input createFlow would get. */
  create: CreateFlowInput; update?: never; }
  |  { create?: never;   /** The input updateFlow would get. */
  update: UpdateFlowInput; };

/** Values of AppFlow's VeevaConnectorOperator. */
export type VeevaConnectorOperator =
  | 'ADDITION'
  | 'BETWEEN'
  | 'CONTAINS'
  | 'DIVISION'
  | 'EQUAL_TO'
  | 'GREATER_THAN'
  | 'GREATER_THAN_OR_EQUAL_TO'
  | 'LESS_THAN'
  | 'LESS_THAN_OR_EQUAL_TO'
  | 'MASK_ALL'
  | 'MASK_FIRST_N'
  | 'MASK_LAST_N'
  | 'MULTIPLICATION'
  | 'NOT_EQUAL_TO'
  | 'NO_OP'
  | 'PROJECTION'
  | 'SUBTRACTION'
  | 'VALIDATE_NON_NEGATIVE'
  | 'VALIDATE_NON_NULL'
  | 'VALIDATE_NON_ZERO'
  | 'VALIDATE_NUMERIC';

/** The properties that are applied when using Veeva as a flow source. */
export type VeevaSourcePropertiesInput = {
  /** The document type specified in the Veeva document extract flow. */
  documentType?: string | null | undefined;
  /** Boolean value to include All Versions of files in Veeva document extract flow. */
  includeAllVersions?: boolean | null | undefined;
  /** Boolean value to include file renditions in Veeva document extract flow. */
  includeRenditions?: boolean | null | undefined;
  /** Boolean value to include source files in Veeva document extract flow. */
  includeSourceFiles?: boolean | null | undefined;
  /** The object specified in the Veeva flow source. */
  object: string;
};

/** The possible write operations in the destination connector. When this value is not provided, this defaults to the INSERT operation. */
export type WriteOperationType =
  | 'DELETE'
  | 'INSERT'
  | 'UPDATE'
  | 'UPSERT';

/** Values of AppFlow's ZendeskConnectorOperator. */
export type ZendeskConnectorOperator =
  | 'ADDITION'
  | 'DIVISION'
  | 'GREATER_THAN'
  | 'MASK_ALL'
  | 'MASK_FIRST_N'
  | 'MASK_LAST_N'
  | 'MULTIPLICATION'
  | 'NO_OP'
  | 'PROJECTION'
  | 'SUBTRACTION'
  | 'VALIDATE_NON_NEGATIVE'
  | 'VALIDATE_NON_NULL'
  | 'VALIDATE_NON_ZERO'
  | 'VALIDATE_NUMERIC';

/** The properties that are applied when Zendesk is used as a destination. */
export type ZendeskDestinationPropertiesInput = {
  /** The settings that determine how Amazon AppFlow handles an error when placing data in the destination. For example, this setting would determine if the flow should fail after one insertion error, or continue and attempt to insert every record regardless of the initial failure. ErrorHandlingConfig is a part of the destination connector details. */
  errorHandlingConfig?: ErrorHandlingConfigInput | null | undefined;
  /** A list of field names that can be used as an ID field when performing a write operation. */
  idFieldNames?: Array<string> | null | undefined;
  /** The object specified in the Zendesk flow destination. */
  object: string;
  /** The possible write operations in the destination connector. When this value is not provided, this defaults to the INSERT operation. */
  writeOperationType?: WriteOperationType | null | undefined;
};

/** The properties that are applied when using Zendesk as a flow source. */
export type ZendeskSourcePropertiesInput = {
  /** The object specified in the Zendesk flow source. */
  object: string;
};

export type OverviewQueryVariables = Exact<{
  flows?: number | null | undefined;
  profiles?: number | null | undefined;
}>;


export type OverviewQuery = { flows: { edges: Array<{ node: { id: string, flowName: string, flowStatus: FlowStatus | null, sourceConnectorType: ConnectorType | null, destinationConnectorType: ConnectorType | null, triggerConfig: { triggerType: TriggerType | null } | null, lastExecution: { executionId: string | null, executionStatus: ExecutionStatus | null, startedAt: string | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null, connectorProfiles: { edges: Array<{ node: { id: string, connectorProfileName: string, connectorType: ConnectorType | null, connectionMode: ConnectionMode | null } }> } | null };

export type ValidateFlowExampleQueryVariables = Exact<{ [key: string]: never; }>;


export type ValidateFlowExampleQuery = { validateFlow: { valid: boolean, problems: Array<{ path: Array<string>, code: string, message: string, suggestions: Array<string> }> } | null };

export type FlowRunStatsQueryVariables = Exact<{ [key: string]: never; }>;


export type FlowRunStatsQuery = { flows: { edges: Array<{ node: { flowName: string, runStats: { runs: number, successRate: number | null, failures: number, duration: { p50: number | null, p95: number | null }, records: { total: number, perRun: number | null }, lastError: { message: string, at: string } | null, daily: Array<{ date: string, runs: number, failures: number }> } | null } }> } | null };

export type FlowsListQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: FlowFilter | null | undefined;
}>;


export type FlowsListQuery = { flows: { edges: Array<{ cursor: string, node: { id: string, flowName: string, description: string | null, flowStatus: FlowStatus | null, lastUpdatedAt: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type FlowRunsQueryVariables = Exact<{
  flowName: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type FlowRunsQuery = { flow: { id: string, flowName: string, flowStatus: FlowStatus | null, executions: { edges: Array<{ node: { id: string, executionId: string | null, executionStatus: ExecutionStatus | null, startedAt: string | null, lastUpdatedAt: string | null, executionResult: { recordsProcessed: number | null, bytesProcessed: number | null, errorInfo: { executionMessage: string | null } | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type RunFieldsFragment = { id: string, executionId: string | null, executionStatus: ExecutionStatus | null, startedAt: string | null, lastUpdatedAt: string | null, executionResult: { recordsProcessed: number | null, bytesProcessed: number | null, errorInfo: { executionMessage: string | null } | null } | null };

export type DashboardQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardQuery = { flows: { edges: Array<{ node: { id: string, flowName: string, flowStatus: FlowStatus | null, triggerType: TriggerType | null, lastRunExecutionDetails: { mostRecentExecutionStatus: ExecutionStatus | null, mostRecentExecutionTime: string | null } | null, sourceConnectorProfile: { connectorProfileName: string, connectorType: ConnectorType | null } | null, destinationConnectorProfiles: Array<{ connectorProfileName: string }>, sourceConnector: { connectorType: ConnectorType, connectorName: string | null, canUseAsSource: boolean | null } | null, destinationConnectors: Array<{ connectorType: ConnectorType, canUseAsDestination: boolean | null }>, executions: { edges: Array<{ node: { executionId: string | null, executionStatus: ExecutionStatus | null, startedAt: string | null, executionResult: { recordsProcessed: number | null, bytesProcessed: number | null } | null } }> } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type ScheduledSalesforceFlowsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type ScheduledSalesforceFlowsQuery = { flows: { edges: Array<{ cursor: string, node: { flowName: string, triggerConfig: { triggerProperties: { Scheduled: { scheduleExpression: string | null } | null } | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type FlowWithRunsQueryVariables = Exact<{ [key: string]: never; }>;


export type FlowWithRunsQuery = { flow: { flowName: string, tasks: Array<{ taskType: TaskType | null, sourceFields: Array<string> | null, destinationField: string | null, connectorOperator:
        | { __typename: 'ConnectorOperatorAmplitude' }
        | { __typename: 'ConnectorOperatorCustomConnector' }
        | { __typename: 'ConnectorOperatorDatadog' }
        | { __typename: 'ConnectorOperatorDynatrace' }
        | { __typename: 'ConnectorOperatorGoogleAnalytics' }
        | { __typename: 'ConnectorOperatorInforNexus' }
        | { __typename: 'ConnectorOperatorMarketo' }
        | { __typename: 'ConnectorOperatorPardot' }
        | { __typename: 'ConnectorOperatorS3' }
        | { __typename: 'ConnectorOperatorSAPOData' }
        | { __typename: 'ConnectorOperatorSalesforce', value: SalesforceConnectorOperator }
        | { __typename: 'ConnectorOperatorServiceNow' }
        | { __typename: 'ConnectorOperatorSingular' }
        | { __typename: 'ConnectorOperatorSlack' }
        | { __typename: 'ConnectorOperatorTrendmicro' }
        | { __typename: 'ConnectorOperatorVeeva' }
        | { __typename: 'ConnectorOperatorZendesk' }
       | null }> | null, executions: { edges: Array<{ node: { id: string, executionId: string | null, executionStatus: ExecutionStatus | null, startedAt: string | null, lastUpdatedAt: string | null, executionResult: { recordsProcessed: number | null, errorInfo: { executionMessage: string | null } | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type ProfileQueryVariables = Exact<{ [key: string]: never; }>;


export type ProfileQuery = { connectorProfile: { connectorProfileArn: string | null, connectionMode: ConnectionMode | null, connectorProfileProperties:
      | { __typename: 'AmplitudeConnectorProfileProperties' }
      | { __typename: 'CustomConnectorProfileProperties' }
      | { __typename: 'DatadogConnectorProfileProperties' }
      | { __typename: 'DynatraceConnectorProfileProperties' }
      | { __typename: 'GoogleAnalyticsConnectorProfileProperties' }
      | { __typename: 'HoneycodeConnectorProfileProperties' }
      | { __typename: 'InforNexusConnectorProfileProperties' }
      | { __typename: 'MarketoConnectorProfileProperties' }
      | { __typename: 'PardotConnectorProfileProperties' }
      | { __typename: 'RedshiftConnectorProfileProperties' }
      | { __typename: 'SAPODataConnectorProfileProperties' }
      | { __typename: 'SalesforceConnectorProfileProperties', instanceUrl: string | null, isSandboxEnvironment: boolean | null }
      | { __typename: 'ServiceNowConnectorProfileProperties' }
      | { __typename: 'SingularConnectorProfileProperties' }
      | { __typename: 'SlackConnectorProfileProperties' }
      | { __typename: 'SnowflakeConnectorProfileProperties' }
      | { __typename: 'TrendmicroConnectorProfileProperties' }
      | { __typename: 'VeevaConnectorProfileProperties' }
      | { __typename: 'ZendeskConnectorProfileProperties' }
     | null, connector: { connectorType: ConnectorType, supportedTriggerTypes: Array<TriggerType> | null, supportedSchedulingFrequencies: Array<ScheduleFrequencyType> | null } | null, flows: { edges: Array<{ node: { flowName: string, flowStatus: FlowStatus | null } }> } } | null };

export type EntitiesQueryVariables = Exact<{ [key: string]: never; }>;


export type EntitiesQuery = { connector: { entities: Array<{ name: string | null, label: string | null, hasNestedEntities: boolean | null, fields: Array<{ identifier: string | null, label: string | null, isPrimaryKey: boolean | null }> }> } | null };

export type StartFlowMutationVariables = Exact<{
  flowName: string;
  idempotencyKey?: string | null | undefined;
}>;


export type StartFlowMutation = { startFlow:
    | { __typename: 'ConflictError', message: string }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'QuotaExceededError', message: string }
    | { __typename: 'StartFlowSuccess', execution: { executionId: string | null, executionStatus: ExecutionStatus | null } | null, flow: { id: string, flowStatus: FlowStatus | null } | null }
    | { __typename: 'ValidationError', message: string }
   | null };

export type ExecutionUpdatedSubscriptionVariables = Exact<{
  flowName: string;
  executionId: string;
}>;


export type ExecutionUpdatedSubscription = { executionUpdated: { executionId: string | null, executionStatus: ExecutionStatus | null, lastUpdatedAt: string | null, executionResult: { recordsProcessed: number | null } | null } };

export type ProfilesListQueryVariables = Exact<{ [key: string]: never; }>;


export type ProfilesListQuery = { __typename: 'Query', connectorProfiles: { __typename: 'ConnectorProfileConnection', edges: Array<{ __typename: 'ConnectorProfileEdge', node: { __typename: 'ConnectorProfile', id: string, connectorProfileName: string, connectorType: ConnectorType | null, connectorLabel: string | null, connectionMode: ConnectionMode | null, createdAt: string | null, flows: { __typename: 'FlowConnection', edges: Array<{ __typename: 'FlowEdge', node: { __typename: 'Flow', id: string, flowName: string } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean } } } }> } | null };

export type ConnectorsListQueryVariables = Exact<{
  types?: Array<ConnectorType> | ConnectorType | null | undefined;
}>;


export type ConnectorsListQuery = { __typename: 'Query', connectors: { __typename: 'ConnectorConnection', edges: Array<{ __typename: 'ConnectorEdge', node: { __typename: 'Connector', id: string, connectorType: ConnectorType, connectorName: string | null, connectorLabel: string | null, connectorOwner: string | null, canUseAsSource: boolean | null, canUseAsDestination: boolean | null } }> } | null };

export type CheckFlowDefinitionQueryVariables = Exact<{
  input: ValidateFlowInput;
}>;


export type CheckFlowDefinitionQuery = { __typename: 'Query', validateFlow: { __typename: 'FlowValidation', valid: boolean, problems: Array<{ __typename: 'FieldError', path: Array<string>, code: string, message: string, suggestions: Array<string> }> } | null };

export type FleetRunFragment = { __typename: 'Execution', id: string, executionId: string | null, executionStatus: ExecutionStatus | null, startedAt: string | null, lastUpdatedAt: string | null };

export type FleetFlowFragment = { __typename: 'Flow', id: string, flowName: string, description: string | null, flowStatus: FlowStatus | null, triggerType: TriggerType | null, sourceConnectorType: ConnectorType | null, destinationConnectorType: ConnectorType | null, sourceConnectorLabel: string | null, destinationConnectorLabel: string | null, tags: Array<{ __typename: 'TagMapEntry', key: string, value: string | null }> | null, lastRunExecutionDetails: { __typename: 'ExecutionDetails', mostRecentExecutionStatus: ExecutionStatus | null, mostRecentExecutionTime: string | null, mostRecentExecutionMessage: string | null } | null };

export type FleetFlowsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: FlowFilter | null | undefined;
}>;


export type FleetFlowsQuery = { __typename: 'Query', flows: { __typename: 'FlowConnection', edges: Array<{ __typename: 'FlowEdge', node: { __typename: 'Flow', id: string, flowName: string, description: string | null, flowStatus: FlowStatus | null, triggerType: TriggerType | null, sourceConnectorType: ConnectorType | null, destinationConnectorType: ConnectorType | null, sourceConnectorLabel: string | null, destinationConnectorLabel: string | null, tags: Array<{ __typename: 'TagMapEntry', key: string, value: string | null }> | null, lastRunExecutionDetails: { __typename: 'ExecutionDetails', mostRecentExecutionStatus: ExecutionStatus | null, mostRecentExecutionTime: string | null, mostRecentExecutionMessage: string | null } | null } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } | null };

export type FlowDetailQueryVariables = Exact<{
  flowName: string;
}>;


export type FlowDetailQuery = { __typename: 'Query', flow: { __typename: 'Flow', flowArn: string | null, flowStatusMessage: string | null, createdAt: string | null, lastUpdatedAt: string | null, id: string, flowName: string, description: string | null, flowStatus: FlowStatus | null, triggerType: TriggerType | null, sourceConnectorType: ConnectorType | null, destinationConnectorType: ConnectorType | null, sourceConnectorLabel: string | null, destinationConnectorLabel: string | null, lastExecution: { __typename: 'Execution', id: string, executionId: string | null, executionStatus: ExecutionStatus | null, startedAt: string | null, lastUpdatedAt: string | null } | null, triggerConfig: { __typename: 'TriggerConfig', triggerType: TriggerType | null, triggerProperties: { __typename: 'TriggerProperties', Scheduled: { __typename: 'ScheduledTriggerProperties', scheduleExpression: string | null, dataPullMode: DataPullMode | null, timezone: string | null } | null } | null } | null, sourceFlowConfig: { __typename: 'SourceFlowConfig', connectorType: ConnectorType | null, connectorProfileName: string | null, apiVersion: string | null } | null, destinationFlowConfigList: Array<{ __typename: 'DestinationFlowConfig', connectorType: ConnectorType | null, connectorProfileName: string | null, apiVersion: string | null }> | null, tasks: Array<{ __typename: 'Task', taskType: TaskType | null, sourceFields: Array<string> | null, destinationField: string | null }> | null, sourceConnectorProfile: { __typename: 'ConnectorProfile', id: string, connectorProfileName: string, connectorType: ConnectorType | null, connectionMode: ConnectionMode | null } | null, destinationConnectorProfiles: Array<{ __typename: 'ConnectorProfile', id: string, connectorProfileName: string, connectorType: ConnectorType | null, connectionMode: ConnectionMode | null }>, sourceConnector: { __typename: 'Connector', id: string, connectorType: ConnectorType, connectorName: string | null, connectorLabel: string | null, connectorDescription: string | null } | null, destinationConnectors: Array<{ __typename: 'Connector', id: string, connectorType: ConnectorType, connectorName: string | null, connectorLabel: string | null, connectorDescription: string | null }>, tags: Array<{ __typename: 'TagMapEntry', key: string, value: string | null }> | null, lastRunExecutionDetails: { __typename: 'ExecutionDetails', mostRecentExecutionStatus: ExecutionStatus | null, mostRecentExecutionTime: string | null, mostRecentExecutionMessage: string | null } | null } | null };

export type FlowRunHistoryQueryVariables = Exact<{
  flowName: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type FlowRunHistoryQuery = { __typename: 'Query', flow: { __typename: 'Flow', id: string, executions: { __typename: 'ExecutionConnection', edges: Array<{ __typename: 'ExecutionEdge', node: { __typename: 'Execution', dataPullStartTime: string | null, dataPullEndTime: string | null, id: string, executionId: string | null, executionStatus: ExecutionStatus | null, startedAt: string | null, lastUpdatedAt: string | null, executionResult: { __typename: 'ExecutionResult', recordsProcessed: number | null, bytesProcessed: number | null, errorInfo: { __typename: 'ErrorInfo', executionMessage: string | null } | null } | null } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } } | null };

export type FollowRunSubscriptionVariables = Exact<{
  flowName: string;
  executionId: string;
}>;


export type FollowRunSubscription = { executionUpdated: { __typename: 'Execution', id: string, executionId: string | null, executionStatus: ExecutionStatus | null, startedAt: string | null, lastUpdatedAt: string | null, executionResult: { __typename: 'ExecutionResult', recordsProcessed: number | null, bytesProcessed: number | null, errorInfo: { __typename: 'ErrorInfo', executionMessage: string | null } | null } | null } };

export type StartFlowRunMutationVariables = Exact<{
  flowName: string;
  idempotencyKey?: string | null | undefined;
}>;


export type StartFlowRunMutation = { __typename: 'Mutation', startFlow:
    | { __typename: 'ConflictError', message: string }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'QuotaExceededError', message: string }
    | { __typename: 'StartFlowSuccess', execution: { __typename: 'Execution', id: string, executionId: string | null, executionStatus: ExecutionStatus | null, startedAt: string | null, lastUpdatedAt: string | null } | null, flow: { __typename: 'Flow', id: string, flowStatus: FlowStatus | null, lastRunExecutionDetails: { __typename: 'ExecutionDetails', mostRecentExecutionStatus: ExecutionStatus | null, mostRecentExecutionTime: string | null, mostRecentExecutionMessage: string | null } | null } | null }
    | { __typename: 'ValidationError', message: string, fieldErrors: Array<{ __typename: 'FieldError', path: Array<string>, message: string }> }
   | null };

export type StopFlowRunMutationVariables = Exact<{
  flowName: string;
}>;


export type StopFlowRunMutation = { __typename: 'Mutation', stopFlow:
    | { __typename: 'ConflictError', message: string }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'StopFlowSuccess', flow: { __typename: 'Flow', id: string, flowStatus: FlowStatus | null } | null }
    | { __typename: 'UnsupportedOperationError', message: string }
    | { __typename: 'ValidationError', message: string }
   | null };

export type CancelFlowRunMutationVariables = Exact<{
  flowName: string;
  executionIds?: Array<string> | string | null | undefined;
}>;


export type CancelFlowRunMutation = { __typename: 'Mutation', cancelFlowExecutions:
    | { __typename: 'CancelFlowExecutionsSuccess', invalidExecutionIds: Array<string>, cancelledExecutions: Array<{ __typename: 'Execution', id: string, executionId: string | null, executionStatus: ExecutionStatus | null, startedAt: string | null, lastUpdatedAt: string | null }> }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ValidationError', message: string }
   | null };

export type FleetRunEventsSubscriptionVariables = Exact<{
  filter?: FlowFilter | null | undefined;
}>;


export type FleetRunEventsSubscription = { flowRunEvents: { __typename: 'FlowRunEvent', kind: FlowRunEventKind, flowName: string, previousStatus: ExecutionStatus | null, flow: { __typename: 'Flow', id: string, flowName: string, flowStatus: FlowStatus | null, lastRunExecutionDetails: { __typename: 'ExecutionDetails', mostRecentExecutionStatus: ExecutionStatus | null, mostRecentExecutionTime: string | null, mostRecentExecutionMessage: string | null } | null } | null, execution: { __typename: 'Execution', id: string, executionId: string | null, executionStatus: ExecutionStatus | null, startedAt: string | null, lastUpdatedAt: string | null } | null } };

export type FlowRunChartsQueryVariables = Exact<{
  flowName: string;
  last?: number | null | undefined;
}>;


export type FlowRunChartsQuery = { __typename: 'Query', flow: { __typename: 'Flow', id: string, runStats: { __typename: 'FlowRunStats', runs: number, successes: number, failures: number, cancellations: number, inProgress: number, successRate: number | null, truncated: boolean, from: string | null, to: string | null, duration: { __typename: 'DurationStats', p50: number | null, p95: number | null, max: number | null }, records: { __typename: 'VolumeStats', total: number, perRun: number | null }, lastError: { __typename: 'RunError', message: string, at: string, executionId: string } | null, daily: Array<{ __typename: 'DailyRunStats', date: string, runs: number, failures: number, records: number }> } | null } | null };

export const RunFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Execution"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"executionId"}},{"kind":"Field","name":{"kind":"Name","value":"executionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"executionResult"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordsProcessed"}},{"kind":"Field","name":{"kind":"Name","value":"bytesProcessed"}},{"kind":"Field","name":{"kind":"Name","value":"errorInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executionMessage"}}]}}]}}]}}]} as unknown as DocumentNode<RunFieldsFragment, unknown>;
export const FleetRunFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FleetRun"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Execution"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"executionId"}},{"kind":"Field","name":{"kind":"Name","value":"executionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}}]}}]} as unknown as DocumentNode<FleetRunFragment, unknown>;
export const FleetFlowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FleetFlow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Flow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"flowName"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"flowStatus"}},{"kind":"Field","name":{"kind":"Name","value":"triggerType"}},{"kind":"Field","name":{"kind":"Name","value":"sourceConnectorType"}},{"kind":"Field","name":{"kind":"Name","value":"destinationConnectorType"}},{"kind":"Field","name":{"kind":"Name","value":"sourceConnectorLabel"}},{"kind":"Field","name":{"kind":"Name","value":"destinationConnectorLabel"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lastRunExecutionDetails"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"mostRecentExecutionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"mostRecentExecutionTime"}},{"kind":"Field","name":{"kind":"Name","value":"mostRecentExecutionMessage"}}]}}]}}]} as unknown as DocumentNode<FleetFlowFragment, unknown>;
export const OverviewDocument = {"__meta__":{"hash":"sha256:50ba51c0d05c1be35acb4c95c891f2a5aadbd0c10397060a26dc34e4a2711316"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Overview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"flows"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"profiles"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"flows"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"flowName"}},{"kind":"Field","name":{"kind":"Name","value":"flowStatus"}},{"kind":"Field","name":{"kind":"Name","value":"triggerConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"triggerType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sourceConnectorType"}},{"kind":"Field","name":{"kind":"Name","value":"destinationConnectorType"}},{"kind":"Field","name":{"kind":"Name","value":"lastExecution"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executionId"}},{"kind":"Field","name":{"kind":"Name","value":"executionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"connectorProfiles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"profiles"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"connectorProfileName"}},{"kind":"Field","name":{"kind":"Name","value":"connectorType"}},{"kind":"Field","name":{"kind":"Name","value":"connectionMode"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OverviewQuery, OverviewQueryVariables>;
export const ValidateFlowExampleDocument = {"__meta__":{"hash":"sha256:06b8537f1c9466004aab6580c626e8c7f261dff77ca7f35a474b78e354769dcf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ValidateFlowExample"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"validateFlow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"create"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"flowName"},"value":{"kind":"StringValue","value":"accounts-hourly","block":false}},{"kind":"ObjectField","name":{"kind":"Name","value":"triggerConfig"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"triggerType"},"value":{"kind":"EnumValue","value":"Scheduled"}},{"kind":"ObjectField","name":{"kind":"Name","value":"triggerProperties"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"Scheduled"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"scheduleExpression"},"value":{"kind":"StringValue","value":"rate(1hours)","block":false}},{"kind":"ObjectField","name":{"kind":"Name","value":"dataPullMode"},"value":{"kind":"EnumValue","value":"Incremental"}},{"kind":"ObjectField","name":{"kind":"Name","value":"timezone"},"value":{"kind":"StringValue","value":"Europe/Pariss","block":false}}]}}]}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"sourceFlowConfig"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"connectorType"},"value":{"kind":"EnumValue","value":"Salesforce"}},{"kind":"ObjectField","name":{"kind":"Name","value":"connectorProfileName"},"value":{"kind":"StringValue","value":"salesforce-prod","block":false}},{"kind":"ObjectField","name":{"kind":"Name","value":"sourceConnectorProperties"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"Salesforce"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"object"},"value":{"kind":"StringValue","value":"Account","block":false}}]}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"incrementalPullConfig"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"datetimeTypeFieldName"},"value":{"kind":"StringValue","value":"LastModifiedDate","block":false}}]}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"destinationFlowConfigList"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"connectorType"},"value":{"kind":"EnumValue","value":"S3"}},{"kind":"ObjectField","name":{"kind":"Name","value":"destinationConnectorProperties"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"S3"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"bucketName"},"value":{"kind":"StringValue","value":"appflow-landing-zone","block":false}}]}}]}}]}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"tasks"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"taskType"},"value":{"kind":"EnumValue","value":"Filter"}},{"kind":"ObjectField","name":{"kind":"Name","value":"sourceFields"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"Id","block":false},{"kind":"StringValue","value":"Nmae","block":false}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"connectorOperator"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"Salesforce"},"value":{"kind":"EnumValue","value":"PROJECTION"}}]}}]}]}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"valid"}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"suggestions"}}]}}]}}]}}]} as unknown as DocumentNode<ValidateFlowExampleQuery, ValidateFlowExampleQueryVariables>;
export const FlowRunStatsDocument = {"__meta__":{"hash":"sha256:8eebd9ca8ddba0e079e9dad3fa928c3bc3d23d4ac3f0f9b6d140249b134f96b1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowRunStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flowName"}},{"kind":"Field","name":{"kind":"Name","value":"runStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runs"}},{"kind":"Field","name":{"kind":"Name","value":"successRate"}},{"kind":"Field","name":{"kind":"Name","value":"failures"}},{"kind":"Field","name":{"kind":"Name","value":"duration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"p50"}},{"kind":"Field","name":{"kind":"Name","value":"p95"}}]}},{"kind":"Field","name":{"kind":"Name","value":"records"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"perRun"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lastError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}},{"kind":"Field","name":{"kind":"Name","value":"daily"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"runs"}},{"kind":"Field","name":{"kind":"Name","value":"failures"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<FlowRunStatsQuery, FlowRunStatsQueryVariables>;
export const FlowsListDocument = {"__meta__":{"hash":"sha256:fe0a9c617ce45dbd871921badde0c09076482b3d846ff7f7cb952f16e439b581"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowsList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"25"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"FlowFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"flowName"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"flowStatus"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<FlowsListQuery, FlowsListQueryVariables>;
export const FlowRunsDocument = {"__meta__":{"hash":"sha256:30e5f69790197eac7ee744790dd7d5964b864688d63ed12bf150c44146d48a9c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowRuns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"flowName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"flowName"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"flowName"}},{"kind":"Field","name":{"kind":"Name","value":"flowStatus"}},{"kind":"Field","name":{"kind":"Name","value":"executions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RunFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Execution"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"executionId"}},{"kind":"Field","name":{"kind":"Name","value":"executionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"executionResult"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordsProcessed"}},{"kind":"Field","name":{"kind":"Name","value":"bytesProcessed"}},{"kind":"Field","name":{"kind":"Name","value":"errorInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executionMessage"}}]}}]}}]}}]} as unknown as DocumentNode<FlowRunsQuery, FlowRunsQueryVariables>;
export const DashboardDocument = {"__meta__":{"hash":"sha256:8fceceb8473f315a51431643b0d685157de4880169225361481401c6563d2ce0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Dashboard"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"flowName"}},{"kind":"Field","name":{"kind":"Name","value":"flowStatus"}},{"kind":"Field","name":{"kind":"Name","value":"triggerType"}},{"kind":"Field","name":{"kind":"Name","value":"lastRunExecutionDetails"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mostRecentExecutionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"mostRecentExecutionTime"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sourceConnectorProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectorProfileName"}},{"kind":"Field","name":{"kind":"Name","value":"connectorType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"destinationConnectorProfiles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectorProfileName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sourceConnector"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectorType"}},{"kind":"Field","name":{"kind":"Name","value":"connectorName"}},{"kind":"Field","name":{"kind":"Name","value":"canUseAsSource"}}]}},{"kind":"Field","name":{"kind":"Name","value":"destinationConnectors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectorType"}},{"kind":"Field","name":{"kind":"Name","value":"canUseAsDestination"}}]}},{"kind":"Field","name":{"kind":"Name","value":"executions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executionId"}},{"kind":"Field","name":{"kind":"Name","value":"executionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"executionResult"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordsProcessed"}},{"kind":"Field","name":{"kind":"Name","value":"bytesProcessed"}}]}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardQuery, DashboardQueryVariables>;
export const ScheduledSalesforceFlowsDocument = {"__meta__":{"hash":"sha256:37ccbe709695dc05ef853a69d7c72dc49ccf7d2d9f3e6bfb102cb8c980bd25a8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ScheduledSalesforceFlows"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"triggerType"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"Scheduled"}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"connectorType"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"Salesforce"}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"Active"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flowName"}},{"kind":"Field","name":{"kind":"Name","value":"triggerConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"triggerProperties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"Scheduled"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scheduleExpression"}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ScheduledSalesforceFlowsQuery, ScheduledSalesforceFlowsQueryVariables>;
export const FlowWithRunsDocument = {"__meta__":{"hash":"sha256:3d3068f6b963436771e9b3119890fbabf34ae8d3dbf982e34e55b8b043b25838"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowWithRuns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"salesforce-opportunities-hourly","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flowName"}},{"kind":"Field","name":{"kind":"Name","value":"tasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taskType"}},{"kind":"Field","name":{"kind":"Name","value":"sourceFields"}},{"kind":"Field","name":{"kind":"Name","value":"destinationField"}},{"kind":"Field","name":{"kind":"Name","value":"connectorOperator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConnectorOperatorSalesforce"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"executions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"executionId"}},{"kind":"Field","name":{"kind":"Name","value":"executionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"executionResult"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errorInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executionMessage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recordsProcessed"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FlowWithRunsQuery, FlowWithRunsQueryVariables>;
export const ProfileDocument = {"__meta__":{"hash":"sha256:5b59c1439c1e7dc0c9cdcc5a86321a28c63cb8a2fcc7efef1ae9b7d5f8a3ed92"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectorProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"salesforce-prod","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectorProfileArn"}},{"kind":"Field","name":{"kind":"Name","value":"connectionMode"}},{"kind":"Field","name":{"kind":"Name","value":"connectorProfileProperties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SalesforceConnectorProfileProperties"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceUrl"}},{"kind":"Field","name":{"kind":"Name","value":"isSandboxEnvironment"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"connector"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectorType"}},{"kind":"Field","name":{"kind":"Name","value":"supportedTriggerTypes"}},{"kind":"Field","name":{"kind":"Name","value":"supportedSchedulingFrequencies"}}]}},{"kind":"Field","name":{"kind":"Name","value":"flows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flowName"}},{"kind":"Field","name":{"kind":"Name","value":"flowStatus"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProfileQuery, ProfileQueryVariables>;
export const EntitiesDocument = {"__meta__":{"hash":"sha256:eb01cc4e6e7de593e5e177ac98059754963ff9c1555098b0d0a5bc96513a1347"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Entities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connector"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"type"},"value":{"kind":"EnumValue","value":"Salesforce"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"profileName"},"value":{"kind":"StringValue","value":"salesforce-prod","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"hasNestedEntities"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"identifier"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"isPrimaryKey"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EntitiesQuery, EntitiesQueryVariables>;
export const StartFlowDocument = {"__meta__":{"hash":"sha256:1d355c054a4f88dfc6a913a2530fd4263b901027b6f6e5fc65e35720529b845f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartFlow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"flowName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startFlow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"flowName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"flowName"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StartFlowSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"execution"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executionId"}},{"kind":"Field","name":{"kind":"Name","value":"executionStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"flow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"flowStatus"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<StartFlowMutation, StartFlowMutationVariables>;
export const ExecutionUpdatedDocument = {"__meta__":{"hash":"sha256:1ca0d509bcba52edda3d960040646508158e7debb09abcecc8e1dd54f5f06c66"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ExecutionUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"flowName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"executionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executionUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"flowName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"flowName"}}},{"kind":"Argument","name":{"kind":"Name","value":"executionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"executionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executionId"}},{"kind":"Field","name":{"kind":"Name","value":"executionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"executionResult"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordsProcessed"}}]}}]}}]}}]} as unknown as DocumentNode<ExecutionUpdatedSubscription, ExecutionUpdatedSubscriptionVariables>;
export const ProfilesListDocument = {"__meta__":{"hash":"sha256:333bcad66967492ef492d76c074745c4a2debe9ffdf5a18ae37dd226a52bcb36"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProfilesList"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"connectorProfiles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"connectorProfileName"}},{"kind":"Field","name":{"kind":"Name","value":"connectorType"}},{"kind":"Field","name":{"kind":"Name","value":"connectorLabel"}},{"kind":"Field","name":{"kind":"Name","value":"connectionMode"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"flows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"flowName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProfilesListQuery, ProfilesListQueryVariables>;
export const ConnectorsListDocument = {"__meta__":{"hash":"sha256:d3513a54936ff9960a4c25f32b9e9fae05ec1195a8748989b93cc8c02541cc35"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConnectorsList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"types"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConnectorType"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"connectors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"Variable","name":{"kind":"Name","value":"types"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"connectorType"}},{"kind":"Field","name":{"kind":"Name","value":"connectorName"}},{"kind":"Field","name":{"kind":"Name","value":"connectorLabel"}},{"kind":"Field","name":{"kind":"Name","value":"connectorOwner"}},{"kind":"Field","name":{"kind":"Name","value":"canUseAsSource"}},{"kind":"Field","name":{"kind":"Name","value":"canUseAsDestination"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConnectorsListQuery, ConnectorsListQueryVariables>;
export const CheckFlowDefinitionDocument = {"__meta__":{"hash":"sha256:69307af9824a0492cb1124815108340db29883008b87b5776f4b11bf5b4ea38c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CheckFlowDefinition"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ValidateFlowInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"validateFlow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"valid"}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"suggestions"}}]}}]}}]}}]} as unknown as DocumentNode<CheckFlowDefinitionQuery, CheckFlowDefinitionQueryVariables>;
export const FleetFlowsDocument = {"__meta__":{"hash":"sha256:ef0d8fb7459946ace0f18b70c08a05de490248760268b38f8dfe8cb6d94ca60d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FleetFlows"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"100"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"FlowFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"flows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"FleetFlow"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FleetFlow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Flow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"flowName"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"flowStatus"}},{"kind":"Field","name":{"kind":"Name","value":"triggerType"}},{"kind":"Field","name":{"kind":"Name","value":"sourceConnectorType"}},{"kind":"Field","name":{"kind":"Name","value":"destinationConnectorType"}},{"kind":"Field","name":{"kind":"Name","value":"sourceConnectorLabel"}},{"kind":"Field","name":{"kind":"Name","value":"destinationConnectorLabel"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lastRunExecutionDetails"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"mostRecentExecutionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"mostRecentExecutionTime"}},{"kind":"Field","name":{"kind":"Name","value":"mostRecentExecutionMessage"}}]}}]}}]} as unknown as DocumentNode<FleetFlowsQuery, FleetFlowsQueryVariables>;
export const FlowDetailDocument = {"__meta__":{"hash":"sha256:b26b53a96f66dbb1744bbd5f9e3850ea2b71085ccd8269214c2c8dea2cd53e69"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"flowName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"flow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"flowName"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"FleetFlow"}},{"kind":"Field","name":{"kind":"Name","value":"lastExecution"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"FleetRun"}}]}},{"kind":"Field","name":{"kind":"Name","value":"flowArn"}},{"kind":"Field","name":{"kind":"Name","value":"flowStatusMessage"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"triggerConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"triggerType"}},{"kind":"Field","name":{"kind":"Name","value":"triggerProperties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"Scheduled"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"scheduleExpression"}},{"kind":"Field","name":{"kind":"Name","value":"dataPullMode"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"sourceFlowConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"connectorType"}},{"kind":"Field","name":{"kind":"Name","value":"connectorProfileName"}},{"kind":"Field","name":{"kind":"Name","value":"apiVersion"}}]}},{"kind":"Field","name":{"kind":"Name","value":"destinationFlowConfigList"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"connectorType"}},{"kind":"Field","name":{"kind":"Name","value":"connectorProfileName"}},{"kind":"Field","name":{"kind":"Name","value":"apiVersion"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"taskType"}},{"kind":"Field","name":{"kind":"Name","value":"sourceFields"}},{"kind":"Field","name":{"kind":"Name","value":"destinationField"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sourceConnectorProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"connectorProfileName"}},{"kind":"Field","name":{"kind":"Name","value":"connectorType"}},{"kind":"Field","name":{"kind":"Name","value":"connectionMode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"destinationConnectorProfiles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"connectorProfileName"}},{"kind":"Field","name":{"kind":"Name","value":"connectorType"}},{"kind":"Field","name":{"kind":"Name","value":"connectionMode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sourceConnector"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"connectorType"}},{"kind":"Field","name":{"kind":"Name","value":"connectorName"}},{"kind":"Field","name":{"kind":"Name","value":"connectorLabel"}},{"kind":"Field","name":{"kind":"Name","value":"connectorDescription"}}]}},{"kind":"Field","name":{"kind":"Name","value":"destinationConnectors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"connectorType"}},{"kind":"Field","name":{"kind":"Name","value":"connectorName"}},{"kind":"Field","name":{"kind":"Name","value":"connectorLabel"}},{"kind":"Field","name":{"kind":"Name","value":"connectorDescription"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FleetFlow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Flow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"flowName"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"flowStatus"}},{"kind":"Field","name":{"kind":"Name","value":"triggerType"}},{"kind":"Field","name":{"kind":"Name","value":"sourceConnectorType"}},{"kind":"Field","name":{"kind":"Name","value":"destinationConnectorType"}},{"kind":"Field","name":{"kind":"Name","value":"sourceConnectorLabel"}},{"kind":"Field","name":{"kind":"Name","value":"destinationConnectorLabel"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lastRunExecutionDetails"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"mostRecentExecutionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"mostRecentExecutionTime"}},{"kind":"Field","name":{"kind":"Name","value":"mostRecentExecutionMessage"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FleetRun"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Execution"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"executionId"}},{"kind":"Field","name":{"kind":"Name","value":"executionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}}]}}]} as unknown as DocumentNode<FlowDetailQuery, FlowDetailQueryVariables>;
export const FlowRunHistoryDocument = {"__meta__":{"hash":"sha256:c67e2d171030def39b7aa252f7128cdd761de6a7380d7f9efd32d999a67aa867"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowRunHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"flowName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"flow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"flowName"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"executions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"FleetRun"}},{"kind":"Field","name":{"kind":"Name","value":"dataPullStartTime"}},{"kind":"Field","name":{"kind":"Name","value":"dataPullEndTime"}},{"kind":"Field","name":{"kind":"Name","value":"executionResult"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recordsProcessed"}},{"kind":"Field","name":{"kind":"Name","value":"bytesProcessed"}},{"kind":"Field","name":{"kind":"Name","value":"errorInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"executionMessage"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FleetRun"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Execution"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"executionId"}},{"kind":"Field","name":{"kind":"Name","value":"executionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}}]}}]} as unknown as DocumentNode<FlowRunHistoryQuery, FlowRunHistoryQueryVariables>;
export const FollowRunDocument = {"__meta__":{"hash":"sha256:65a43f50bda3b4366f53d6e87eb501b0d03d86d610519a17b33ff72330f90fdf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"FollowRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"flowName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"executionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executionUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"flowName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"flowName"}}},{"kind":"Argument","name":{"kind":"Name","value":"executionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"executionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"FleetRun"}},{"kind":"Field","name":{"kind":"Name","value":"executionResult"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recordsProcessed"}},{"kind":"Field","name":{"kind":"Name","value":"bytesProcessed"}},{"kind":"Field","name":{"kind":"Name","value":"errorInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"executionMessage"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FleetRun"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Execution"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"executionId"}},{"kind":"Field","name":{"kind":"Name","value":"executionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}}]}}]} as unknown as DocumentNode<FollowRunSubscription, FollowRunSubscriptionVariables>;
export const StartFlowRunDocument = {"__meta__":{"hash":"sha256:a54e21636506f9778290861ecae3b2ac0ae9ab84b7e40631b6d09f56a8338ad7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartFlowRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"flowName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"startFlow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"flowName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"flowName"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StartFlowSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"execution"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"FleetRun"}}]}},{"kind":"Field","name":{"kind":"Name","value":"flow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"flowStatus"}},{"kind":"Field","name":{"kind":"Name","value":"lastRunExecutionDetails"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"mostRecentExecutionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"mostRecentExecutionTime"}},{"kind":"Field","name":{"kind":"Name","value":"mostRecentExecutionMessage"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"fieldErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FleetRun"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Execution"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"executionId"}},{"kind":"Field","name":{"kind":"Name","value":"executionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}}]}}]} as unknown as DocumentNode<StartFlowRunMutation, StartFlowRunMutationVariables>;
export const StopFlowRunDocument = {"__meta__":{"hash":"sha256:84cd32df506106dde91fa6e93d23e268c3e8b6c69b269b726d7b48042307222a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StopFlowRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"flowName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"stopFlow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"flowName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"flowName"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StopFlowSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"flow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"flowStatus"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<StopFlowRunMutation, StopFlowRunMutationVariables>;
export const CancelFlowRunDocument = {"__meta__":{"hash":"sha256:482df8cb0a308f014fe311397cf9540063f1a1c5cd3242fd3d49075f0844736b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelFlowRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"flowName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"executionIds"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cancelFlowExecutions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"flowName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"flowName"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"executionIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"executionIds"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CancelFlowExecutionsSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cancelledExecutions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"FleetRun"}}]}},{"kind":"Field","name":{"kind":"Name","value":"invalidExecutionIds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FleetRun"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Execution"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"executionId"}},{"kind":"Field","name":{"kind":"Name","value":"executionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}}]}}]} as unknown as DocumentNode<CancelFlowRunMutation, CancelFlowRunMutationVariables>;
export const FleetRunEventsDocument = {"__meta__":{"hash":"sha256:70bff9a44a588826990fc19e44ada87fca0aa581ac5d788fae5b8d9f4f41e197"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"FleetRunEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"FlowFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flowRunEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"flowName"}},{"kind":"Field","name":{"kind":"Name","value":"previousStatus"}},{"kind":"Field","name":{"kind":"Name","value":"flow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"flowName"}},{"kind":"Field","name":{"kind":"Name","value":"flowStatus"}},{"kind":"Field","name":{"kind":"Name","value":"lastRunExecutionDetails"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"mostRecentExecutionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"mostRecentExecutionTime"}},{"kind":"Field","name":{"kind":"Name","value":"mostRecentExecutionMessage"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"execution"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"FleetRun"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FleetRun"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Execution"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"executionId"}},{"kind":"Field","name":{"kind":"Name","value":"executionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}}]}}]} as unknown as DocumentNode<FleetRunEventsSubscription, FleetRunEventsSubscriptionVariables>;
export const FlowRunChartsDocument = {"__meta__":{"hash":"sha256:fd64fa73c235db3e21d5bd517a42431a85d88c531ed98e429c0085a982d0d233"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowRunCharts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"flowName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"flow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"flowName"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"runStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"runs"}},{"kind":"Field","name":{"kind":"Name","value":"successes"}},{"kind":"Field","name":{"kind":"Name","value":"failures"}},{"kind":"Field","name":{"kind":"Name","value":"cancellations"}},{"kind":"Field","name":{"kind":"Name","value":"inProgress"}},{"kind":"Field","name":{"kind":"Name","value":"successRate"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"duration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"p50"}},{"kind":"Field","name":{"kind":"Name","value":"p95"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"records"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"perRun"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lastError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"executionId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"daily"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"runs"}},{"kind":"Field","name":{"kind":"Name","value":"failures"}},{"kind":"Field","name":{"kind":"Name","value":"records"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FlowRunChartsQuery, FlowRunChartsQueryVariables>;