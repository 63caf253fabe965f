/**
 * GraphiQL as the gateway serves it: opened on the repo's example operations (the dashboard, a
 * mutation that starts a run, the subscription that follows it), one tab each, instead of the
 * stock welcome text, with the GraphiQL Explorer (`@graphiql/plugin-explorer`, which
 * @graphql-yoga/render-graphiql bundles and enables) to build queries by ticking fields.
 * Everything (scripts, styles, editor workers, the Explorer) is inlined in the page by
 * @graphql-yoga/render-graphiql: no CDN, works offline. (Yoga's built-in renderer would load
 * GraphiQL from unpkg.)
 */
import { readFileSync } from 'node:fs';
import { type DocumentNode, Kind, parse, print } from 'graphql';
import type { GraphiQLOptions, YogaServerOptions } from 'graphql-yoga';
import type { GatewayContext } from '../context.js';
import { fromRoot } from '../paths.js';

/** The example operations GraphiQL opens with: file, operation, variables. */
const TABS: { file: string; operation: string; variables?: Record<string, unknown> }[] = [
  { file: 'readme.graphql', operation: 'Dashboard' },
  {
    file: 'runs.graphql',
    operation: 'StartFlow',
    variables: { flowName: 'salesforce-accounts-to-s3' },
  },
  {
    file: 'runs.graphql',
    operation: 'ExecutionUpdated',
    variables: { flowName: 'salesforce-accounts-to-s3', executionId: '<from StartFlow>' },
  },
];

/** One operation of a document, with the fragments it spreads. */
function operationText(document: DocumentNode, name: string): string {
  const operation = document.definitions.find(
    (d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name,
  );
  if (!operation) throw new Error(`src/operations has no operation ${name} for GraphiQL`);
  const fragments = document.definitions.filter(
    (d) =>
      d.kind === Kind.FRAGMENT_DEFINITION &&
      new RegExp(`\\.\\.\\.${d.name.value}\\b`).test(print(operation)),
  );
  return [operation, ...fragments].map((d) => print(d)).join('\n\n');
}

/** GraphiQL's tabs, read from src/operations (the same documents codegen types). */
export function exampleTabs(): NonNullable<GraphiQLOptions['defaultTabs']> {
  const documents = new Map<string, DocumentNode>();
  return TABS.map(({ file, operation, variables }) => {
    let document = documents.get(file);
    if (!document) {
      document = parse(readFileSync(fromRoot('src', 'operations', file), 'utf8'));
      documents.set(file, document);
    }
    return {
      query: operationText(document, operation),
      variables: variables ? JSON.stringify(variables, null, 2) : null,
    };
  });
}

type GraphiQLYogaOptions = Pick<
  YogaServerOptions<Record<string, unknown>, GatewayContext>,
  'graphiql' | 'renderGraphiQL'
>;

export function graphiqlOptions(enabled: boolean): GraphiQLYogaOptions {
  if (!enabled) return { graphiql: false };
  const defaultTabs = exampleTabs();
  return {
    graphiql: { title: 'appflow-gateway', subscriptionsProtocol: 'WS', defaultTabs },
    // Loaded on the first GraphiQL page, not at start-up (the assets are ~9 MB of source).
    renderGraphiQL: async (options) =>
      (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
  };
}
