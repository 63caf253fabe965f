/**
 * graphql-config for editors and tools (the VS Code GraphQL extension, graphql-language-service,
 * GraphQL ESLint): which schema each folder of operations is written against, so completion,
 * go-to-definition and validation work, and a fragment defined in one file is known in the
 * others of its project. Both projects use the committed, printed schema (schema.graphql,
 * `npm run schema:print`). test/unit/graphql-config.test.ts loads this file with graphql-config
 * and validates every document of each project against its schema.
 */
import type { IGraphQLConfig } from 'graphql-config';

const config: IGraphQLConfig = {
  projects: {
    // GraphiQL's examples, the README's and the persisted documents (codegen.ts).
    server: {
      schema: 'schema.graphql',
      documents: 'src/operations/**/*.graphql',
    },
    // The dashboard (web/); codegen types them into web/src/gql.
    dashboard: {
      schema: 'schema.graphql',
      documents: 'web/src/operations/**/*.graphql',
    },
  },
};

export default config;
