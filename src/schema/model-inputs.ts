/**
 * GraphQL input types generated from the AppFlow model, the input-side mirror of
 * model-types.ts: every structure becomes `${Shape}Input`, enums reuse the output enums, maps
 * become lists of `{key, value}` entries, timestamps are DateTime, required members are
 * non-null, and the "one member per connector" structures become `@oneOf` inputs with one
 * member per connector. Sensitive members (credentials) exist here, and only here.
 *
 * `fromInput` turns a GraphQL input value back into the AWS-shaped request
 * (src/services/prevalidate.ts maps validation paths in that request back to input paths).
 */
import type { InputFieldBuilder } from '@pothos/core';
import { isConnectorUnion } from '../model/connectors.js';
import { docText, memberDoc, shape } from '../model/model.js';
import { builder } from './builder.js';
import { oncePerShape, type ShapeRefs, typeOfShape } from './model-types.js';

// biome-ignore lint/suspicious/noExplicitAny: generated types are untyped by nature.
type AnyRef = any;
// biome-ignore lint/suspicious/noExplicitAny: generated field builders accept any input.
type AnyInputFieldBuilder = InputFieldBuilder<any, 'InputObject'>;

/** Field of an input type for a structure that AppFlow defines without members. */
export const EMPTY_STRUCTURE_FIELD = 'present';

const INPUT_REFS: ShapeRefs = {
  side: 'input',
  map: (name) => mapEntryInputRef(name),
  structure: (name) => structureInputRef(name),
};

/** The Pothos input type parameter for a shape (list types as `[T]`). */
export function inputType(name: string): AnyRef {
  return typeOfShape(name, INPUT_REFS);
}

/** Is the member required by the model (and so non-null in GraphQL)? */
function isRequired(structure: string, member: string): boolean {
  return shape(structure).required?.includes(member) ?? false;
}

function fieldOptions(type: AnyRef, required: boolean, description: string | undefined) {
  return {
    type,
    // Lists: items are never null; the list itself only when the member is required.
    required: Array.isArray(type) ? { list: required, items: true } : required,
    description,
  };
}

/**
 * Input fields for the members of a structure. Connector unions (`@oneOf`) make every member
 * optional, since exactly one is given.
 */
export function inputFields(
  t: AnyInputFieldBuilder,
  structure: string,
  options: { exclude?: string[]; oneOf?: boolean } = {},
): Record<string, AnyRef> {
  const fields: Record<string, AnyRef> = {};
  for (const [member, ref] of Object.entries(shape(structure).members ?? {})) {
    if (options.exclude?.includes(member)) continue;
    const type = inputType(ref.shape);
    const required = !options.oneOf && isRequired(structure, member);
    fields[member] = t.field({
      ...fieldOptions(type, required, memberDoc(structure, member)),
      deprecationReason:
        ref.deprecated && !required
          ? (ref.deprecatedMessage ?? 'Deprecated by AppFlow.')
          : undefined,
    });
  }
  if (Object.keys(fields).length === 0) {
    fields[EMPTY_STRUCTURE_FIELD] = t.boolean({
      description: 'Ignored: AppFlow defines no members for this structure; pass `{}`.',
    });
  }
  return fields;
}

const structureInputRef = oncePerShape((name) => {
  const oneOf = isConnectorUnion(name);
  const description = docText(shape(name).documentation);
  return builder.inputType(`${name}Input`, {
    description: oneOf
      ? `${description ?? name} Exactly one member, the one of the connector in use.`
      : description,
    isOneOf: oneOf,
    fields: (t: AnyInputFieldBuilder) => inputFields(t, name, { oneOf }),
  } as AnyRef);
});

const mapEntryInputRef = oncePerShape((name) => {
  const s = shape(name);
  return builder.inputType(`${name}EntryInput`, {
    description: `One entry of ${name}. ${docText(s.documentation) ?? ''}`.trim(),
    fields: (t: AnyInputFieldBuilder) => ({
      key: t.field(
        fieldOptions(
          inputType(s.key!.shape),
          true,
          docText(shape(s.key!.shape).documentation) ?? 'The key.',
        ),
      ),
      value: t.field(
        fieldOptions(
          inputType(s.value!.shape),
          true,
          docText(shape(s.value!.shape).documentation) ?? 'The value.',
        ),
      ),
    }),
  } as AnyRef);
});

/**
 * An input type for the request of an operation: the request shape's members (without the
 * `exclude`d ones, e.g. `clientToken`) plus `extra` fields such as `idempotencyKey`.
 */
export function requestInputType(
  typeName: string,
  requestShape: string,
  options: {
    description: string;
    exclude?: string[];
    required?: string[];
    extra?: (t: AnyInputFieldBuilder) => Record<string, AnyRef>;
  },
): AnyRef {
  return builder.inputType(typeName, {
    description: options.description,
    fields: (t: AnyInputFieldBuilder) => {
      const fields = inputFields(t, requestShape, { exclude: options.exclude });
      // Members AppFlow needs but its model leaves optional (e.g. RegisterConnector's label).
      for (const member of options.required ?? []) {
        const ref = shape(requestShape).members![member]!;
        fields[member] = t.field(
          fieldOptions(inputType(ref.shape), true, memberDoc(requestShape, member)),
        );
      }
      return { ...fields, ...options.extra?.(t) };
    },
  } as AnyRef);
}

/**
 * A GraphQL input value -> the AWS-shaped value of `shapeName`: nulls dropped, map entries back
 * to objects, DateTime kept as Date (the SDK serializes it), empty-structure markers removed.
 */
export function fromInput(shapeName: string, value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  const s = shape(shapeName);
  switch (s.type) {
    case 'list':
      return (value as unknown[]).map((v) => fromInput(s.member!.shape, v));
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const entry of value as { key: string; value: unknown }[]) {
        // An own property whatever the key: `out['__proto__'] = v` would set the prototype.
        Object.defineProperty(out, entry.key, {
          value: fromInput(s.value!.shape, entry.value),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const [member, v] of Object.entries(value as Record<string, unknown>)) {
        const ref = s.members?.[member];
        if (!ref) continue;
        const converted = fromInput(ref.shape, v);
        if (converted !== undefined) out[member] = converted;
      }
      return out;
    }
    default:
      return value;
  }
}
