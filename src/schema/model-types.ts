/**
 * GraphQL output types generated from the AppFlow model, so nothing is retyped by hand:
 * every structure becomes an object type (named after its shape), every string enum a GraphQL
 * enum, maps become lists of key/value entries, and the "one member per connector" structures
 * (ConnectorProfileProperties, SourceConnectorProperties, ConnectorOperator, ...) become unions
 * with one member type per connector. Descriptions come from the model's documentation.
 * Sensitive members (credentials) are never part of an output type.
 */
import type { ObjectFieldBuilder } from '@pothos/core';
import { connectorTypeOfMember, isConnectorUnion } from '../model/connectors.js';
import { isSecretShape } from '../model/credentials.js';
import { docText, memberDoc, model, type Shape, shape } from '../model/model.js';
import { builder } from './builder.js';

// biome-ignore lint/suspicious/noExplicitAny: generated types are untyped by nature.
type AnyRef = any;
// biome-ignore lint/suspicious/noExplicitAny: generated field builders accept any parent.
type AnyFieldBuilder = ObjectFieldBuilder<any, any>;

/** The connector a union member came from (set when a union value is resolved). */
export const CONNECTOR = Symbol('connector');

/** Shapes represented by a hand-written domain type (Flow, ConnectorProfile, ...). */
const domainTypes = new Map<string, AnyRef>();
/** Where the model nests `shapeName`, the graph shows the domain type `ref` instead. */
export function registerDomainType(shapeName: string, ref: AnyRef) {
  domainTypes.set(shapeName, ref);
}

/**
 * `define` once per shape name: each GraphQL type is defined once, by whoever asks first.
 * (Fields are thunks Pothos calls later, so recursive shapes meet a defined ref.)
 */
export function oncePerShape(define: (name: string) => AnyRef): (name: string) => AnyRef {
  const refs = new Map<string, AnyRef>();
  return (name) => {
    let ref = refs.get(name);
    if (ref === undefined) {
      ref = define(name);
      refs.set(name, ref);
    }
    return ref;
  };
}

export const enumRef = oncePerShape((name) => {
  const s = shape(name);
  return builder.enumType(name, {
    description: docText(s.documentation) ?? `Values of AppFlow's ${name}.`,
    values: Object.fromEntries(s.enum!.map((v) => [v, { value: v }])),
  });
});

/** The GraphQL scalar for a scalar shape (blobs travel as base64 strings). */
export function scalarOf(s: Shape): string | undefined {
  switch (s.type) {
    case 'string':
      return 'String';
    case 'integer':
      return 'Int';
    case 'long':
      return 'SafeInt';
    case 'double':
    case 'float':
      return 'Float';
    case 'boolean':
      return 'Boolean';
    case 'timestamp':
      return 'DateTime';
    case 'blob':
      return 'String';
    default:
      return undefined;
  }
}

/** How one side of the graph (output or input types) represents maps and structures. */
export interface ShapeRefs {
  side: 'output' | 'input';
  map(name: string): AnyRef;
  structure(name: string): AnyRef;
}

/**
 * The Pothos type parameter for a shape (list types as `[T]`): enums, scalars and lists are
 * alike on both sides; maps and structures are each side's own types.
 */
export function typeOfShape(name: string, refs: ShapeRefs): AnyRef {
  const s = shape(name);
  if (s.type === 'string' && s.enum) return enumRef(name);
  const scalar = scalarOf(s);
  if (scalar) return scalar;
  if (s.type === 'list') {
    const item = typeOfShape(s.member!.shape, refs);
    if (Array.isArray(item)) throw new Error(`Nested list ${name} is not supported`);
    return [item];
  }
  if (s.type === 'map') return [refs.map(name)];
  if (s.type === 'structure') return refs.structure(name);
  throw new Error(`Shape ${name} of type ${s.type} has no GraphQL ${refs.side} type`);
}

const OUTPUT_REFS: ShapeRefs = {
  side: 'output',
  map: (name) => mapEntryRef(name),
  structure: (name) =>
    domainTypes.get(name) ??
    (isConnectorUnion(name) ? connectorUnionRef(name) : structureRef(name)),
};

/** The Pothos output type parameter for a shape (list types as `[T]`). */
export function outputType(name: string): AnyRef {
  return typeOfShape(name, OUTPUT_REFS);
}

/** Convert an AppFlow value to what the GraphQL type expects (maps, unions). */
export function toOutput(name: string, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  const s = shape(name);
  if (s.type === 'list') return (value as unknown[]).map((v) => toOutput(s.member!.shape, v));
  if (s.type === 'map') {
    return Object.entries(value as Record<string, unknown>).map(([key, v]) => ({
      key,
      value: toOutput(s.value!.shape, v),
    }));
  }
  if (s.type === 'structure' && isConnectorUnion(name) && !domainTypes.has(name)) {
    const entry = Object.entries(value as Record<string, unknown>).find(([, v]) => v != null);
    if (!entry) return null;
    const [member, v] = entry;
    const target = shape(s.members![member]!.shape);
    return target.type === 'structure'
      ? { ...(v as object), [CONNECTOR]: member }
      : { value: v, [CONNECTOR]: member };
  }
  return value;
}

/** The members of a structure the graph may show: no secrets (src/model/credentials.ts). */
function outputMembers(name: string): [string, string][] {
  const s = shape(name);
  return Object.entries(s.members ?? {})
    .filter(([, ref]) => !isSecretShape(ref.shape))
    .map(([member, ref]) => [member, ref.shape]);
}

