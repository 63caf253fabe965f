/**
 * The one step every mutation takes: prevalidate -> remote rules -> client token -> send ->
 * map the failure -> forget what the write changed. The operation then reads it fresh
 * (fresh.ts).
 */
import type { AppflowClient } from '@aws-sdk/client-appflow';
import { operation as modelOperation } from '../../model/model.js';
import type { Loaders } from '../loaders.js';
import { connectorKey } from '../models.js';
import type { AppflowReader } from '../reader/index.js';
import { writeProblems } from '../validation/index.js';
import { type CredentialsHint, invalidInput, mapAppflowError, NotFoundError } from './errors.js';
import { withClientToken } from './idempotency.js';
import { prevalidate, type Request, remoteRules } from './prevalidate.js';
import { sensitiveValues } from './secrets.js';

/** What a mutation needs: the services it uses and who asks. */
export interface MutationDeps {
  /** The AppFlow client: the mutation step is the only place that sends writes. */
  client: AppflowClient;
  reader: AppflowReader;
  /** The request's loaders: what a mutation changed is cleared, its fresh read primed. */
  loaders: Loaders;
  viewer: { id: string };
}

/** The GraphQL `input` argument as the client sent it (error paths, idempotencyKey). */
export type Input = Record<string, unknown>;

/** The SDK command class of an operation. */
export type CommandClass = new (input: never) => unknown;

/** A resource a write changes: forgotten by the cache and the request's loaders. */
export type Change =
  | { kind: 'flow'; name: string }
  | { kind: 'profile'; name: string }
  | { kind: 'customConnector'; label: string }
  /** Tags of some resource (tag maps are forgotten all together). */
  | { kind: 'tags' };

export interface MutationPlan {
  /** The AppFlow operation, e.g. `CreateFlow`. */
  operation: string;
  input: Input;
  /** The AWS-shaped request, without clientToken. */
  request: Request;
  command: CommandClass;
  /** What the write changes: forgotten once it was sent, whatever its outcome. */
  changes: Change[];
  /** Where the credentials are, should a connector reject them. */
  credentials?: CredentialsHint;
}

/** The AppFlow answer of the operation (each operation's output shape is its own). */
export type Output = Record<string, unknown>;

export async function mutate(deps: MutationDeps, plan: MutationPlan): Promise<Output> {
  const secrets = sensitiveValues(modelOperation(plan.operation).input!.shape, plan.request);
  // The model's constraints first: a request that breaks them makes no AppFlow call at all.
  const local = prevalidate(plan.operation, plan.request, plan.input);
  if (local.length) throw invalidInput(local, secrets);
  if (plan.operation === 'CreateFlow' || plan.operation === 'UpdateFlow') {
    // validateFlow's catalog checks (cached reads, never a write), every problem at once.
    const problems = await writeProblems(deps.reader, plan.operation, plan.request, plan.input);
    const missing = problems.find((p) => p.code === 'FLOW_NOT_FOUND');
    if (missing) throw new NotFoundError(missing.message);
    if (problems.length) throw invalidInput(problems, secrets);
  } else {
    // Rules that need a read of the current state (never a write).
    const remote = await remoteRules(deps.reader, plan.operation, plan.request);
    if (remote.length) throw invalidInput(remote, secrets);
  }
  const request = withClientToken(
    plan.operation,
    plan.request,
    deps.viewer.id,
    plan.input.idempotencyKey as string | null | undefined,
  );
  try {
    // biome-ignore lint/suspicious/noExplicitAny: every AppFlow command goes through one client.
    const output: unknown = await deps.client.send(new plan.command(request as never) as any);
    return output as Output;
  } catch (error) {
    throw mapAppflowError(error, plan.operation, { secrets, credentials: plan.credentials });
  } finally {
    // Even a failed write may have changed something (a timeout after AppFlow acted).
    await Promise.all(plan.changes.map((change) => forget(deps, change)));
  }
}

function forget({ reader, loaders }: MutationDeps, change: Change): Promise<unknown> {
  switch (change.kind) {
    case 'flow':
      loaders.flow.clear(change.name);
      return Promise.all([reader.flows.invalidate(change.name), reader.tags.invalidate()]);
    case 'profile':
      // A profile's credentials decide which entities its connector lists.
      loaders.profile.clear(change.name);
      return Promise.all([
        reader.profiles.invalidate(change.name),
        reader.connectors.invalidateEntities(),
        reader.tags.invalidate(),
      ]);
    case 'customConnector':
      loaders.connector.clear(connectorKey('CustomConnector', change.label));
      return reader.connectors.invalidate('CustomConnector', change.label);
    case 'tags':
      return reader.tags.invalidate();
  }
}
