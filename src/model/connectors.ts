/**
 * Connector types and the "one member per connector" structures of the model, in one place.
 * AppFlow's model names most union members exactly like the ConnectorType value, but not all:
 * `Googleanalytics` (type) is `GoogleAnalytics` (member), `Infornexus` is `InforNexus`,
 * `Servicenow` is `ServiceNow`. The match is case-insensitive, derived from the model, never a
 * hand-kept table.
 */
import { enumValues, shape } from './model.js';

export const CONNECTOR_TYPES: readonly string[] = enumValues('ConnectorType');

/** Connector types used without a connector profile (AWS services in the same account). */
export const PROFILELESS_TYPES: ReadonlySet<string> = new Set([
  'S3',
  'EventBridge',
  'LookoutMetrics',
  'Upsolver',
  'CustomerProfiles',
]);

const typeByLowerName = new Map(CONNECTOR_TYPES.map((t) => [t.toLowerCase(), t]));

/** The ConnectorType value a union member name stands for (`GoogleAnalytics` -> `Googleanalytics`). */
export function connectorTypeOfMember(memberName: string): string | undefined {
  return typeByLowerName.get(memberName.toLowerCase());
}

/** The member of a connector union structure that belongs to a ConnectorType, if it has one. */
export function connectorMemberFor(unionShape: string, connectorType: string): string | undefined {
  return Object.keys(shape(unionShape).members ?? {}).find(
    (m) => connectorTypeOfMember(m) === connectorType,
  );
}

/** A structure with one member per connector (all member names are connector types). */
export function isConnectorUnion(name: string): boolean {
  const s = shape(name);
  const members = Object.keys(s.members ?? {});
  return (
    s.type === 'structure' && members.length > 3 && members.every((m) => connectorTypeOfMember(m))
  );
}
