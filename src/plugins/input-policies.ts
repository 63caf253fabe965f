/**
 * Validation-stage policies of the one pipeline (src/plugins/pipeline.ts), as envelop hooks
 * so every transport gets them: introspection off, no field suggestions, a nesting bound
 * before graphql-js' recursive parser, and codes for client-input errors that lack one.
 */
import { GraphQLError, NoSchemaIntrospectionCustomRule, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Introspection refused on every transport (the stock plugin keyed it by HTTP request), and so
 * is a federation subgraph's `_service { sdl }`, which is the whole schema too.
 */
export function useNoIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
      addValidationRule(noServiceSdl);
    },
  };
}

const noServiceSdl: ValidationRule = (context) => ({
  Field(node) {
    if (
      node.name.value === '_service' &&
      context.getParentType() === context.getSchema().getQueryType()
    ) {
      context.reportError(
        new GraphQLError(
          'GraphQL introspection has been disabled, but the requested query contained the field "_service".',
          { nodes: node },
        ),
      );
    }
  },
});

/** Deepest nesting of `{`, `[` and `(` a document may have (graphql-js parses recursively). */
export const MAX_NESTING = 128;

/** How deep `{`, `[` and `(` nest in a document, strings and comments skipped. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      // Block strings and strings: skip to the closing quote (escapes included).
      const block = text.startsWith('"""', i);
      const end = block ? text.indexOf('"""', i + 3) : -1;
      if (block) {
        i = end < 0 ? text.length : end + 2;
        continue;
      }
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) {
        if (text.charCodeAt(i) === 92 /* \ */) i++;
      }
    } else if (c === 35 /* # */) {
      while (i < text.length && text.charCodeAt(i) !== 10) i++;
    } else if (c === 123 || c === 91 || c === 40) {
      if (++depth > max) max = depth;
    } else if (c === 125 || c === 93 || c === 41) {
      depth--;
    }
  }
  return max;
}

/**
 * A document nested deeper than MAX_NESTING (a list literal 2,000 deep) is refused before
 * graphql-js parses it: its recursive parser would overflow the stack (an HTTP 500).
 */
export function useNestingLimit(max = MAX_NESTING): Plugin {
  return {
    onParse({ params }) {
      const text = typeof params.source === 'string' ? params.source : params.source.body;
      if (nestingDepth(text) > max) {
        throw new GraphQLError(`The document nests deeper than ${max} levels.`, {
          extensions: { code: 'QUERY_TOO_DEEP', http: { status: 400 } },
        });
      }
    },
  };
}

const SUGGESTION = / ?Did you mean [^?]*\?/g;

/**
 * No "Did you mean ...?" in any message (validation and variable coercion alike) when
 * introspection is off: suggestions would reveal the schema field by field.
 */
export function useNoSuggestions(): Plugin {
  const strip = (errors: readonly GraphQLError[] | undefined) => {
    for (const e of errors ?? []) {
      if (e.message.includes('Did you mean')) e.message = e.message.replace(SUGGESTION, '');
    }
  };
  return {
    onValidate() {
      return ({ result }) => strip(result as readonly GraphQLError[]);
    },
    onExecute() {
      return {
        onExecuteDone: ({ result }) => strip((result as { errors?: GraphQLError[] }).errors),
      };
    },
    onSubscribe() {
      return {
        onSubscribeResult: ({ result }) => strip((result as { errors?: GraphQLError[] }).errors),
      };
    },
  };
}

/**
 * Errors graphql-js and Pothos raise for client input without a code (`node(id:)` with an id
 * that does not decode, or names no type of this schema) answer BAD_USER_INPUT, on every
 * transport; the message does not repeat the id.
 */
export function useCodedInputErrors(): Plugin {
  const fix = (result: unknown, setResult: (r: never) => void) => {
    const errors = (result as { errors?: readonly GraphQLError[] } | null)?.errors;
    if (!errors?.some(isNodeIdError)) return;
    setResult({
      ...(result as object),
      errors: errors.map((e) =>
        isNodeIdError(e)
          ? new GraphQLError('Invalid node id.', {
              nodes: e.nodes,
              source: e.source,
              positions: e.positions,
              path: e.path,
              extensions: { code: 'BAD_USER_INPUT' },
            })
          : e,
      ),
    } as never);
  };
  return {
    onExecute() {
      return { onExecuteDone: ({ result, setResult }) => fix(result, setResult) };
    },
    onSubscribe() {
      return { onSubscribeResult: ({ result, setResult }) => fix(result, setResult) };
    },
  };
}

function isNodeIdError(e: GraphQLError): boolean {
  return (
    !e.extensions?.code &&
    /^Invalid global ID|has not been implemented$|^Invalid ID|^Unknown global ID/.test(e.message)
  );
}
