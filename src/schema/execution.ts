/** `Execution`: one run of a flow (DescribeFlowExecutionRecords' ExecutionRecord). */
import type { GatewayContext } from '../context.js';
import type { ExecutionModel } from '../resolvers/models.js';
import { builder } from './builder.js';
import { flowFromDescribe } from './flow.js';
import { modelFields } from './model-types.js';
import { ExecutionRef, FlowRef } from './refs.js';

/** Find a run by id, newest pages first (bounded: runs older than 500 are not looked up). */
export async function findExecution(
  ctx: GatewayContext,
  flowName: string,
  executionId: string,
): Promise<ExecutionModel | null> {
  let token: string | undefined;
  for (let page = 0; page < 5; page++) {
    const { items, nextToken } = await ctx.reader.executions(flowName, token, 100);
    const found = items.find((r) => r.executionId === executionId);
    if (found) return { ...found, flowName, executionId };
    if (!nextToken) return null;
    token = nextToken;
  }
  return null;
}

builder.node(ExecutionRef, {
  description: 'One run of a flow.',
  id: { resolve: (run) => `${run.flowName}/${run.executionId}` },
  loadOne: async (id, ctx) => {
    const slash = id.indexOf('/');
    if (slash < 0) return null;
    return findExecution(ctx, id.slice(0, slash), id.slice(slash + 1)).catch(() => null);
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
