/**
 * Connector profiles: CreateConnectorProfile, UpdateConnectorProfile, DeleteConnectorProfile,
 * DescribeConnectorProfiles. Credentials are kept in memory only: never returned, never
 * persisted; a profile with credentials gets a Secrets Manager style credentialsArn.
 */
import { randomUUID } from 'node:crypto';
import { connectorMemberFor } from '../../model/connectors.js';
import { operation } from '../../model/model.js';
import { PROFILELESS_TYPES } from '../catalog.js';
import { toSeconds } from '../clock.js';
import { conflict, notFound, validationError } from '../exceptions.js';
import { type JsonObject, omitUndefined } from '../json.js';
import { answer, listItemShape, storable, updated } from '../outputs.js';
import { paginate } from '../pagination.js';
import type { ConnectorsModel } from './connectors.js';
import type { ModelEnv } from './env.js';
import type { IdempotencyModel } from './idempotency.js';
import type { MetadataModel } from './metadata.js';

export interface ProfileRecord {
  connectorProfileArn: string;
  connectorProfileName: string;
  connectorType: string;
  connectorLabel?: string;
  credentialsArn?: string;
  /** The CreateConnectorProfile request as the model validated it, without its credentials
   * and clientToken (outputs.ts `storable`), as UpdateConnectorProfile left it:
   * DescribeConnectorProfiles answers from it by the model's output shape. */
  definition: JsonObject;
  createdAtMs: number;
  lastUpdatedAtMs: number;
  tags: Record<string, string>;
}

interface ProfileConfig {
  connectorProfileProperties: JsonObject;
  connectorProfileCredentials?: JsonObject;
}

export interface CreateConnectorProfileInput {
  connectorProfileName: string;
  connectorType: string;
  connectorLabel?: string;
  connectionMode: string;
  kmsArn?: string;
  connectorProfileConfig: ProfileConfig;
  clientToken?: string;
}

interface UpdateConnectorProfileInput {
  connectorProfileName: string;
  connectionMode: string;
  connectorProfileConfig: ProfileConfig;
  clientToken?: string;
}

interface DescribeConnectorProfilesInput {
  connectorProfileNames?: string[];
  connectorType?: string;
  connectorLabel?: string;
  maxResults?: number;
  nextToken?: string;
}

/**
 * Credential rules the model states in prose. SnowflakeConnectorProfileCredentials.privateKey:
 * "The RSA private key used for key pair authentication with Snowflake. Provide this instead
 * of a password when your Snowflake account uses key pair authentication." So one of password
 * and privateKey, not both (the model requires only username).
 */
function checkCredentials(type: string, creds: JsonObject | undefined) {
  // SalesforceConnectorProfileCredentials.oAuth2GrantType (model): "The CLIENT_CREDENTIALS
  // value is not supported for Salesforce." AppFlow answers it as a bad request
  // (terraform-provider-aws issue #43998: "AuthCode cannot be blank for connector: SALESFORCE").
  const salesforce = type === 'Salesforce' ? creds?.Salesforce : undefined;
  if (
    salesforce &&
    typeof salesforce === 'object' &&
    !Array.isArray(salesforce) &&
    salesforce.oAuth2GrantType === 'CLIENT_CREDENTIALS'
  ) {
    throw validationError(
      'Validation exception: the CLIENT_CREDENTIALS grant type is not supported for connector: SALESFORCE (use AUTHORIZATION_CODE or JWT_BEARER)',
    );
  }
  if (type !== 'Snowflake' || !creds) return;
  const snowflake = creds.Snowflake;
  if (!snowflake || typeof snowflake !== 'object' || Array.isArray(snowflake)) return;
  const hasPassword = snowflake.password !== undefined;
  const hasKey = snowflake.privateKey !== undefined;
  if (hasPassword === hasKey) {
    throw validationError(
      hasKey
        ? 'Snowflake credentials take a password or a privateKey (key pair authentication), not both'
        : 'Snowflake credentials need a password or a privateKey (key pair authentication)',
    );
  }
}

/** The request shape a profile's definition is a value of. */
const CREATE = operation('CreateConnectorProfile').input!.shape;

export class ProfilesModel {
  records = new Map<string, ProfileRecord>();
  /** In memory only: never returned, never persisted. */
  credentials = new Map<string, JsonObject>();

  constructor(
    private readonly env: ModelEnv,
    private readonly idempotency: IdempotencyModel,
    private readonly connectors: ConnectorsModel,
    private readonly metadata: MetadataModel,
    /** Names of the flows that use a profile as source or destination. */
    private readonly flowsUsing: (profileName: string) => string[],
  ) {}

  get(name: string): ProfileRecord {
    const p = this.records.get(name);
    if (!p) throw notFound(`Connector profile ${name} does not exist`);
    return p;
  }

  find(name: string): ProfileRecord | undefined {
    return this.records.get(name);
  }

  /** Names of the profiles of a custom connector. */
  usingConnector(label: string): string[] {
    return [...this.records.values()]
      .filter((p) => p.connectorType === 'CustomConnector' && p.connectorLabel === label)
      .map((p) => p.connectorProfileName);
  }

