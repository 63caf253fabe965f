/** Mutations of flows: create, update, delete, start, stop, cancel runs. */

import { ExecutionRef, FlowRef } from '../refs.js';
import { defineMutation } from './define.js';

const freshFlow = {
  flow: {
    type: FlowRef,
    description: 'The flow as AppFlow describes it now (read fresh after the change).',
  },
};

export const createFlowMutation = defineMutation({
  operation: 'CreateFlow',
  description:
    'Create a flow (CreateFlow). It starts as Active for on-demand flows and Draft/Suspended for others until startFlow.',
  successDescription: 'The flow was created.',
  success: freshFlow,
});

export const updateFlowMutation = defineMutation({
  operation: 'UpdateFlow',
  description:
    'Replace the definition of a flow (UpdateFlow). Its destination connector types cannot change.',
  successDescription: 'The flow was updated.',
  success: freshFlow,
});

defineMutation({
  operation: 'DeleteFlow',
  description: 'Delete a flow (DeleteFlow). A running flow needs forceDelete.',
  admin: true,
  successDescription: 'The flow was deleted.',
  success: {
    deletedFlowName: {
      type: 'String',
      nullable: false,
      description: 'The name of the deleted flow.',
    },
  },
});

const flowNow = { type: FlowRef, description: 'The flow, fresh from AppFlow.' };

defineMutation({
  operation: 'StartFlow',
  description:
    'Run an on-demand flow now (the new run is `execution`), or activate a scheduled or event-triggered flow (no `execution`).',
  successDescription: 'The flow was started or activated.',
  success: {
    flow: flowNow,
    execution: {
      type: ExecutionRef,
      description: 'The run StartFlow began (on-demand flows only).',
    },
  },
});

defineMutation({
  operation: 'StopFlow',
  description:
    'Deactivate a scheduled or event-triggered flow (StopFlow). On-demand flows cannot be stopped (UnsupportedOperationError).',
  successDescription: 'The flow was deactivated.',
  success: freshFlow,
});

defineMutation({
  operation: 'CancelFlowExecutions',
  description:
    'Cancel runs of a flow that are in progress (CancelFlowExecutions); without executionIds, every active run.',
  successDescription: 'Cancellation started (runs go CancelStarted, then Canceled).',
  success: {
    flow: flowNow,
    cancelledExecutions: {
      type: [ExecutionRef],
      nullable: false,
      description: 'The runs whose cancellation started.',
    },
    invalidExecutions: {
      type: [ExecutionRef],
      nullable: false,
      description: 'Runs that could not be cancelled (not in progress), where they exist.',
    },
    invalidExecutionIds: {
      type: ['String'],
      nullable: false,
      description: 'Ids AppFlow could not cancel (not in progress or unknown).',
    },
  },
});
