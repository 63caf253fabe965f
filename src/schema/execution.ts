/** `Execution`: one run of a flow (DescribeFlowExecutionRecords' ExecutionRecord). */
import type { ExecutionModel } from '../services/models.js';
import { builder } from './builder.js';
import { executionFromRecord, flowFromDescribe } from './flow.js';
import { modelFields } from './model-types.js';
import { ExecutionRef, FlowRef } from './refs.js';

builder.node(ExecutionRef, {
  description: 'One run of a flow.',
  id: { resolve: (run) => `${run.flowName}/${run.executionId}` },
  loadOne: async (id, ctx) => {
    const slash = id.indexOf('/');
    if (slash < 0) return null;
    const flowName = id.slice(0, slash);
    const run = await ctx.reader.findExecution(flowName, id.slice(slash + 1)).catch(() => null);
    return run ? executionFromRecord(flowName, run) : null;
  },
  fields: (t) => ({
    ...modelFields(t, ['ExecutionRecord']),
    flowName: t.exposeString('flowName', {
      nullable: false,
      description: 'The name of the flow this run belongs to.',
    }),
    flow: t.field({
      type: FlowRef,
      description: 'The flow this run belongs to.',
      resolve: async (run, _args, ctx) => {
        const flow = await ctx.loaders.flow.load(run.flowName);
        return flow ? flowFromDescribe(flow) : null;
      },
    }),
  }),
});
