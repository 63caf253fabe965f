/**
 * The entities and fields each connector type exposes (ListConnectorEntities /
 * DescribeConnectorEntity): plausible hand-written example data, nested where the real
 * connector nests (S3 buckets -> prefixes, SAP OData services -> entity sets, Slack channels).
 */
import { canUseAsDestination } from './catalog.js';
import type { JsonObject } from './json.js';

/** [identifier, fieldType, label, flags]; flags: p = primary key, t = timestamp for incremental
 * pulls, r = read-only (not creatable/updatable). */
type FieldSpec = [string, string, string, string?];

const SF_SYSTEM: FieldSpec[] = [
  ['Id', 'id', 'Record ID', 'pr'],
  ['CreatedDate', 'datetime', 'Created Date', 'r'],
  ['LastModifiedDate', 'datetime', 'Last Modified Date', 'rt'],
  ['SystemModstamp', 'datetime', 'System Modstamp', 'rt'],
  ['OwnerId', 'reference', 'Owner ID'],
];

/** Standard fields of the Salesforce Account object (Salesforce's object reference). */
const SF_ACCOUNT: FieldSpec[] = [
  ...SF_SYSTEM,
  ['Name', 'string', 'Account Name'],
  ['AccountNumber', 'string', 'Account Number'],
  ['Type', 'picklist', 'Account Type'],
  ['Industry', 'picklist', 'Industry'],
  ['AnnualRevenue', 'currency', 'Annual Revenue'],
  ['NumberOfEmployees', 'int', 'Employees'],
  ['Phone', 'phone', 'Account Phone'],
  ['Sic', 'string', 'SIC Code'],
  ['BillingAddress', 'address', 'Billing Address'],
  ['BillingCountry', 'string', 'Billing Country'],
  ['ShippingAddress', 'address', 'Shipping Address'],
  ['Website', 'url', 'Website'],
];

