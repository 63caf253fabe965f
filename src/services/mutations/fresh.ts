/**
 * What a mutation's payload holds: what AppFlow's answer said, and fresh reads of what it
 * changed (mutate forgot it first: never from the cache), each made only when a field selects
 * it (`lazily`), side by side, and primed in the request's loaders so the payload's linked
 * fields make no second call. A flow is the write's answer (flowFromAnswer): DescribeFlow only
 * when a member it lacks is selected.
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
  flowFromAnswer,
  profileModel,
} from '../models.js';
import type { Change, MutationDeps, Output } from './mutate.js';

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

/** Read only when selected, once. */
export type Lazy<T> = () => Promise<T>;

/**
 * A payload whose `reads` run only when a field selects them (on first access of the member,
 * which GraphQL makes for sibling fields together: they run side by side, not in turn), once.
 */
export function lazily<B extends object, R extends Record<string, Lazy<unknown>>>(
  base: B,
  reads: R,
): B & { [K in keyof R]: ReturnType<R[K]> } {
  const payload = { ...base } as Record<string, unknown>;
  for (const [member, read] of Object.entries(reads)) {
    let value: Promise<unknown> | undefined;
    Object.defineProperty(payload, member, { enumerable: true, get: () => (value ??= read()) });
  }
  return payload as B & { [K in keyof R]: ReturnType<R[K]> };
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

/** What a resource's payload holds after a change, and after its deletion. */
export interface ResourcePayloads {
  flow: { payload: { flow: FlowModel }; deleted: { deletedFlowName: string } };
  profile: {
    payload: { connectorProfile: Promise<ConnectorProfileModel | null> };
    deleted: { deletedConnectorProfileName: string };
  };
  customConnector: {
    payload: { connector: Promise<ConnectorModel | null> };
    deleted: { unregisteredConnectorLabel: string };
  };
}
export type ResourceKind = keyof ResourcePayloads;

/** Per kind of resource: what a change of it is, and the payload after it. */
export const RESOURCES: {
  [K in ResourceKind]: {
    change(name: string): Change;
    /** The payload after a write, from its answer; fresh reads only when selected. */
    read(deps: MutationDeps, name: string, answer: Output): ResourcePayloads[K]['payload'];
    deleted(name: string): ResourcePayloads[K]['deleted'];
  };
} = {
  flow: {
    change: (name) => ({ kind: 'flow', name }),
    read: (_deps, name, answer) => ({ flow: flowFromAnswer(name, answer) }),
    deleted: (name) => ({ deletedFlowName: name }),
  },
  profile: {
    change: (name) => ({ kind: 'profile', name }),
    read: (deps, name) => lazily({}, { connectorProfile: () => freshProfile(deps, name) }),
    deleted: (name) => ({ deletedConnectorProfileName: name }),
  },
  customConnector: {
    change: (label) => ({ kind: 'customConnector', label }),
    read: (deps, label) => lazily({}, { connector: () => freshCustomConnector(deps, label) }),
    deleted: (label) => ({ unregisteredConnectorLabel: label }),
  },
};
