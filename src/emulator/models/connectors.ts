/**
 * Custom connectors (RegisterConnector, UpdateConnectorRegistration, UnregisterConnector) and
 * the connector catalog operations (DescribeConnector, DescribeConnectors, ListConnectors) over
 * the built-in types of catalog.ts plus the registered custom connectors.
 */
import { operation } from '../../model/model.js';
import {
  builtInConfiguration,
  builtInDetail,
  CONNECTOR_TYPES,
  customConfiguration,
} from '../catalog.js';
import { toSeconds } from '../clock.js';
import { conflict, notFound, validationError } from '../exceptions.js';
import { type JsonObject, omitUndefined } from '../json.js';
import { answer, listItemShape, storable } from '../outputs.js';
import { paginate } from '../pagination.js';
import type { ModelEnv } from './env.js';
import type { IdempotencyModel } from './idempotency.js';

export interface ConnectorRecord {
  connectorLabel: string;
  connectorArn: string;
  /** The RegisterConnector request as the model validated it (no clientToken), as
   * UpdateConnectorRegistration left it: ListConnectors and DescribeConnectors answer from it
   * by the model's output shape (outputs.ts). */
  definition: JsonObject & {
    description?: string;
    connectorProvisioningType?: string;
    connectorProvisioningConfig?: JsonObject;
  };
  connectorVersion: number;
  registeredAtMs: number;
  registeredBy: string;
}

interface RegisterConnectorInput {
  connectorLabel?: string;
  description?: string;
  connectorProvisioningType?: string;
  connectorProvisioningConfig?: { lambda?: { lambdaArn?: string } } & JsonObject;
  clientToken?: string;
}

interface UpdateConnectorRegistrationInput {
  connectorLabel: string;
  description?: string;
  connectorProvisioningConfig?: JsonObject;
  clientToken?: string;
}

interface ConnectorLabelInput {
  connectorLabel: string;
  forceDelete?: boolean;
}

interface DescribeConnectorInput {
  connectorType: string;
  connectorLabel?: string;
}

interface PageInput {
  maxResults?: number;
  nextToken?: string;
}

/**
 * Custom connectors that AWS itself provides: usable by label in every account without
 * RegisterConnector (DescribeConnector answers them; ListConnectors lists only the account's
 * own registrations). Labels as AWS's own cdk-appflow library uses them
 * (cdklabs/cdk-appflow src/<connector>/type.ts: `super("<label>", true)` for custom types).
 */
export const AWS_MANAGED_CONNECTOR_LABELS: ReadonlySet<string> = new Set([
  'AmazonRDSPostgreSQL',
  'Asana',
  'GitHub',
  'GoogleAds',
  'GoogleAnalytics4',
  'GoogleBigQuery',
  'HubSpot',
  'JDBCsmall',
  'Mailchimp',
  'MicrosoftDynamics365',
  'MicrosoftSharePointOnline',
  'SalesforceMarketingCloud',
]);

/** The request shape a registration's definition is a value of. */
const REGISTER = operation('RegisterConnector').input!.shape;

export class ConnectorsModel {
  records = new Map<string, ConnectorRecord>();

  constructor(
    private readonly env: ModelEnv,
    private readonly idempotency: IdempotencyModel,
    /** Names of the connector profiles that use a custom connector label. */
    private readonly profilesUsing: (label: string) => string[],
  ) {}

  get(label: string): ConnectorRecord {
    const c = this.records.get(label);
    if (!c) throw notFound(`Connector ${label} is not registered`);
    return c;
  }

  /** A registered custom connector, or one AWS provides. */
  has(label: string): boolean {
    return this.records.has(label) || AWS_MANAGED_CONNECTOR_LABELS.has(label);
  }

  /** ConnectorConfiguration of a built-in type or of a registered custom connector. */
  configuration(type: string, label?: string): JsonObject {
    if (type === 'CustomConnector') {
      if (!label) {
        throw validationError('connectorLabel is required for connectorType CustomConnector');
      }
      if (!this.records.has(label) && AWS_MANAGED_CONNECTOR_LABELS.has(label)) {
        return this.managedView(label);
      }
      return this.customView(this.get(label));
    }
    return builtInConfiguration(type, this.env.opts.region);
  }

  private customView(c: ConnectorRecord): JsonObject {
    return customConfiguration(
      {
        connectorLabel: c.connectorLabel,
        connectorArn: c.connectorArn,
        description: c.definition.description,
        connectorVersion: `${c.connectorVersion}.0`,
        connectorProvisioningType: this.provisioningType(c),
        connectorProvisioningConfig: c.definition.connectorProvisioningConfig,
        registeredAt: toSeconds(c.registeredAtMs),
        registeredBy: c.registeredBy,
      },
      this.env.opts,
    );
  }