const ENTITY_FIELDS: Record<string, FieldSpec[]> = {
  'Salesforce/Account': SF_ACCOUNT,
  // Change Data Capture: the change event of an object has its fields plus the header.
  'Salesforce/AccountChangeEvent': [
    ...SF_ACCOUNT,
    ['ChangeEventHeader', 'string', 'Change Event Header', 'r'],
  ],
  'Salesforce/OrderItem': [
    ...SF_SYSTEM,
    ['Product2Id', 'reference', 'Product ID'],
    ['IsDeleted', 'boolean', 'Deleted', 'r'],
    ['OrderId', 'reference', 'Order ID'],
    ['PricebookEntryId', 'reference', 'Price Book Entry ID'],
    ['OriginalOrderItemId', 'reference', 'Original Order Item ID'],
    ['AvailableQuantity', 'double', 'Available Quantity', 'r'],
    ['Quantity', 'double', 'Quantity'],
    ['UnitPrice', 'currency', 'Unit Price'],
    ['TotalPrice', 'currency', 'Total Price', 'r'],
    ['ListPrice', 'currency', 'List Price', 'r'],
    ['ServiceDate', 'date', 'Start Date'],
    ['EndDate', 'date', 'End Date'],
    ['Description', 'string', 'Line Description'],
    ['CreatedById', 'reference', 'Created By ID', 'r'],
  ],
  'Salesforce/Contact': [
    ...SF_SYSTEM,
    ['Name', 'string', 'Full Name', 'r'],
    ['FirstName', 'string', 'First Name'],
    ['LastName', 'string', 'Last Name'],
    ['Email', 'email', 'Email'],
    ['Phone', 'phone', 'Business Phone'],
    ['AccountId', 'reference', 'Account ID'],
  ],
  'Salesforce/Opportunity': [
    ...SF_SYSTEM,
    ['Name', 'string', 'Name'],
    ['StageName', 'picklist', 'Stage'],
    ['Amount', 'currency', 'Amount'],
    ['CloseDate', 'date', 'Close Date'],
    ['Probability', 'percent', 'Probability (%)'],
    ['AccountId', 'reference', 'Account ID'],
    ['IsWon', 'boolean', 'Won', 'r'],
  ],
  'Salesforce/Lead': [
    ...SF_SYSTEM,
    ['FirstName', 'string', 'First Name'],
    ['LastName', 'string', 'Last Name'],
    ['Company', 'string', 'Company'],
    ['Status', 'picklist', 'Lead Status'],
    ['Email', 'email', 'Email'],
  ],
  'Salesforce/Case': [
    ...SF_SYSTEM,
    ['CaseNumber', 'string', 'Case Number', 'r'],
    ['Subject', 'string', 'Subject'],
    ['Status', 'picklist', 'Status'],
    ['Priority', 'picklist', 'Priority'],
    ['AccountId', 'reference', 'Account ID'],
  ],
  'Slack/messages': [
    ['ts', 'string', 'Timestamp', 'pt'],
    ['text', 'string', 'Text'],
    ['user', 'string', 'User'],
    ['type', 'string', 'Type'],
    ['thread_ts', 'string', 'Thread timestamp'],
    ['reply_count', 'int', 'Reply count'],
  ],
  'Zendesk/tickets': [
    ['id', 'int', 'ID', 'pr'],
    ['subject', 'string', 'Subject'],
    ['status', 'string', 'Status'],
    ['priority', 'string', 'Priority'],
    ['requester_id', 'int', 'Requester ID'],
    ['created_at', 'datetime', 'Created at', 'r'],
    ['updated_at', 'datetime', 'Updated at', 'rt'],
  ],
  'Zendesk/users': [
    ['id', 'int', 'ID', 'pr'],
    ['name', 'string', 'Name'],
    ['email', 'email', 'Email'],
    ['role', 'string', 'Role'],
    ['updated_at', 'datetime', 'Updated at', 'rt'],
  ],
  'Zendesk/organizations': [
    ['id', 'int', 'ID', 'pr'],
    ['name', 'string', 'Name'],
    ['domain_names', 'string', 'Domain names'],
    ['updated_at', 'datetime', 'Updated at', 'rt'],
  ],
  'SAPOData/A_SalesOrder': [
    ['SalesOrder', 'string', 'Sales Order', 'p'],
    ['SalesOrderType', 'string', 'Sales Order Type'],
    ['SoldToParty', 'string', 'Sold-To Party'],
    ['TotalNetAmount', 'decimal', 'Net Value'],
    ['TransactionCurrency', 'string', 'Currency'],
    ['CreationDate', 'datetime', 'Created On', 'r'],
    ['LastChangeDateTime', 'datetime', 'Last Changed', 'rt'],
  ],
  'SAPOData/A_SalesOrderItem': [
    ['SalesOrder', 'string', 'Sales Order', 'p'],
    ['SalesOrderItem', 'string', 'Item', 'p'],
    ['Material', 'string', 'Material'],
    ['RequestedQuantity', 'decimal', 'Requested Quantity'],
    ['NetAmount', 'decimal', 'Net Value'],
  ],
  'SAPOData/A_BusinessPartner': [
    ['BusinessPartner', 'string', 'Business Partner', 'p'],
    ['BusinessPartnerFullName', 'string', 'Full Name'],
    ['BusinessPartnerCategory', 'string', 'Category'],
    ['LastChangeDate', 'datetime', 'Last Changed', 'rt'],
  ],
  'Servicenow/incident': [
    ['sys_id', 'string', 'Sys ID', 'pr'],
    ['number', 'string', 'Number'],
    ['short_description', 'string', 'Short description'],
    ['priority', 'int', 'Priority'],
    ['state', 'int', 'State'],
    ['sys_updated_on', 'datetime', 'Updated', 'rt'],
  ],
  // A custom connector: the seeded inventory connector's products, and the Google Analytics 4
  // connector AWS provides (cdk-appflow's integration test reads this report; its fields are
  // GA4 Data API dimensions).
  'CustomConnector/products': [
    ['sku', 'string', 'SKU', 'p'],
    ['name', 'string', 'Name'],
    ['quantity', 'int', 'Quantity'],
    ['updated_at', 'datetime', 'Updated at', 'rt'],
  ],
  'CustomConnector/properties/123456789/coreReport': [
    ['achievementId', 'string', 'Achievement ID'],
    ['adFormat', 'string', 'Ad format'],
    ['adSourceName', 'string', 'Ad source'],
    ['date', 'date', 'Date', 't'],
  ],
  'Marketo/leads': [
    ['id', 'int', 'ID', 'pr'],
    ['email', 'email', 'Email'],
    ['firstName', 'string', 'First Name'],
    ['lastName', 'string', 'Last Name'],
    ['updatedAt', 'datetime', 'Updated At', 'rt'],
  ],
};

