/**
 * The Mesh peer's OpenAPI document (bench/peer/openapi.ts) is botocore's model walked: every
 * operation at its method and path, members bound where the model says (uri, querystring, body),
 * shapes as schemas. Checked here without the peer's own dependencies (bench/peer).
 */
import { describe, expect, it } from 'vitest';
import { appflowOpenApi } from '../../bench/peer/openapi.js';
import { model } from '../../src/model/model.js';

type Json = Record<string, any>;
const doc = appflowOpenApi() as Json;

describe('the Mesh peer: OpenAPI from the AppFlow model', () => {
  it('has every operation of the model at its method and path', () => {
    const operations = Object.entries(doc.paths as Json).flatMap(([path, methods]) =>
      Object.entries(methods as Json).map(([method, op]) => `${op.operationId} ${method} ${path}`),
    );
    expect(operations.sort()).toEqual(
      Object.entries(model.operations)
        .map(([name, op]) => `${name} ${op.http.method.toLowerCase()} ${op.http.requestUri}`)
        .sort(),
    );
  });

  it('binds members where the model says: uri and querystring as parameters, the rest in the body', () => {
    const untag = doc.paths['/tags/{resourceArn}'].delete;
    expect(untag.parameters).toEqual([
      {
        name: 'resourceArn',
        in: 'path',
        required: true,
        schema: { $ref: '#/components/schemas/ARN' },
      },
      {
        name: 'tagKeys',
        in: 'query',
        required: true,
        schema: { $ref: '#/components/schemas/TagKeyList' },
      },
    ]);
    expect(untag.requestBody).toBeUndefined();
    const describeFlow = doc.paths['/describe-flow'].post;
    expect(describeFlow.parameters).toBeUndefined();
    expect(describeFlow.requestBody.content['application/json'].schema).toEqual({
      type: 'object',
      properties: { flowName: { $ref: '#/components/schemas/FlowName' } },
      required: ['flowName'],
    });
    expect(describeFlow.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/DescribeFlowResponse',
    });
  });

  it('turns shapes into schemas: structures, lists, maps, enums, epoch-second timestamps', () => {
    const schemas = doc.components.schemas as Json;
    expect(schemas.FlowDefinition.properties.flowName).toEqual({
      $ref: '#/components/schemas/FlowName',
    });
    expect(schemas.FlowList).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/FlowDefinition' },
    });
    expect(schemas.ConnectorConfigurationsMap).toEqual({
      type: 'object',
      additionalProperties: { $ref: '#/components/schemas/ConnectorConfiguration' },
    });
    expect(schemas.FlowStatus.enum).toEqual(model.shapes.FlowStatus.enum);
    expect(schemas.Date).toEqual({ type: 'number' });
    expect(schemas.ValidationException).toBeUndefined();
  });
});