  /** An AWS-provided custom connector: owned by AWS, no provisioning in this account. */
  private managedView(label: string): JsonObject {
    const configuration = customConfiguration(
      {
        connectorLabel: label,
        connectorArn: this.env.arn('connector', label),
        description: `${label} connector provided by AWS`,
        connectorVersion: '1.0',
      },
      this.env.opts,
    );
    return { ...configuration, connectorOwner: 'AWS' };
  }

  /** RegisterConnector's connectorProvisioningType, LAMBDA when left out (its only value). */
  private provisioningType(c: ConnectorRecord): string {
    return c.definition.connectorProvisioningType ?? 'LAMBDA';
  }

  private customDetail(c: ConnectorRecord): JsonObject {
    return answer(
      listItemShape('ListConnectors', 'connectors'),
      {
        connectorDescription: c.definition.description,
        connectorName: c.connectorLabel,
        connectorLabel: c.connectorLabel,
        connectorOwner: this.env.opts.accountId,
        connectorVersion: `${c.connectorVersion}.0`,
        applicationType: 'CustomConnector',
        connectorType: 'CustomConnector',
        registeredAt: toSeconds(c.registeredAtMs),
        registeredBy: c.registeredBy,
        connectorProvisioningType: this.provisioningType(c),
        connectorModes: ['Public'],
        supportedDataTransferTypes: ['RECORD'],
      },
      { shape: REGISTER, value: c.definition },
    );
  }

  registerConnector(input: RegisterConnectorInput) {
    return this.idempotency.run('RegisterConnector', input, () => {
      const label = input.connectorLabel;
      if (!label) throw validationError('connectorLabel is required');
      if (this.records.has(label)) {
        throw conflict(`A connector with label ${label} is already registered`);
      }
      const config = input.connectorProvisioningConfig;
      if (!config?.lambda?.lambdaArn) {
        throw validationError('connectorProvisioningConfig.lambda.lambdaArn is required');
      }
      const record: ConnectorRecord = {
        connectorLabel: label,
        connectorArn: this.env.arn('connector', label),
        definition: storable(REGISTER, input as JsonObject),
        connectorVersion: 1,
        registeredAtMs: this.env.now,
        registeredBy: this.env.principal,
      };
      this.records.set(label, record);
      this.env.touch();
      return { connectorArn: record.connectorArn };
    });
  }

  updateConnectorRegistration(input: UpdateConnectorRegistrationInput) {
    return this.idempotency.run('UpdateConnectorRegistration', input, () => {
      const c = this.get(input.connectorLabel);
      // UpdateConnectorRegistration changes only what it is given (its members are optional).
      const given = storable(
        operation('UpdateConnectorRegistration').input!.shape,
        input as unknown as JsonObject,
      );
      c.definition = { ...c.definition, ...given };
      c.connectorVersion++;
      this.env.touch();
      return { connectorArn: c.connectorArn };
    });
  }

  unregisterConnector(input: ConnectorLabelInput) {
    const c = this.get(input.connectorLabel);
    const users = this.profilesUsing(c.connectorLabel);
    if (users.length && !input.forceDelete) {
      throw conflict(
        `Connector ${c.connectorLabel} is used by connector profile(s) ${users.join(', ')}; use forceDelete to unregister it anyway`,
      );
    }
    this.records.delete(c.connectorLabel);
    this.env.touch();
    return {};
  }

  describeConnector(input: DescribeConnectorInput) {
    return {
      connectorConfiguration: this.configuration(input.connectorType, input.connectorLabel),
    };
  }

  describeConnectors(input: PageInput & { connectorTypes?: string[] }) {
    const types = input.connectorTypes?.length ? input.connectorTypes : undefined;
    type Item = { builtIn: string } | { custom: ConnectorRecord };
    const items: Item[] = CONNECTOR_TYPES.filter(
      (t) => t !== 'CustomConnector' && (!types || types.includes(t)),
    ).map((t) => ({ builtIn: t }));
    if (!types || types.includes('CustomConnector')) {
      for (const c of this.records.values()) items.push({ custom: c });
    }
    const { page, nextToken } = paginate(
      'DescribeConnectors',
      { types },
      items,
      input.maxResults,
      input.nextToken,
    );
    const connectorConfigurations: JsonObject = {};
    const connectors: JsonObject[] = [];
    for (const item of page) {
      if ('builtIn' in item) {
        connectorConfigurations[item.builtIn] = builtInConfiguration(
          item.builtIn,
          this.env.opts.region,
        );
        connectors.push(builtInDetail(item.builtIn));
      } else {
        connectors.push(this.customDetail(item.custom));
      }
    }
    return omitUndefined({ connectorConfigurations, connectors, nextToken });
  }

  listConnectors(input: PageInput) {
    const { page, nextToken } = paginate(
      'ListConnectors',
      {},
      [...this.records.values()],
      input.maxResults,
      input.nextToken,
    );
    return omitUndefined({ connectors: page.map((c) => this.customDetail(c)), nextToken });
  }

  clear() {
    this.records.clear();
  }
}