const GENERIC_FIELDS: FieldSpec[] = [
  ['id', 'string', 'ID', 'p'],
  ['name', 'string', 'Name'],
  ['value', 'double', 'Value'],
  ['updated_at', 'datetime', 'Updated at', 'rt'],
];

interface EntityNode {
  name: string;
  label: string;
  children?: EntityNode[];
}

const leaf = (name: string, label = name): EntityNode => ({ name, label });

/** Entity trees per connector type; nested ones are reached with `entitiesPath`. */
const ENTITY_TREES: Record<string, Record<string, EntityNode[]>> = {
  Salesforce: {
    Objects: [
      leaf('Account'),
      leaf('Contact'),
      leaf('Opportunity'),
      leaf('Lead'),
      leaf('Case'),
      leaf('OrderItem', 'Order Product'),
    ],
    Events: [leaf('AccountChangeEvent', 'Account Change Event')],
  },
  CustomConnector: {
    Objects: [
      leaf('records', 'Records'),
      leaf('events', 'Events'),
      leaf('products', 'Products'),
      {
        name: 'properties/123456789',
        label: 'GA4 property 123456789',
        children: [leaf('properties/123456789/coreReport', 'Core report')],
      },
    ],
  },
  Slack: {
    Objects: [
      {
        name: 'conversations',
        label: 'Conversations',
        children: [
          leaf('conversations/C01GENERAL', '#general'),
          leaf('conversations/C02RANDOM', '#random'),
          leaf('conversations/C03SALES', '#sales-team'),
          // The channel cdk-appflow's Slack integration test reads.
          leaf('conversations/C0123456789', '#appflow'),
        ],
      },
    ],
  },
  S3: {
    Buckets: [
      {
        name: 'appflow-landing-zone',
        label: 'appflow-landing-zone',
        children: [
          leaf('appflow-landing-zone/salesforce', 'salesforce/'),
          leaf('appflow-landing-zone/zendesk', 'zendesk/'),
        ],
      },
      {
        name: 'analytics-raw-data',
        label: 'analytics-raw-data',
        children: [leaf('analytics-raw-data/events', 'events/')],
      },
    ],
  },
  SAPOData: {
    Services: [
      {
        name: '/sap/opu/odata/sap/API_SALES_ORDER_SRV',
        label: 'Sales Order (A2X)',
        children: [
          leaf('/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder', 'A_SalesOrder'),
          leaf('/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrderItem', 'A_SalesOrderItem'),
        ],
      },
      {
        name: '/sap/opu/odata/sap/API_BUSINESS_PARTNER',
        label: 'Business Partner (A2X)',
        children: [
          leaf('/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner', 'A_BusinessPartner'),
        ],
      },
    ],
  },
  Zendesk: {
    Objects: [leaf('tickets', 'Tickets'), leaf('users', 'Users'), leaf('organizations', 'Orgs')],
  },
  Servicenow: { Tables: [leaf('incident', 'Incident'), leaf('problem', 'Problem')] },
  Marketo: { Objects: [leaf('leads', 'Leads'), leaf('activities', 'Activities')] },
  Redshift: {
    Schemas: [
      {
        name: 'public',
        label: 'public',
        children: [leaf('public.accounts'), leaf('public.opportunities'), leaf('public.tickets')],
      },
    ],
  },
  Snowflake: {
    Databases: [
      {
        name: 'ANALYTICS',
        label: 'ANALYTICS',
        children: [leaf('ANALYTICS.PUBLIC.ACCOUNTS'), leaf('ANALYTICS.PUBLIC.ORDERS')],
      },
    ],
  },
  EventBridge: {
    EventSources: [leaf('aws.partner/appflow/salesforce.com/123456789012/events')],
  },
  Googleanalytics: { Reports: [leaf('ga:sessions', 'Sessions'), leaf('ga:pageviews', 'Views')] },
};

