/**
 * Every AppFlow lifecycle operation the graph offers. Those that change one named flow, profile
 * or custom connector are a row of TABLE: send the request, then read what it names fresh (or
 * name what it deleted). The few whose payload holds more are written out below it.
 */
import {
  CancelFlowExecutionsCommand,
  CreateConnectorProfileCommand,
  CreateFlowCommand,
  DeleteConnectorProfileCommand,
  DeleteFlowCommand,
  RegisterConnectorCommand,
  ResetConnectorMetadataCacheCommand,
  StartFlowCommand,
  StopFlowCommand,
  TagResourceCommand,
  UnregisterConnectorCommand,
  UntagResourceCommand,
  UpdateConnectorProfileCommand,
  UpdateConnectorRegistrationCommand,
  UpdateFlowCommand,
} from '@aws-sdk/client-appflow';
import { connectorKey, connectorModel, flowFromAnswer, startedRunModel } from '../models.js';
import { isNotFound } from '../reader/index.js';
import {
  type CredentialsHint,
  flowCredentialsHint,
  NotFoundError,
  requestCredentialsHint,
} from './errors.js';
import {
  freshProfile,
  freshRuns,
  lazily,
  RESOURCES,
  type ResourceKind,
  type ResourcePayloads,
} from './fresh.js';
import { type Change, type CommandClass, type Input, type MutationDeps, mutate } from './mutate.js';
import { prevalidate, type Request } from './prevalidate.js';

/** One operation: the GraphQL input and the AWS request it converts to -> the payload. */
type Operation<P> = (deps: MutationDeps, input: Input, request: Request) => Promise<P>;

interface TableEntry {
  command: CommandClass;
  resource: ResourceKind;
  /** The request member that names the resource. */
  key: string;
  /** The resource is gone afterwards: the payload names it instead of reading it. */
  deletes?: true;
  /** Where the credentials are, should a connector reject them. */
  credentials?: (request: Request) => CredentialsHint;
  /** The payload holds more than the resource: the operation is written out below. */
  ownPayload?: true;
}

const TABLE = {
  CreateConnectorProfile: {
    command: CreateConnectorProfileCommand,
    resource: 'profile',
    key: 'connectorProfileName',
    credentials: requestCredentialsHint,
  },
  UpdateConnectorProfile: {
    command: UpdateConnectorProfileCommand,
    resource: 'profile',
    key: 'connectorProfileName',
    credentials: requestCredentialsHint,
  },
  DeleteConnectorProfile: {
    command: DeleteConnectorProfileCommand,
    resource: 'profile',
    key: 'connectorProfileName',
    deletes: true,
  },
  CreateFlow: {
    command: CreateFlowCommand,
    resource: 'flow',
    key: 'flowName',
    credentials: flowCredentialsHint,
  },
  UpdateFlow: {
    command: UpdateFlowCommand,
    resource: 'flow',
    key: 'flowName',
    credentials: flowCredentialsHint,
  },
  DeleteFlow: { command: DeleteFlowCommand, resource: 'flow', key: 'flowName', deletes: true },
  StopFlow: { command: StopFlowCommand, resource: 'flow', key: 'flowName' },
  StartFlow: { command: StartFlowCommand, resource: 'flow', key: 'flowName', ownPayload: true },
  CancelFlowExecutions: {
    command: CancelFlowExecutionsCommand,
    resource: 'flow',
    key: 'flowName',
    ownPayload: true,
  },
  RegisterConnector: {
    command: RegisterConnectorCommand,
    resource: 'customConnector',
    key: 'connectorLabel',
  },
  UpdateConnectorRegistration: {
    command: UpdateConnectorRegistrationCommand,
    resource: 'customConnector',
    key: 'connectorLabel',
  },
  UnregisterConnector: {
    command: UnregisterConnectorCommand,
    resource: 'customConnector',
    key: 'connectorLabel',
    deletes: true,
  },
} as const satisfies Record<string, TableEntry>;

type Table = typeof TABLE;
type TablePayload<E extends TableEntry> = E extends { deletes: true }
  ? ResourcePayloads[E['resource']]['deleted']
  : ResourcePayloads[E['resource']]['payload'];

/** Send the request of a table operation through the shared step. */
function send(deps: MutationDeps, operation: keyof Table, input: Input, request: Request) {
  const entry: TableEntry = TABLE[operation];
  return mutate(deps, {
    operation,
    input,
    request,
    command: entry.command,
    changes: [RESOURCES[entry.resource].change(request[entry.key] as string)],
    credentials: entry.credentials?.(request),
  });
}

function tableOperation(operation: keyof Table): Operation<unknown> {
  const entry: TableEntry = TABLE[operation];
  const resource = RESOURCES[entry.resource];
  return async (deps, input, request) => {
    const answer = await send(deps, operation, input, request);
    const name = request[entry.key] as string;
    return entry.deletes ? resource.deleted(name) : resource.read(deps, name, answer);
  };
}

type TableOperations = {
  [O in keyof Table as Table[O] extends { ownPayload: true } ? never : O]: Operation<
    TablePayload<Table[O]>
  >;
};

const tableOperations = Object.fromEntries(
  (Object.keys(TABLE) as (keyof Table)[])
    .filter((operation) => !(TABLE[operation] as TableEntry).ownPayload)
    .map((operation) => [operation, tableOperation(operation)]),
) as TableOperations;

