/**
 * Object refs of the four domain types, declared once so type files can link to each other
 * without import cycles. Each backing model is the AWS SDK's own type (src/services/models.ts).
 */
import type {
  ConnectorModel,
  ConnectorProfileModel,
  ExecutionModel,
  FlowModel,
} from '../services/models.js';
import { builder } from './builder.js';
import { registerDomainType } from './model-types.js';

export const FlowRef = builder.objectRef<FlowModel>('Flow');
export const ConnectorProfileRef = builder.objectRef<ConnectorProfileModel>('ConnectorProfile');
export const ConnectorRef = builder.objectRef<ConnectorModel>('Connector');
export const ExecutionRef = builder.objectRef<ExecutionModel>('Execution');

// Where the model nests these shapes, the graph shows the linked domain type instead.
registerDomainType('FlowDefinition', FlowRef);
registerDomainType('ConnectorProfile', ConnectorProfileRef);
registerDomainType('ExecutionRecord', ExecutionRef);

export const FlowConnection = builder.connectionObject(
  { type: FlowRef, name: 'FlowConnection', description: 'A page of flows.' },
  { name: 'FlowEdge' },
);
export const ExecutionConnection = builder.connectionObject(
  {
    type: ExecutionRef,
    name: 'ExecutionConnection',
    description: 'A page of flow runs, newest first.',
  },
  { name: 'ExecutionEdge' },
);
export const ConnectorProfileConnection = builder.connectionObject(
  {
    type: ConnectorProfileRef,
    name: 'ConnectorProfileConnection',
    description: 'A page of connector profiles.',
  },
  { name: 'ConnectorProfileEdge' },
);
export const ConnectorConnection = builder.connectionObject(
  { type: ConnectorRef, name: 'ConnectorConnection', description: 'A page of connectors.' },
  { name: 'ConnectorEdge' },
);
