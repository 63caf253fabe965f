/**
 * botocore's rest-json model of AppFlow (`model/appflow/service-2.json`) as an OpenAPI 3.0
 * document, the way a team putting GraphQL Mesh in front of AppFlow would get one: AWS publishes
 * no OpenAPI for AppFlow, so the model is walked. Each operation's `http` gives the method and
 * path; input members with `location` uri/querystring/header become parameters, the rest the JSON
 * body; the output shape is the 200 answer. Shapes become component schemas (structure -> object
 * with `required`, list -> array, map -> object with additionalProperties, enums kept, timestamps
 * as epoch seconds: rest-json's default). Documentation, patterns and lengths are left out (the
 * emulator validates; Mesh would only repeat it). SigV4 is not modelled: the emulator accepts any
 * `Authorization` header, which the Mesh config sends as an operation header.
 *
 * `npx tsx bench/peer/openapi.ts [OUT]` writes it (default .bench/peer/appflow.openapi.json).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { model, type Shape, type ShapeRef } from '../../src/model/model.js';

type Schema = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function schemaOf(shape: Shape): Schema {
  switch (shape.type) {
    case 'structure': {
      const properties: Record<string, Schema> = {};
      for (const [name, member] of Object.entries(shape.members ?? {})) {
        properties[name] = ref(member.shape);
      }
      return {
        type: 'object',
        properties,
        ...(shape.required?.length ? { required: shape.required } : {}),
      };
    }
    case 'list':
      return { type: 'array', items: ref(shape.member!.shape) };
    case 'map':
      return { type: 'object', additionalProperties: ref(shape.value!.shape) };
    case 'string':
      return shape.enum ? { type: 'string', enum: shape.enum } : { type: 'string' };
    case 'integer':
    case 'long':
      return { type: 'integer' };
    case 'double':
    case 'float':
    case 'timestamp':
      // rest-json bodies carry timestamps as epoch seconds (fractional).
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    default:
      return { type: 'string' };
  }
}

const PARAMETER_LOCATION: Partial<Record<NonNullable<ShapeRef['location']>, string>> = {
  uri: 'path',
  querystring: 'query',
  header: 'header',
};

export function appflowOpenApi(): Schema {
  const paths: Record<string, Record<string, Schema>> = {};
  for (const [name, op] of Object.entries(model.operations)) {
    const input = op.input ? model.shapes[op.input.shape] : undefined;
    const parameters: Schema[] = [];
    const bodyMembers: Record<string, Schema> = {};
    const bodyRequired: string[] = [];
    for (const [member, memberRef] of Object.entries(input?.members ?? {})) {
      const where = memberRef.location && PARAMETER_LOCATION[memberRef.location];
      const required = input?.required?.includes(member) ?? false;
      if (where) {
        parameters.push({
          name: memberRef.locationName ?? member,
          in: where,
          required: where === 'path' || required,
          schema: ref(memberRef.shape),
        });
      } else {
        bodyMembers[member] = ref(memberRef.shape);
        if (required) bodyRequired.push(member);
      }
    }
    const path = op.http.requestUri.split('?')[0]!.replace(/\{(\w+)\+?\}/g, '{$1}');
    const method = op.http.method.toLowerCase();
    const hasBody = Object.keys(bodyMembers).length > 0 && method !== 'get';
    paths[path] ??= {};
    paths[path][method] = {
      operationId: name,
      ...(parameters.length ? { parameters } : {}),
      ...(hasBody
        ? {
            requestBody: {
              required: bodyRequired.length > 0,
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: bodyMembers,
                    ...(bodyRequired.length ? { required: bodyRequired } : {}),
                  },
                },
              },
            },
          }
        : {}),
      responses: {
        [String(op.http.responseCode ?? 200)]: {
          description: `${name} succeeded`,
          content: {
            'application/json': { schema: op.output ? ref(op.output.shape) : { type: 'object' } },
          },
        },
      },
    };
  }
  const schemas: Record<string, Schema> = {};
  for (const [name, shape] of Object.entries(model.shapes)) {
    if (!shape.exception) schemas[name] = schemaOf(shape);
  }
  return {
    openapi: '3.0.3',
    info: {
      title: String(model.metadata.serviceFullName),
      version: String(model.metadata.apiVersion),
    },
    servers: [{ url: 'https://appflow.us-east-1.amazonaws.com' }],
    paths,
    components: { schemas },
  };
}

export function writeAppflowOpenApi(out: string): string {
  const file = resolve(out);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(appflowOpenApi(), null, 2)}\n`);
  return file;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(writeAppflowOpenApi(process.argv[2] ?? '.bench/peer/appflow.openapi.json'));
}