function treeFor(type: string): Record<string, EntityNode[]> {
  return ENTITY_TREES[type] ?? { Objects: [leaf('records', 'Records'), leaf('events', 'Events')] };
}

function findNode(type: string, path: string): EntityNode | undefined {
  const search = (nodes: EntityNode[]): EntityNode | undefined => {
    for (const n of nodes) {
      if (n.name === path) return n;
      const found = n.children && search(n.children);
      if (found) return found;
    }
    return undefined;
  };
  for (const nodes of Object.values(treeFor(type))) {
    const found = search(nodes);
    if (found) return found;
  }
  return undefined;
}

/** Entities under `entitiesPath` (root when empty), grouped; undefined if the path is unknown. */
export function listEntities(
  type: string,
  entitiesPath: string | undefined,
): Record<string, { name: string; label: string; hasNestedEntities: boolean }[]> | undefined {
  const view = (n: EntityNode) => ({
    name: n.name,
    label: n.label,
    hasNestedEntities: !!n.children?.length,
  });
  if (!entitiesPath) {
    return Object.fromEntries(Object.entries(treeFor(type)).map(([g, ns]) => [g, ns.map(view)]));
  }
  const node = findNode(type, entitiesPath);
  if (!node?.children) return undefined;
  const group = Object.entries(treeFor(type)).find(([, ns]) => ns.some((n) => n === node))?.[0];
  return { [group ?? 'Objects']: node.children.map(view) };
}

const TYPE_OPERATORS: Record<string, string[]> = {
  string: ['PROJECTION', 'EQUAL_TO', 'NOT_EQUAL_TO', 'CONTAINS', 'VALIDATE_NON_NULL', 'NO_OP'],
  number: [
    'PROJECTION',
    'LESS_THAN',
    'GREATER_THAN',
    'BETWEEN',
    'EQUAL_TO',
    'NOT_EQUAL_TO',
    'ADDITION',
    'MULTIPLICATION',
    'VALIDATE_NON_NEGATIVE',
    'VALIDATE_NUMERIC',
  ],
  datetime: ['PROJECTION', 'LESS_THAN', 'GREATER_THAN', 'BETWEEN', 'EQUAL_TO'],
};

function operatorsFor(fieldType: string): string[] {
  if (['int', 'double', 'decimal', 'currency', 'percent'].includes(fieldType)) {
    return TYPE_OPERATORS.number;
  }
  if (['datetime', 'date'].includes(fieldType)) return TYPE_OPERATORS.datetime;
  return TYPE_OPERATORS.string;
}

/** Fields of an entity, or undefined when the connector type has no such entity. */
export function describeEntity(type: string, entityName: string): JsonObject[] | undefined {
  const node = findNode(type, entityName);
  if (!node || node.children?.length) return undefined;
  const shortName = entityName.split('/').pop()!;
  const specs =
    ENTITY_FIELDS[`${type}/${entityName}`] ??
    ENTITY_FIELDS[`${type}/${shortName}`] ??
    (type === 'Slack' ? ENTITY_FIELDS['Slack/messages'] : GENERIC_FIELDS);
  const destination = canUseAsDestination(type);
  return specs.map(([identifier, fieldType, label, flags = '']) => {
    const readOnly = flags.includes('r');
    return {
      identifier,
      label,
      isPrimaryKey: flags.includes('p'),
      isDeprecated: false,
      description: `${label} of the ${shortName} entity`,
      supportedFieldTypeDetails: {
        v1: { fieldType, filterOperators: operatorsFor(fieldType) },
      },
      sourceProperties: {
        isRetrievable: true,
        isQueryable: true,
        isTimestampFieldForIncrementalQueries: flags.includes('t'),
      },
      ...(destination
        ? {
            destinationProperties: {
              isCreatable: !readOnly,
              isNullable: !flags.includes('p'),
              isUpsertable: !readOnly,
              isUpdatable: !readOnly,
              isDefaultedOnCreate: readOnly,
              supportedWriteOperations: readOnly ? [] : ['INSERT', 'UPSERT', 'UPDATE'],
            },
          }
        : {}),
    };
  });
}
