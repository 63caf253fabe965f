
      export type PossibleTypesResultData = {
  "possibleTypes": {
    "CancelFlowExecutionsResult": [
      "CancelFlowExecutionsSuccess",
      "NotFoundError",
      "ValidationError"
    ],
    "ConnectorMetadata": [
      "AmplitudeMetadata",
      "CustomerProfilesMetadata",
      "DatadogMetadata",
      "DynatraceMetadata",
      "EventBridgeMetadata",
      "GoogleAnalyticsMetadata",
      "HoneycodeMetadata",
      "InforNexusMetadata",
      "MarketoMetadata",
      "PardotMetadata",
      "RedshiftMetadata",
      "S3Metadata",
      "SAPODataMetadata",
      "SalesforceMetadata",
      "ServiceNowMetadata",
      "SingularMetadata",
      "SlackMetadata",
      "SnowflakeMetadata",
      "TrendmicroMetadata",
      "UpsolverMetadata",
      "VeevaMetadata",
      "ZendeskMetadata"
    ],
    "ConnectorOperator": [
      "ConnectorOperatorAmplitude",
      "ConnectorOperatorCustomConnector",
      "ConnectorOperatorDatadog",
      "ConnectorOperatorDynatrace",
      "ConnectorOperatorGoogleAnalytics",
      "ConnectorOperatorInforNexus",
      "ConnectorOperatorMarketo",
      "ConnectorOperatorPardot",
      "ConnectorOperatorS3",
      "ConnectorOperatorSAPOData",
      "ConnectorOperatorSalesforce",
      "ConnectorOperatorServiceNow",
      "ConnectorOperatorSingular",
      "ConnectorOperatorSlack",
      "ConnectorOperatorTrendmicro",
      "ConnectorOperatorVeeva",
      "ConnectorOperatorZendesk"
    ],
    "ConnectorProfileProperties": [
      "AmplitudeConnectorProfileProperties",
      "CustomConnectorProfileProperties",
      "DatadogConnectorProfileProperties",
      "DynatraceConnectorProfileProperties",
      "GoogleAnalyticsConnectorProfileProperties",
      "HoneycodeConnectorProfileProperties",
      "InforNexusConnectorProfileProperties",
      "MarketoConnectorProfileProperties",
      "PardotConnectorProfileProperties",
      "RedshiftConnectorProfileProperties",
      "SAPODataConnectorProfileProperties",
      "SalesforceConnectorProfileProperties",
      "ServiceNowConnectorProfileProperties",
      "SingularConnectorProfileProperties",
      "SlackConnectorProfileProperties",
      "SnowflakeConnectorProfileProperties",
      "TrendmicroConnectorProfileProperties",
      "VeevaConnectorProfileProperties",
      "ZendeskConnectorProfileProperties"
    ],
    "CreateConnectorProfileResult": [
      "ConflictError",
      "ConnectorAuthenticationError",
      "CreateConnectorProfileSuccess",
      "NotFoundError",
      "QuotaExceededError",
      "ValidationError"
    ],
    "CreateFlowResult": [
      "ConflictError",
      "ConnectorAuthenticationError",
      "ConnectorServerError",
      "CreateFlowSuccess",
      "NotFoundError",
      "QuotaExceededError",
      "ValidationError"
    ],
    "DeleteConnectorProfileResult": [
      "ConflictError",
      "DeleteConnectorProfileSuccess",
      "NotFoundError",
      "ValidationError"
    ],
    "DeleteFlowResult": [
      "ConflictError",
      "DeleteFlowSuccess",
      "NotFoundError",
      "ValidationError"
    ],
    "DestinationConnectorProperties": [
      "CustomConnectorDestinationProperties",
      "CustomerProfilesDestinationProperties",
      "EventBridgeDestinationProperties",
      "HoneycodeDestinationProperties",
      "LookoutMetricsDestinationProperties",
      "MarketoDestinationProperties",
      "RedshiftDestinationProperties",
      "S3DestinationProperties",
      "SAPODataDestinationProperties",
      "SalesforceDestinationProperties",
      "SnowflakeDestinationProperties",
      "UpsolverDestinationProperties",
      "ZendeskDestinationProperties"
    ],
    "MutationError": [
      "ConflictError",
      "ConnectorAuthenticationError",
      "ConnectorServerError",
      "NotFoundError",
      "QuotaExceededError",
      "UnsupportedOperationError",
      "ValidationError"
    ],
    "Node": [
      "Connector",
      "ConnectorProfile",
      "Execution",
      "Flow"
    ],
    "RegisterConnectorResult": [
      "ConflictError",
      "ConnectorAuthenticationError",
      "ConnectorServerError",
      "NotFoundError",
      "QuotaExceededError",
      "RegisterConnectorSuccess",
      "ValidationError"
    ],
    "ResetConnectorMetadataCacheResult": [
      "ConflictError",
      "NotFoundError",
      "ResetConnectorMetadataCacheSuccess",
      "ValidationError"
    ],
    "SourceConnectorProperties": [
      "AmplitudeSourceProperties",
      "CustomConnectorSourceProperties",
      "DatadogSourceProperties",
      "DynatraceSourceProperties",
      "GoogleAnalyticsSourceProperties",
      "InforNexusSourceProperties",
      "MarketoSourceProperties",
      "PardotSourceProperties",
      "S3SourceProperties",
      "SAPODataSourceProperties",
      "SalesforceSourceProperties",
      "ServiceNowSourceProperties",
      "SingularSourceProperties",
      "SlackSourceProperties",
      "TrendmicroSourceProperties",
      "VeevaSourceProperties",
      "ZendeskSourceProperties"
    ],
    "StartFlowResult": [
      "ConflictError",
      "NotFoundError",
      "QuotaExceededError",
      "StartFlowSuccess",
      "ValidationError"
    ],
    "StopFlowResult": [
      "ConflictError",
      "NotFoundError",
      "StopFlowSuccess",
      "UnsupportedOperationError",
      "ValidationError"
    ],
    "TagResourceResult": [
      "NotFoundError",
      "TagResourceSuccess",
      "ValidationError"
    ],
    "UnregisterConnectorResult": [
      "ConflictError",
      "NotFoundError",
      "UnregisterConnectorSuccess",
      "ValidationError"
    ],
    "UntagResourceResult": [
      "NotFoundError",
      "UntagResourceSuccess",
      "ValidationError"
    ],
    "UpdateConnectorProfileResult": [
      "ConflictError",
      "ConnectorAuthenticationError",
      "NotFoundError",
      "UpdateConnectorProfileSuccess",
      "ValidationError"
    ],
    "UpdateConnectorRegistrationResult": [
      "ConflictError",
      "ConnectorAuthenticationError",
      "ConnectorServerError",
      "NotFoundError",
      "QuotaExceededError",
      "UpdateConnectorRegistrationSuccess",
      "ValidationError"
    ],
    "UpdateFlowResult": [
      "ConflictError",
      "ConnectorAuthenticationError",
      "ConnectorServerError",
      "NotFoundError",
      "QuotaExceededError",
      "UpdateFlowSuccess",
      "ValidationError"
    ]
  }
};
      const result: PossibleTypesResultData = {
  "possibleTypes": {
    "CancelFlowExecutionsResult": [
      "CancelFlowExecutionsSuccess",
      "NotFoundError",
      "ValidationError"
    ],
    "ConnectorMetadata": [
      "AmplitudeMetadata",
      "CustomerProfilesMetadata",
      "DatadogMetadata",
      "DynatraceMetadata",
      "EventBridgeMetadata",
      "GoogleAnalyticsMetadata",
      "HoneycodeMetadata",
      "InforNexusMetadata",
      "MarketoMetadata",
      "PardotMetadata",
      "RedshiftMetadata",
      "S3Metadata",
      "SAPODataMetadata",
      "SalesforceMetadata",
      "ServiceNowMetadata",
      "SingularMetadata",
      "SlackMetadata",
      "SnowflakeMetadata",
      "TrendmicroMetadata",
      "UpsolverMetadata",
      "VeevaMetadata",
      "ZendeskMetadata"
    ],
    "ConnectorOperator": [
      "ConnectorOperatorAmplitude",
      "ConnectorOperatorCustomConnector",
      "ConnectorOperatorDatadog",
      "ConnectorOperatorDynatrace",
      "ConnectorOperatorGoogleAnalytics",
      "ConnectorOperatorInforNexus",
      "ConnectorOperatorMarketo",
      "ConnectorOperatorPardot",
      "ConnectorOperatorS3",
      "ConnectorOperatorSAPOData",
      "ConnectorOperatorSalesforce",
      "ConnectorOperatorServiceNow",
      "ConnectorOperatorSingular",
      "ConnectorOperatorSlack",
      "ConnectorOperatorTrendmicro",
      "ConnectorOperatorVeeva",
      "ConnectorOperatorZendesk"
    ],
    "ConnectorProfileProperties": [
      "AmplitudeConnectorProfileProperties",
      "CustomConnectorProfileProperties",
      "DatadogConnectorProfileProperties",
      "DynatraceConnectorProfileProperties",
      "GoogleAnalyticsConnectorProfileProperties",
      "HoneycodeConnectorProfileProperties",
      "InforNexusConnectorProfileProperties",
      "MarketoConnectorProfileProperties",
      "PardotConnectorProfileProperties",
      "RedshiftConnectorProfileProperties",
      "SAPODataConnectorProfileProperties",
      "SalesforceConnectorProfileProperties",
      "ServiceNowConnectorProfileProperties",
      "SingularConnectorProfileProperties",
      "SlackConnectorProfileProperties",
      "SnowflakeConnectorProfileProperties",
      "TrendmicroConnectorProfileProperties",
      "VeevaConnectorProfileProperties",
      "ZendeskConnectorProfileProperties"
    ],
    "CreateConnectorProfileResult": [
      "ConflictError",
      "ConnectorAuthenticationError",
      "CreateConnectorProfileSuccess",
      "NotFoundError",
      "QuotaExceededError",
      "ValidationError"
    ],
    "CreateFlowResult": [
      "ConflictError",
      "ConnectorAuthenticationError",
      "ConnectorServerError",
      "CreateFlowSuccess",
      "NotFoundError",
      "QuotaExceededError",
      "ValidationError"
    ],
    "DeleteConnectorProfileResult": [
      "ConflictError",
      "DeleteConnectorProfileSuccess",
      "NotFoundError",
      "ValidationError"
    ],
    "DeleteFlowResult": [
      "ConflictError",
      "DeleteFlowSuccess",
      "NotFoundError",
      "ValidationError"
    ],
    "DestinationConnectorProperties": [
      "CustomConnectorDestinationProperties",
      "CustomerProfilesDestinationProperties",
      "EventBridgeDestinationProperties",
      "HoneycodeDestinationProperties",
      "LookoutMetricsDestinationProperties",
      "MarketoDestinationProperties",
      "RedshiftDestinationProperties",
      "S3DestinationProperties",
      "SAPODataDestinationProperties",
      "SalesforceDestinationProperties",
      "SnowflakeDestinationProperties",
      "UpsolverDestinationProperties",
      "ZendeskDestinationProperties"
    ],
    "MutationError": [
      "ConflictError",
      "ConnectorAuthenticationError",
      "ConnectorServerError",
      "NotFoundError",
      "QuotaExceededError",
      "UnsupportedOperationError",
      "ValidationError"
    ],
    "Node": [
      "Connector",
      "ConnectorProfile",
      "Execution",
      "Flow"
    ],
    "RegisterConnectorResult": [
      "ConflictError",
      "ConnectorAuthenticationError",
      "ConnectorServerError",
      "NotFoundError",
      "QuotaExceededError",
      "RegisterConnectorSuccess",
      "ValidationError"
    ],
    "ResetConnectorMetadataCacheResult": [
      "ConflictError",
      "NotFoundError",
      "ResetConnectorMetadataCacheSuccess",
      "ValidationError"
    ],
    "SourceConnectorProperties": [
      "AmplitudeSourceProperties",
      "CustomConnectorSourceProperties",
      "DatadogSourceProperties",
      "DynatraceSourceProperties",
      "GoogleAnalyticsSourceProperties",
      "InforNexusSourceProperties",
      "MarketoSourceProperties",
      "PardotSourceProperties",
      "S3SourceProperties",
      "SAPODataSourceProperties",
      "SalesforceSourceProperties",
      "ServiceNowSourceProperties",
      "SingularSourceProperties",
      "SlackSourceProperties",
      "TrendmicroSourceProperties",
      "VeevaSourceProperties",
      "ZendeskSourceProperties"
    ],
    "StartFlowResult": [
      "ConflictError",
      "NotFoundError",
      "QuotaExceededError",
      "StartFlowSuccess",
      "ValidationError"
    ],
    "StopFlowResult": [
      "ConflictError",
      "NotFoundError",
      "StopFlowSuccess",
      "UnsupportedOperationError",
      "ValidationError"
    ],
    "TagResourceResult": [
      "NotFoundError",
      "TagResourceSuccess",
      "ValidationError"
    ],
    "UnregisterConnectorResult": [
      "ConflictError",
      "NotFoundError",
      "UnregisterConnectorSuccess",
      "ValidationError"
    ],
    "UntagResourceResult": [
      "NotFoundError",
      "UntagResourceSuccess",
      "ValidationError"
    ],
    "UpdateConnectorProfileResult": [
      "ConflictError",
      "ConnectorAuthenticationError",
      "NotFoundError",
      "UpdateConnectorProfileSuccess",
      "ValidationError"
    ],
    "UpdateConnectorRegistrationResult": [
      "ConflictError",
      "ConnectorAuthenticationError",
      "ConnectorServerError",
      "NotFoundError",
      "QuotaExceededError",
      "UpdateConnectorRegistrationSuccess",
      "ValidationError"
    ],
    "UpdateFlowResult": [
      "ConflictError",
      "ConnectorAuthenticationError",
      "ConnectorServerError",
      "NotFoundError",
      "QuotaExceededError",
      "UpdateFlowSuccess",
      "ValidationError"
    ]
  }
};
      export default result;
    