/**
 * The one table of per-connector facts (src/model/connector-facts.ts): a row for every value
 * of the model's ConnectorType, hand-written facts only for connector types the model has,
 * rows that agree with the schema's @oneOf members and the emulator's catalog, and the
 * dashboard's copy printed from it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtInConfiguration } from '../../src/emulator/catalog.js';
import {
  CONNECTOR_FACTS,
  dashboardConnectors,
  HAND_WRITTEN_TYPES,
  PROFILELESS_TYPES,
} from '../../src/model/connector-facts.js';
import { connectorInputMembers } from '../../src/model/connectors.js';
import { enumValues } from '../../src/model/model.js';

describe('the per-connector facts table', () => {
  it('has one row for every ConnectorType value, in model order', () => {
    expect(CONNECTOR_FACTS.map((f) => f.connectorType)).toEqual(enumValues('ConnectorType'));
  });

  it('writes facts by hand only for connector types the model has', () => {
    const types = new Set(enumValues('ConnectorType'));
    expect(HAND_WRITTEN_TYPES.filter((t) => !types.has(t))).toEqual([]);
  });

  it("agrees with the schema's @oneOf members and the emulator's catalog", () => {
    for (const f of CONNECTOR_FACTS) {
      expect(f.inputMembers, f.connectorType).toEqual(connectorInputMembers(f.connectorType));
      const c = builtInConfiguration(f.connectorType, 'us-east-1');
      expect(c.canUseAsSource, f.connectorType).toBe(f.canUseAsSource);
      expect(c.canUseAsDestination, f.connectorType).toBe(f.canUseAsDestination);
      expect(c.supportedOperators, f.connectorType).toEqual(f.operators);
      expect(c.connectorName, f.connectorType).toBe(f.displayName);
    }
    expect([...PROFILELESS_TYPES].sort()).toEqual(
      ['CustomerProfiles', 'EventBridge', 'LookoutMetrics', 'S3', 'Upsolver'].sort(),
    );
  });

  it('the check form offers only sides a connector has, each with the member naming its object', () => {
    const offered = dashboardConnectors();
    expect(offered.length).toBeGreaterThan(0);
    for (const c of offered) {
      const f = CONNECTOR_FACTS.find((r) => r.connectorType === c.connectorType)!;
      expect(c.source === null || f.canUseAsSource).toBe(true);
      expect(c.destination === null || f.canUseAsDestination).toBe(true);
      expect(c.source ?? c.destination).not.toBeNull();
    }
  });

  it('web/src/connector-facts.json is printed from the table (npm run connector-facts:print)', () => {
    const committed = readFileSync(new URL('../../web/src/connector-facts.json', import.meta.url));
    expect(JSON.parse(committed.toString())).toEqual(dashboardConnectors());
  });
});
