/** Mutations of flows: create, update, delete, start, stop, cancel runs. */

import type { ExecutionModel, FlowModel } from '../../services/models.js';
import * as m from '../../services/mutations.js';
import { ExecutionRef, FlowRef } from '../refs.js';
import { defineMutation, type SuccessFieldBuilder } from './define.js';
import {
  ConflictError,
  ConnectorAuthenticationError,
  ConnectorServerError,
  NotFoundError,
  QuotaExceededError,
  UnsupportedOperationError,
  ValidationError,
} from './errors.js';

type FlowPayload = { flow: FlowModel | null };

const flowField = {
  success: (t: SuccessFieldBuilder<FlowPayload>) => ({
    flow: t.field({
      type: FlowRef,
      description: 'The flow as AppFlow describes it now (read fresh after the change).',
      resolve: (p) => p.flow,
    }),
  }),
};

defineMutation<FlowPayload>({
  field: 'createFlow',
  requestShape: 'CreateFlowRequest',
  description:
    'Create a flow (CreateFlow). It starts as Active for on-demand flows and Draft/Suspended for others until startFlow.',
  idempotent: true,
  errors: [
    ValidationError,
    ConflictError,
    NotFoundError,
    QuotaExceededError,
    ConnectorAuthenticationError,
    ConnectorServerError,
  ],
  successDescription: 'The flow was created.',
  ...flowField,
  run: m.createFlow,
});

defineMutation<FlowPayload>({
  field: 'updateFlow',
  requestShape: 'UpdateFlowRequest',
  description:
    'Replace the definition of a flow (UpdateFlow). Its destination connector types cannot change.',
  idempotent: true,
  errors: [
    ValidationError,
    NotFoundError,
    ConflictError,
    QuotaExceededError,
    ConnectorAuthenticationError,
    ConnectorServerError,
  ],
  successDescription: 'The flow was updated.',
  ...flowField,
  run: m.updateFlow,
});

defineMutation<{ deletedFlowName: string }>({
  field: 'deleteFlow',
  requestShape: 'DeleteFlowRequest',
  description: 'Delete a flow (DeleteFlow). A running flow needs forceDelete.',
  admin: true,
  errors: [ValidationError, NotFoundError, ConflictError],
  successDescription: 'The flow was deleted.',
  success: (t) => ({
    deletedFlowName: t.exposeString('deletedFlowName', {
      nullable: false,
      description: 'The name of the deleted flow.',
    }),
  }),
  run: m.deleteFlow,
});

defineMutation<{ flow: FlowModel | null; execution: ExecutionModel | null }>({
  field: 'startFlow',
  requestShape: 'StartFlowRequest',
  description:
    'Run an on-demand flow now (the new run is `execution`), or activate a scheduled or event-triggered flow (no `execution`).',
  idempotent: true,
  errors: [ValidationError, NotFoundError, ConflictError, QuotaExceededError],
  successDescription: 'The flow was started or activated.',
  success: (t) => ({
    flow: t.field({
      type: FlowRef,
      description: 'The flow, fresh from AppFlow.',
      resolve: (p) => p.flow,
    }),
    execution: t.field({
      type: ExecutionRef,
      description: 'The run StartFlow began (on-demand flows only).',
      resolve: (p) => p.execution,
    }),
  }),
  run: m.startFlow,
});

defineMutation<FlowPayload>({
  field: 'stopFlow',
  requestShape: 'StopFlowRequest',
  description:
    'Deactivate a scheduled or event-triggered flow (StopFlow). On-demand flows cannot be stopped (UnsupportedOperationError).',
  errors: [ValidationError, NotFoundError, ConflictError, UnsupportedOperationError],
  successDescription: 'The flow was deactivated.',
  ...flowField,
  run: m.stopFlow,
});

defineMutation<{
  flow: FlowModel | null;
  cancelledExecutions: ExecutionModel[];
  invalidExecutions: ExecutionModel[];
  invalidExecutionIds: string[];
}>({
  field: 'cancelFlowExecutions',
  requestShape: 'CancelFlowExecutionsRequest',
  description:
    'Cancel runs of a flow that are in progress (CancelFlowExecutions); without executionIds, every active run.',
  errors: [ValidationError, NotFoundError],
  successDescription: 'Cancellation started (runs go CancelStarted, then Canceled).',
  success: (t) => ({
    flow: t.field({
      type: FlowRef,
      description: 'The flow, fresh from AppFlow.',
      resolve: (p) => p.flow,
    }),
    cancelledExecutions: t.field({
      type: [ExecutionRef],
      nullable: false,
      description: 'The runs whose cancellation started.',
      resolve: (p) => p.cancelledExecutions,
    }),
    invalidExecutions: t.field({
      type: [ExecutionRef],
      nullable: false,
      description: 'Runs that could not be cancelled (not in progress), where they exist.',
      resolve: (p) => p.invalidExecutions,
    }),
    invalidExecutionIds: t.stringList({
      nullable: false,
      description: 'Ids AppFlow could not cancel (not in progress or unknown).',
      resolve: (p) => p.invalidExecutionIds,
    }),
  }),
  run: m.cancelFlowExecutions,
});
