/**
 * Credentials by where they sit, not by what a variable is called: an input position is
 * sensitive when the AppFlow model marks its member `sensitive` (accessToken, clientSecret,
 * ...) or when it lies inside a credentials container (`...Credentials` structures, maps with
 * sensitive keys or values such as credentialsMap). Input types are named after their model
 * shapes (src/schema/model-inputs.ts: `${Shape}Input`, map entries `${Map}EntryInput`).
 *
 * `useCredentialScrubbing` then removes every value found at such a position (variables and
 * literals alike) from every error message of the result, on every transport: AppFlow
 * quoting a refresh token back cannot carry it to the client. The request log redacts the
 * same variables (src/plugins/logging.ts).
 */
import {
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  getNamedType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { holdsCredentials, isSecretShape } from '../model/credentials.js';
import { isSensitive, model } from '../model/model.js';
import { redact, sensitiveValues } from '../services/mutations/secrets.js';

/** The model shape behind a GraphQL input type name, if it is one. */
function shapeOf(typeName: string): { shape: string; entry: boolean } | undefined {
  const entry = typeName.endsWith('EntryInput');
  const name = typeName.slice(0, -(entry ? 'EntryInput' : 'Input').length);
  return typeName.endsWith('Input') && model.shapes[name] ? { shape: name, entry } : undefined;
}

/** Is member `field` of input type `parent` a sensitive position? */
function sensitiveMember(parent: string, field: string): boolean {
  const found = shapeOf(parent);
  if (!found) return false;
  const s = model.shapes[found.shape]!;
  if (found.entry && s.type === 'map') {
    if (field === 'key') return isSensitive(s.key!.shape);
    if (field === 'value') return isSecretShape(s.value!.shape);
    return false;
  }
  const ref = s.members?.[field];
  return Boolean(ref && isSecretShape(ref.shape));
}

export interface SensitiveInputs {
  /** Variables used at a sensitive position (or inside one). */
  variables: Set<string>;
  /** String literals written at a sensitive position. */
  literals: string[];
}

/** Where the document puts credentials: its variables and literals at sensitive positions. */
export function sensitiveInputs(schema: GraphQLSchema, document: DocumentNode): SensitiveInputs {
  const out: SensitiveInputs = { variables: new Set(), literals: [] };
  const typeInfo = new TypeInfo(schema);
  // How many enclosing object fields are sensitive positions.
  const stack: boolean[] = [];
  let inside = 0;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      ObjectField: {
        enter(node) {
          const parent = typeInfo.getParentInputType();
          const sensitive = parent
            ? sensitiveMember(getNamedType(parent).name, node.name.value)
            : false;
          stack.push(sensitive);
          if (sensitive) inside++;
        },
        leave() {
          if (stack.pop()) inside--;
        },
      },
      Variable(node) {
        const type = typeInfo.getInputType();
        const named = type ? shapeOf(getNamedType(type).name) : undefined;
        if (inside > 0 || (named && holdsCredentials(named.shape)))
          out.variables.add(node.name.value);
      },
      StringValue(node) {
        if (inside > 0) out.literals.push(node.value);
      },
      VariableDefinition: () => false,
      [Kind.DIRECTIVE]: () => false,
    }),
  );
  return out;
}

/** Every string inside a value (variables' values of a sensitive variable). */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      strings(v, out);
    }
  }
  return out;
}

/** Variables with the sensitive ones replaced, for logs. */
export function redactVariables(
  variables: Record<string, unknown> | null | undefined,
  sensitive: SensitiveInputs,
): Record<string, unknown> | undefined {
  if (!variables) return undefined;
  return Object.fromEntries(
    Object.entries(variables).map(([k, v]) => [k, sensitive.variables.has(k) ? '[redacted]' : v]),
  );
}

/** Every secret value of one request: literals and the values of sensitive variables. */
export function requestSecrets(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
): string[] {
  const found = sensitiveInputs(schema, document);
  const secrets = [...found.literals];
  for (const name of found.variables) strings(variables?.[name], secrets);
  // Whole inputs passed as one variable (`input: $input`): the model walk finds their secrets.
  for (const [name, value] of Object.entries(variables ?? {})) {
    const definition = document.definitions
      .flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? (d.variableDefinitions ?? []) : []))
      .find((v) => v.variable.name.value === name);
    if (!definition) continue;
    let t = definition.type;
    while (t.kind !== Kind.NAMED_TYPE) t = t.type;
    const shape = shapeOf(t.name.value);
    if (shape && !shape.entry) sensitiveValues(shape.shape, value, secrets);
  }
  // Very short values would blank ordinary words out of messages.
  return [...new Set(secrets)].filter((s) => s.length >= 4);
}

function scrub(error: GraphQLError, secrets: readonly string[]): GraphQLError {
  const message = redact(error.message, secrets);
  if (message === error.message) return error;
  error.message = message;
  return error;
}

export function useCredentialScrubbing(): Plugin {
  const onDone = (
    args: { schema: GraphQLSchema; document: DocumentNode; variableValues?: unknown },
    result: unknown,
  ) => {
    const errors = (result as { errors?: readonly GraphQLError[] } | null)?.errors;
    if (!errors?.length) return;
    const secrets = requestSecrets(
      args.schema,
      args.document,
      args.variableValues as Record<string, unknown>,
    );
    if (secrets.length) for (const e of errors) scrub(e, secrets);
  };
  return {
    onExecute({ args }) {
      return { onExecuteDone: ({ result }) => onDone(args, result) };
    },
    onSubscribe({ args }) {
      return { onSubscribeResult: ({ result }) => onDone(args, result) };
    },
  };
}
