/**
 * Connector types and the "one member per connector" structures of the model, in one place.
 * AppFlow's model names most union members exactly like the ConnectorType value, but not all:
 * `Googleanalytics` (type) is `GoogleAnalytics` (member), `Infornexus` is `InforNexus`,
 * `Servicenow` is `ServiceNow`. The match is case-insensitive, derived from the model, never a
 * hand-kept table.
 */
import { enumValues, shape } from './model.js';

export const CONNECTOR_TYPES: readonly string[] = enumValues('ConnectorType');

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

/**
 * The connector unions that are inputs (`@oneOf` input types of the same name + `Input`): a form
 * goes from a connector type to the member it fills in through `connectorInputMembers`.
 */
export const CONNECTOR_INPUT_UNIONS = [
  'ConnectorProfileProperties',
  'ConnectorProfileCredentials',
  'SourceConnectorProperties',
  'DestinationConnectorProperties',
  'ConnectorOperator',
] as const;

export type ConnectorInputUnion = (typeof CONNECTOR_INPUT_UNIONS)[number];

/** For each input union, the member a connector type fills in (null: the union has none). */
export function connectorInputMembers(
  connectorType: string,
): Record<ConnectorInputUnion, string | null> {
  return Object.fromEntries(
    CONNECTOR_INPUT_UNIONS.map((u) => [u, connectorMemberFor(u, connectorType) ?? null]),
  ) as Record<ConnectorInputUnion, string | null>;
}