  private checkProperties(type: string, config: ProfileConfig) {
    const key = connectorMemberFor('ConnectorProfileProperties', type);
    const props = config.connectorProfileProperties ?? {};
    if (key && props[key] === undefined) {
      throw validationError(
        `connectorProfileConfig.connectorProfileProperties must contain ${key} for connector type ${type}`,
      );
    }
    const others = Object.keys(props).filter((k) => k !== key);
    if (others.length) {
      throw validationError(
        `connectorProfileProperties.${others[0]} does not match connector type ${type}`,
      );
    }
  }

  private credentialsArnFor(name: string): string {
    const suffix = randomUUID().replace(/-/g, '').slice(0, 6);
    const acct = this.env.opts.accountId;
    return `arn:aws:secretsmanager:${this.env.opts.region}:${acct}:secret:appflow!${acct}-${name}-${Math.floor(this.env.now / 1000)}-${suffix}`;
  }

  createConnectorProfile(input: CreateConnectorProfileInput) {
    return this.idempotency.run('CreateConnectorProfile', input, () => {
      const name = input.connectorProfileName;
      if (this.records.has(name)) {
        throw conflict(`Connector profile with name ${name} already exists`);
      }
      const type = input.connectorType;
      if (PROFILELESS_TYPES.has(type)) {
        throw validationError(`Connector type ${type} does not use connector profiles`);
      }
      if (type === 'CustomConnector') {
        if (!input.connectorLabel) {
          throw validationError('connectorLabel is required for connector type CustomConnector');
        }
        // CreateConnectorProfile's model lists no ResourceNotFoundException: an unknown label
        // is a bad request.
        if (!this.connectors.has(input.connectorLabel)) {
          throw validationError(
            `connectorLabel ${input.connectorLabel} is neither a registered custom connector nor one AWS provides`,
          );
        }
      }
      this.checkProperties(type, input.connectorProfileConfig);
      const creds = input.connectorProfileConfig.connectorProfileCredentials;
      checkCredentials(type, creds);
      const arn = this.env.arn('connectorprofile', name);
      const at = this.env.now;
      const record: ProfileRecord = {
        connectorProfileArn: arn,
        connectorProfileName: name,
        connectorType: type,
        connectorLabel: input.connectorLabel,
        credentialsArn: creds ? this.credentialsArnFor(name) : undefined,
        definition: storable(CREATE, input as unknown as JsonObject),
        createdAtMs: at,
        lastUpdatedAtMs: at,
        tags: {},
      };
      if (creds) this.credentials.set(name, creds);
      this.records.set(name, record);
      this.env.touch();
      return { connectorProfileArn: arn };
    });
  }

  updateConnectorProfile(input: UpdateConnectorProfileInput) {
    return this.idempotency.run('UpdateConnectorProfile', input, () => {
      const p = this.get(input.connectorProfileName);
      this.checkProperties(p.connectorType, input.connectorProfileConfig);
      checkCredentials(p.connectorType, input.connectorProfileConfig.connectorProfileCredentials);
      p.definition = updated(
        p.definition,
        operation('UpdateConnectorProfile').input!.shape,
        input as unknown as JsonObject,
      );
      const creds = input.connectorProfileConfig.connectorProfileCredentials;
      if (creds) {
        this.credentials.set(p.connectorProfileName, creds);
        p.credentialsArn ??= this.credentialsArnFor(p.connectorProfileName);
      }
      p.lastUpdatedAtMs = this.env.now;
      this.env.touch();
      return { connectorProfileArn: p.connectorProfileArn };
    });
  }

  deleteConnectorProfile(input: { connectorProfileName: string; forceDelete?: boolean }) {
    const p = this.get(input.connectorProfileName);
    const users = this.flowsUsing(p.connectorProfileName);
    if (users.length && !input.forceDelete) {
      throw conflict(
        `Connector profile ${p.connectorProfileName} is used by flow(s) ${users.join(', ')}; use forceDelete to delete it anyway`,
      );
    }
    this.records.delete(p.connectorProfileName);
    this.credentials.delete(p.connectorProfileName);
    this.metadata.dropProfile(p.connectorProfileName);
    this.env.touch();
    return {};
  }

  private view(p: ProfileRecord): JsonObject {
    return answer(
      listItemShape('DescribeConnectorProfiles', 'connectorProfileDetails'),
      {
        connectorProfileArn: p.connectorProfileArn,
        credentialsArn: p.credentialsArn,
        createdAt: toSeconds(p.createdAtMs),
        lastUpdatedAt: toSeconds(p.lastUpdatedAtMs),
      },
      { shape: CREATE, value: p.definition },
    );
  }

  describeConnectorProfiles(input: DescribeConnectorProfilesInput) {
    const names = input.connectorProfileNames;
    const filter = { names, type: input.connectorType, label: input.connectorLabel };
    const items = [...this.records.values()].filter(
      (p) =>
        (!names?.length || names.includes(p.connectorProfileName)) &&
        (!input.connectorType || p.connectorType === input.connectorType) &&
        (!input.connectorLabel || p.connectorLabel === input.connectorLabel),
    );
    const { page, nextToken } = paginate(
      'DescribeConnectorProfiles',
      filter,
      items,
      input.maxResults,
      input.nextToken,
    );
    return omitUndefined({ connectorProfileDetails: page.map((p) => this.view(p)), nextToken });
  }

  clear() {
    this.records.clear();
    this.credentials.clear();
  }
}
