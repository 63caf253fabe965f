/**
 * Fresh reads of what a mutation changed (mutate forgot it first: never from the cache), each
 * primed in the request's loaders so the payload's linked fields make no second call.
 */
import type DataLoader from 'dataloader';
import {
  type ConnectorModel,
  type ConnectorProfileModel,
  connectorKey,
  connectorModel,
  type ExecutionModel,
  executionFromRecord,
  type FlowModel,
  flowFromDescribe,
  profileModel,
} from '../models.js';
import type { Change, MutationDeps } from './mutate.js';

async function primed<V extends object, M>(
  loader: DataLoader<string, V | null>,
  key: string,
  read: Promise<V | null | undefined>,
  model: (value: V) => M,
): Promise<M | null> {
  const value = await read;
  if (!value) return null;
  loader.prime(key, value);
  return model(value);
}

export function freshFlow({ reader, loaders }: MutationDeps, name: string) {
  return primed(loaders.flow, name, reader.flows.describe(name), flowFromDescribe);
}

export function freshProfile({ reader, loaders }: MutationDeps, name: string) {
  const read = reader.profiles.byNames([name]).then(([profile]) => profile);
  return primed(loaders.profile, name, read, profileModel);
}

export function freshCustomConnector({ reader, loaders }: MutationDeps, label: string) {
  const key = connectorKey('CustomConnector', label);
  return primed(loaders.connector, key, reader.connectors.custom(label), (configuration) =>
    connectorModel('CustomConnector', label, { configuration }),
  );
}

/** Runs of a flow by id, read fresh (among the newest 100). */
export async function freshRuns(
  { reader }: MutationDeps,
  flowName: string,
  ids: readonly string[],
): Promise<Map<string, ExecutionModel>> {
  const page = await reader.flows.runs(flowName, undefined, 100);
  const found = new Map<string, ExecutionModel>();
  for (const r of page.items) {
    if (r.executionId && ids.includes(r.executionId)) {
      found.set(r.executionId, executionFromRecord(flowName, r));
    }
  }
  return found;
}

/**
 * The run StartFlow just began. AppFlow's run records are eventually consistent: one StartFlow
 * reported may not be listed yet; it is then reported as the in-progress run it is.
 */
export async function freshStartedRun(
  deps: MutationDeps,
  flowName: string,
  executionId: string,
): Promise<ExecutionModel> {
  const runs = await freshRuns(deps, flowName, [executionId]);
  return (
    runs.get(executionId) ??
    executionFromRecord(flowName, { executionId, executionStatus: 'InProgress' })
  );
}

/** What a resource's payload holds after a change, and after its deletion. */
export interface ResourcePayloads {
  flow: { payload: { flow: FlowModel | null }; deleted: { deletedFlowName: string } };
  profile: {
    payload: { connectorProfile: ConnectorProfileModel | null };
    deleted: { deletedConnectorProfileName: string };
  };
  customConnector: {
    payload: { connector: ConnectorModel | null };
    deleted: { unregisteredConnectorLabel: string };
  };
}
export type ResourceKind = keyof ResourcePayloads;

/** Per kind of resource: what a change of it is, and the payload after it. */
export const RESOURCES: {
  [K in ResourceKind]: {
    change(name: string): Change;
    read(deps: MutationDeps, name: string): Promise<ResourcePayloads[K]['payload']>;
    deleted(name: string): ResourcePayloads[K]['deleted'];
  };
} = {
  flow: {
    change: (name) => ({ kind: 'flow', name }),
    read: async (deps, name) => ({ flow: await freshFlow(deps, name) }),
    deleted: (name) => ({ deletedFlowName: name }),
  },
  profile: {
    change: (name) => ({ kind: 'profile', name }),
    read: async (deps, name) => ({ connectorProfile: await freshProfile(deps, name) }),
    deleted: (name) => ({ deletedConnectorProfileName: name }),
  },
  customConnector: {
    change: (label) => ({ kind: 'customConnector', label }),
    read: async (deps, label) => ({ connector: await freshCustomConnector(deps, label) }),
    deleted: (label) => ({ unregisteredConnectorLabel: label }),
  },
};