// ---------------------------------------------------------------------------------------------
// The operations that do more than the table

/**
 * One AppFlow call when the selection needs only StartFlow's answer (executionId, flowStatus,
 * flowArn); DescribeFlow and the run's record, when selected, are read side by side after it
 * (src/resolvers/flow.ts: flowMember, executionMember).
 */
async function startFlow(deps: MutationDeps, input: Input, request: Request) {
  const name = request.flowName as string;
  const answer = await send(deps, 'StartFlow', input, request);
  const executionId = answer.executionId as string | undefined;
  return {
    flow: flowFromAnswer(name, answer),
    // Scheduled and event-triggered flows are only activated: no run.
    execution: executionId ? startedRunModel(name, executionId) : null,
  };
}

async function cancelFlowExecutions(deps: MutationDeps, input: Input, request: Request) {
  const name = request.flowName as string;
  const requested = request.executionIds as string[] | undefined;
  // Without ids AppFlow cancels every active run: note which those are, to report them.
  let before: string[] = [];
  if (!requested?.length && prevalidate('CancelFlowExecutions', request, input).length === 0) {
    const page = await deps.reader.flows.runs(name, undefined, 100).catch(() => null);
    before = (page?.items ?? [])
      .filter((r) => r.executionStatus === 'InProgress')
      .map((r) => r.executionId!)
      .filter(Boolean);
  }
  const result = await send(deps, 'CancelFlowExecutions', input, request);
  const invalidIds = (result.invalidExecutions as string[] | undefined) ?? [];
  const cancelledIds = (requested?.length ? requested : before).filter(
    (id) => !invalidIds.includes(id),
  );
  // The flow and the runs are read only when selected, side by side, the runs once for both lists.
  let runs: ReturnType<typeof freshRuns> | undefined;
  const known = async (ids: string[]) => {
    runs ??= freshRuns(deps, name, [...cancelledIds, ...invalidIds]);
    const byId = await runs;
    return ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
  };
  return lazily(
    { flow: flowFromAnswer(name), invalidExecutionIds: invalidIds },
    {
      cancelledExecutions: () => known(cancelledIds),
      invalidExecutions: () => known(invalidIds),
    },
  );
}

/** The flow or connector profile an AppFlow ARN names (`...:flow/<name>`). */
export function resourceOfArn(
  arn: string,
): { kind: 'flow' | 'connectorprofile'; name: string } | null {
  const m = /:(flow|connectorprofile)\/(.+)$/.exec(arn);
  return m ? { kind: m[1] as 'flow' | 'connectorprofile', name: m[2]! } : null;
}

/** TagResource and UntagResource: the tags afterwards, and the flow or profile tagged. */
function tagging(operation: 'TagResource' | 'UntagResource', command: CommandClass) {
  return async (deps: MutationDeps, input: Input, request: Request) => {
    const resourceArn = request.resourceArn as string;
    const resource = resourceOfArn(resourceArn);
    const changes: Change[] = [{ kind: 'tags' }];
    if (resource?.kind === 'flow') changes.push({ kind: 'flow', name: resource.name });
    if (resource?.kind === 'connectorprofile') {
      changes.push({ kind: 'profile', name: resource.name });
    }
    await mutate(deps, { operation, input, request, command, changes });
    const tags = await deps.reader.tags.of(resourceArn).catch((error) => {
      // Tagged, then gone before its tags could be read.
      throw isNotFound(error) ? new NotFoundError((error as Error).message) : error;
    });
    return lazily(
      { resourceArn, tags, flow: resource?.kind === 'flow' ? flowFromAnswer(resource.name) : null },
      {
        connectorProfile: async () =>
          resource?.kind === 'connectorprofile' ? freshProfile(deps, resource.name) : null,
      },
    );
  };
}

async function resetConnectorMetadataCache(deps: MutationDeps, input: Input, request: Request) {
  const profileName = request.connectorProfileName as string | undefined;
  await mutate(deps, {
    operation: 'ResetConnectorMetadataCache',
    input,
    request,
    command: ResetConnectorMetadataCacheCommand,
    changes: profileName ? [{ kind: 'profile', name: profileName }] : [],
  });
  const profile = profileName ? await freshProfile(deps, profileName) : null;
  // The connector type is the request's, or that of the profile whose cache was reset.
  const type = (request.connectorType as string | undefined) ?? profile?.connectorType;
  if (!type) {
    await deps.reader.connectors.invalidateEntities();
    return { connector: null, connectorProfile: profile };
  }
  deps.loaders.connector.clear(connectorKey(type, profile?.connectorLabel));
  await deps.reader.connectors.invalidate(type, profile?.connectorLabel);
  return { connector: connectorModel(type, profile?.connectorLabel), connectorProfile: profile };
}

export const OPERATIONS = {
  ...tableOperations,
  StartFlow: startFlow,
  CancelFlowExecutions: cancelFlowExecutions,
  TagResource: tagging('TagResource', TagResourceCommand),
  UntagResource: tagging('UntagResource', UntagResourceCommand),
  ResetConnectorMetadataCache: resetConnectorMetadataCache,
};

export type MutationName = keyof typeof OPERATIONS;
export type MutationPayload<O extends MutationName> = Awaited<ReturnType<(typeof OPERATIONS)[O]>>;
