/**
 * Nothing AppFlow returns is lost: every member of every Describe and List output shape, walked
 * recursively through the model, is a field of the GraphQL type that represents its shape
 * (credentials excluded: they are never returned).
 */
import {
  type GraphQLField,
  type GraphQLNamedType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { connectorTypeOfMember, isConnectorUnion } from '../../src/model/connectors.js';
import { model, shape } from '../../src/model/model.js';
import { schema } from '../../src/schema/index.js';

/** Response wrappers: each member is a root field, a connection or its cursor. */
const responseMembers: Record<string, Record<string, string>> = {
  DescribeConnectorResponse: { connectorConfiguration: 'Query.connector' },
  DescribeConnectorEntityResponse: { connectorEntityFields: 'ConnectorEntity.fields' },
  DescribeConnectorProfilesResponse: {
    connectorProfileDetails: 'Query.connectorProfiles',
    nextToken: 'cursor',
  },
  DescribeConnectorsResponse: {
    connectorConfigurations: 'Query.connectors',
    connectors: 'Query.connectors',
    nextToken: 'cursor',
  },
  DescribeFlowResponse: {},
  DescribeFlowExecutionRecordsResponse: { flowExecutions: 'Flow.executions', nextToken: 'cursor' },
  ListConnectorEntitiesResponse: { connectorEntityMap: 'Connector.entities', nextToken: 'cursor' },
  ListConnectorsResponse: { connectors: 'Query.connectors', nextToken: 'cursor' },
  ListFlowsResponse: { flows: 'Query.flows', nextToken: 'cursor' },
  ListTagsForResourceResponse: { tags: 'Query.tags' },
};

/** Shapes shown as a hand-written domain type. */
const domainTypes: Record<string, string> = {
  FlowDefinition: 'Flow',
  DescribeFlowResponse: 'Flow',
  ConnectorProfile: 'ConnectorProfile',
  ExecutionRecord: 'Execution',
  ConnectorConfiguration: 'Connector',
  ConnectorDetail: 'Connector',
  ConnectorEntity: 'ConnectorEntity',
};

/** Maps whose values are listed directly, with the key as one of their fields. */
const flattenedMapKeys: Record<string, string> = {
  ConnectorConfigurationsMap: 'connectorType',
  ConnectorEntityMap: 'group',
};

function field(path: string): GraphQLField<unknown, unknown> | undefined {
  const [typeName, fieldName] = path.split('.');
  const type = schema.getType(typeName!);
  return isObjectType(type) ? type.getFields()[fieldName!] : undefined;
}

describe('schema coverage of the AppFlow model', () => {
  const outputs = Object.entries(model.operations)
    .filter(([name]) => /^(Describe|List)/.test(name))
    .map(([, op]) => op.output!.shape);

  it('lists the ten read operations', () => {
    expect(outputs).toHaveLength(10);
    expect(Object.keys(responseMembers).sort()).toEqual([...outputs].sort());
  });

  it('maps every response member to a root field, link or cursor', () => {
    for (const out of outputs) {
      for (const member of Object.keys(shape(out).members ?? {})) {
        if (out === 'DescribeFlowResponse') continue;
        const target = responseMembers[out]![member];
        expect(target, `${out}.${member}`).toBeDefined();
        if (target !== 'cursor')
          expect(field(target!), `${out}.${member} -> ${target}`).toBeDefined();
      }
    }
  });

  it('reaches every nested member, credentials excluded', () => {
    const missing: string[] = [];
    const seen = new Set<string>();
    const visit = (shapeName: string, typeName: string | undefined) => {
      const key = `${shapeName}->${typeName}`;
      if (seen.has(key)) return;
      seen.add(key);
      const s = shape(shapeName);
      if (s.type === 'list') return visit(s.member!.shape, typeName);
      if (s.type === 'map') {
        // Maps flattened into a list of their values keep the key as a field of the value.
        const keyField = flattenedMapKeys[shapeName];
        if (keyField) {
          const valueType = schema.getType(typeName!);
          if (!isObjectType(valueType) || !valueType.getFields()[keyField])
            missing.push(`${shapeName} key`);
          return visit(s.value!.shape, typeName);
        }
        const entry = typeName ? schema.getType(typeName) : undefined;
        const valueField = isObjectType(entry) ? entry.getFields().value : undefined;
        if (!valueField) missing.push(`${shapeName} (map entry type ${typeName})`);
        else visit(s.value!.shape, getNamedType(valueField.type).name);
        return;
      }
      if (s.type !== 'structure') {
        if (s.enum && typeName && !isEnumType(schema.getType(typeName)))
          missing.push(`${shapeName} enum`);
        return;
      }
      const name = domainTypes[shapeName] ?? typeName ?? shapeName;
      const type: GraphQLNamedType | undefined | null = schema.getType(name);
      if (isConnectorUnion(shapeName)) {
        if (!isUnionType(type)) return void missing.push(`${shapeName} (union ${name})`);
        const memberTypes = type.getTypes().map((t) => t.name);
        for (const [member, ref] of Object.entries(s.members!)) {
          if (shape(ref.shape).sensitive || /Credentials$/.test(ref.shape)) continue;
          expect(connectorTypeOfMember(member)).toBeDefined();
          const memberType =
            shape(ref.shape).type === 'structure' ? ref.shape : `${shapeName}${member}`;
          if (!memberTypes.includes(memberType)) missing.push(`${shapeName}.${member}`);
          else if (shape(ref.shape).type === 'structure') visit(ref.shape, memberType);
        }
        return;
      }
      if (!isObjectType(type)) return void missing.push(`${shapeName} (type ${name})`);
      const fields = type.getFields();
      for (const [member, ref] of Object.entries(s.members ?? {})) {
        if (shape(ref.shape).sensitive || /Credentials$/.test(ref.shape)) continue;
        const f = fields[member];
        if (!f) {
          missing.push(`${shapeName}.${member} (on ${name})`);
          continue;
        }
        visit(ref.shape, getNamedType(f.type).name);
      }
    };
    for (const out of outputs) {
      if (out === 'DescribeFlowResponse') {
        visit(out, 'Flow');
        continue;
      }
      for (const [member, ref] of Object.entries(shape(out).members ?? {})) {
        if (member === 'nextToken') continue;
        const target = field(responseMembers[out]![member]!);
        let typeName = target ? getNamedType(target.type).name : undefined;
        // Connections: the node type carries the members.
        if (typeName?.endsWith('Connection')) typeName = typeName.replace(/Connection$/, '');
        visit(ref.shape, typeName);
      }
    }
    expect(seen.size).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it('describes every type, field and argument (GraphiQL documents the whole graph)', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (
        type.name.startsWith('__') ||
        ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)
      )
        continue;
      if (!type.description) missing.push(`type ${type.name}`);
      if (isObjectType(type) || isInputObjectType(type) || isInterfaceType(type)) {
        for (const f of Object.values(type.getFields())) {
          if (!f.description) missing.push(`${type.name}.${f.name}`);
          for (const arg of 'args' in f ? f.args : []) {
            // `input` is described by its type.
            if (!arg.description && arg.name !== 'input') {
              missing.push(`${type.name}.${f.name}(${arg.name})`);
            }
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('never exposes a credentials member or a sensitive shape', () => {
    const sensitiveMembers = new Set<string>();
    for (const s of Object.values(model.shapes)) {
      for (const [member, ref] of Object.entries(s.members ?? {})) {
        if (shape(ref.shape).sensitive) sensitiveMembers.add(member);
      }
    }
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      expect(type.name).not.toMatch(/Credentials$/);
      for (const f of Object.keys(type.getFields())) {
        expect(sensitiveMembers.has(f) && f !== 'clientId' ? `${type.name}.${f}` : '').toBe('');
      }
    }
  });
});