export type MemberResolver = (parent: AnyRef, member: string, ctx: AnyRef) => unknown;

const directMember: MemberResolver = (parent, member) => parent?.[member];

/**
 * Fields for the members of one or more structures (first shape wins a shared member).
 * `resolveMember` may load what the parent lacks (e.g. DescribeFlow for ListFlows items).
 */
export function modelFields(
  t: AnyFieldBuilder,
  shapes: string[],
  options: { exclude?: string[]; nonNull?: string[]; resolveMember?: MemberResolver } = {},
): Record<string, AnyRef> {
  const fields: Record<string, AnyRef> = {};
  const resolveMember = options.resolveMember ?? directMember;
  for (const structure of shapes) {
    for (const [member, target] of outputMembers(structure)) {
      if (fields[member] || options.exclude?.includes(member)) continue;
      const ref = shape(structure).members![member]!;
      fields[member] = t.field({
        type: outputType(target),
        nullable: options.nonNull?.includes(member)
          ? false
          : Array.isArray(outputType(target))
            ? { list: true, items: false }
            : true,
        description: memberDoc(structure, member),
        deprecationReason: ref.deprecated
          ? (ref.deprecatedMessage ?? 'Deprecated by AppFlow.')
          : undefined,
        // Synchronous when the parent has the member: a promise per field of every row costs
        // more than the rest of the execution (bench/profile-gateway.ts list).
        resolve: (parent: unknown, _args: unknown, ctx: unknown) => {
          const value = resolveMember(parent, member, ctx);
          return value instanceof Promise
            ? value.then((v) => toOutput(target, v))
            : toOutput(target, value);
        },
      });
    }
  }
  return fields;
}

/** The connector a member of a connector union belongs to. */
function connectorTypeField(t: AnyFieldBuilder): AnyRef {
  return t.field({
    type: enumRef('ConnectorType'),
    nullable: false,
    description: 'The connector this member belongs to.',
    resolve: (parent: AnyRef) => connectorTypeOfMember(parent[CONNECTOR]),
  });
}

const structureRef = oncePerShape((name) => {
  const ref = builder.objectRef<unknown>(name);
  const unionMember = unionMemberShapes().has(name);
  ref.implement({
    description: docText(shape(name).documentation),
    fields: (t: AnyFieldBuilder) => {
      const fields = modelFields(t, [name]);
      if (unionMember) fields.connectorType = connectorTypeField(t);
      if (Object.keys(fields).length === 0) {
        fields.present = t.boolean({
          nullable: false,
          description: 'Always true: AppFlow defines no members for this structure.',
          resolve: () => true,
        });
      }
      return fields;
    },
  });
  return ref;
});

let unionMembers: Set<string> | undefined;
/** Structure shapes that appear as members of a connector union. */
function unionMemberShapes(): Set<string> {
  if (!unionMembers) {
    unionMembers = new Set();
    for (const name of Object.keys(model.shapes)) {
      if (model.shapes[name]!.type === 'structure' && isConnectorUnion(name)) {
        for (const ref of Object.values(shape(name).members!)) {
          if (shape(ref.shape).type === 'structure') unionMembers.add(ref.shape);
        }
      }
    }
  }
  return unionMembers;
}

const connectorUnionRef = oncePerShape((name) => {
  const s = shape(name);
  const members = Object.entries(s.members!).map(([member, memberRef]) => {
    const target = shape(memberRef.shape);
    if (target.type === 'structure') return [member, structureRef(memberRef.shape)] as const;
    // Scalar members (e.g. operator enums) get a small wrapper type per connector.
    const wrapper = builder.objectRef<unknown>(`${name}${member}`).implement({
      description: memberDoc(name, member),
      fields: (t: AnyFieldBuilder) => ({
        connectorType: connectorTypeField(t),
        value: t.field({
          type: outputType(memberRef.shape),
          nullable: false,
          description: memberDoc(name, member),
          resolve: (parent: AnyRef) => parent.value,
        }),
      }),
    });
    return [member, wrapper] as const;
  });
  const byMember = new Map(members);
  const typeNames = new Map(
    Object.entries(s.members!).map(([member, r]) => [
      member,
      shape(r.shape).type === 'structure' ? r.shape : `${name}${member}`,
    ]),
  );
  return builder.unionType(name, {
    description: `${docText(s.documentation) ?? name} One member type per connector.`,
    types: [...byMember.values()],
    resolveType: (value: AnyRef) => typeNames.get(value[CONNECTOR])!,
  });
});

const mapEntryRef = oncePerShape((name) => {
  const s = shape(name);
  return builder.objectRef<{ key: string; value: unknown }>(`${name}Entry`).implement({
    description: `One entry of ${name}. ${docText(s.documentation) ?? ''}`.trim(),
    fields: (t: AnyFieldBuilder) => ({
      key: t.field({
        type: outputType(s.key!.shape),
        nullable: false,
        description: docText(shape(s.key!.shape).documentation) ?? 'The key.',
        resolve: (e: AnyRef) => e.key,
      }),
      value: t.field({
        type: outputType(s.value!.shape),
        description: docText(shape(s.value!.shape).documentation) ?? 'The value.',
        nullable: Array.isArray(outputType(s.value!.shape)) ? { list: true, items: false } : true,
        resolve: (e: AnyRef) => e.value,
      }),
    }),
  });
});
