/**
 * What a resource keeps of its request (src/emulator/outputs.ts), from the model: no clientToken
 * and no credential, sensitive or not (a Redshift username is not marked sensitive in the
 * model, but it is part of the credentials), while everything an output returns is kept; and
 * what persistence writes holds none of it either.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateConnectorProfileCommand } from '@aws-sdk/client-appflow';
import { afterAll, describe, expect, it } from 'vitest';
import { storable, updated } from '../../src/emulator/outputs.js';
import { operation } from '../../src/model/model.js';
import { startTestEmulator } from '../helpers/emulator.js';

const CREATE = operation('CreateConnectorProfile').input!.shape;

const redshift = {
  connectorProfileName: 'warehouse',
  connectorType: 'Redshift',
  connectionMode: 'Public',
  clientToken: 'token-12345678',
  connectorProfileConfig: {
    connectorProfileProperties: {
      Redshift: {
        databaseUrl: 'jdbc:redshift://example.com:5439/dev',
        bucketName: 'staging-bucket',
        roleArn: 'arn:aws:iam::123456789012:role/redshift',
      },
    },
    connectorProfileCredentials: {
      Redshift: { username: 'warehouse-user', password: 'pw-secret' },
    },
  },
};

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('what a resource keeps of its request', () => {
  it('keeps every returnable member and no credential nor clientToken', () => {
    const kept = storable(CREATE, redshift);
    expect(kept).toEqual({
      connectorProfileName: 'warehouse',
      connectorType: 'Redshift',
      connectionMode: 'Public',
      connectorProfileConfig: {
        connectorProfileProperties: redshift.connectorProfileConfig.connectorProfileProperties,
      },
    });
  });

  it('an update replaces what its shape models and keeps the rest', () => {
    const kept = storable(CREATE, {
      ...redshift,
      kmsArn: 'arn:aws:kms:us-east-1:123456789012:key/k',
    });
    const next = updated(kept, operation('UpdateConnectorProfile').input!.shape, {
      connectorProfileName: 'warehouse',
      connectionMode: 'Private',
      connectorProfileConfig: {
        connectorProfileProperties: {
          Redshift: { bucketName: 'other-bucket', roleArn: 'arn:aws:iam::123456789012:role/r' },
        },
      },
    });
    expect(next.connectionMode).toBe('Private');
    expect(next.kmsArn).toBe('arn:aws:kms:us-east-1:123456789012:key/k');
    expect(next.connectorProfileConfig).toEqual({
      connectorProfileProperties: {
        Redshift: { bucketName: 'other-bucket', roleArn: 'arn:aws:iam::123456789012:role/r' },
      },
    });
  });

  it('the saved state holds no credential', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'emulator-outputs-'));
    dirs.push(dataDir);
    const t = await startTestEmulator({ dataDir });
    try {
      await t.client.send(new CreateConnectorProfileCommand(redshift as never));
      const saved = readFileSync(join(dataDir, 'appflow-emulator-state.json'), 'utf8');
      expect(saved).toContain('staging-bucket');
      expect(saved).not.toContain('warehouse-user');
      expect(saved).not.toContain('pw-secret');
      expect(saved).not.toContain('connectorProfileCredentials');
    } finally {
      await t.close();
    }
  });
});
