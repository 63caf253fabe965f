/** `Execution`: one run of a flow (DescribeFlowExecutionRecords' ExecutionRecord). */
import { executionById, executionId, executionMember, flowByName } from '../resolvers/flow.js';
import { builder } from './builder.js';
import { modelFields } from './model-types.js';
import { ExecutionRef, FlowRef } from './refs.js';

builder.node(ExecutionRef, {
  // Reading it needs `read` wherever it is selected, a mutation's result included.
  authScopes: { read: true },
  description: 'One run of a flow.',
  id: { resolve: executionId },
  loadOne: (id, ctx) => executionById(ctx, id),
  fields: (t) => ({
    ...modelFields(t, ['ExecutionRecord'], {
      resolveMember: (run, member, ctx) => executionMember(ctx, run, member),
    }),
    flowName: t.exposeString('flowName', {
      nullable: false,
      description: 'The name of the flow this run belongs to.',
    }),
    flow: t.field({
      type: FlowRef,
      description: 'The flow this run belongs to.',
      resolve: (run, _args, ctx) => flowByName(ctx, run.flowName),
    }),
  }),
});
