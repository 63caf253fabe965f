/**
 * The write side: one function per AppFlow lifecycle operation. Each one validates the
 * AWS-shaped request before any write (prevalidate.ts), sends it with an idempotency token,
 * maps AppFlow's expected failures to domain errors (returned as data by the schema), forgets
 * the cache entries it changed and loads the changed objects fresh.
 *
 * Secrets in requests never leave this module: messages are scrubbed of every sensitive value
 * of the request, and nothing here logs.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  CancelFlowExecutionsCommand,
  type ConnectorProfile,
  CreateConnectorProfileCommand,
  CreateFlowCommand,
  DeleteConnectorProfileCommand,
  DeleteFlowCommand,
  type DescribeFlowResponse,
  ListTagsForResourceCommand,
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
import { classifyAppflowError, toGraphQLError } from '../appflow/errors.js';
import type { GatewayContext } from '../context.js';
import { shape } from '../model/model.js';
import type { ConnectorModel, ConnectorProfileModel, ExecutionModel, FlowModel } from './models.js';
import { type FieldError, prevalidate, type Request, remoteRules } from './prevalidate.js';

// ---------------------------------------------------------------------------------------------
// Domain errors (returned as members of each payload's error union)

export class MutationError extends Error {}

export class NotFoundError extends MutationError {
  override name = 'NotFoundError';
}
export class ConflictError extends MutationError {
  override name = 'ConflictError';
}
export class ValidationError extends MutationError {
  override name = 'ValidationError';
  constructor(
    message: string,
    readonly fieldErrors: FieldError[],
  ) {
    super(message);
  }
}
export class QuotaExceededError extends MutationError {
  override name = 'QuotaExceededError';
}
export class ConnectorAuthenticationError extends MutationError {
  override name = 'ConnectorAuthenticationError';
  constructor(
    message: string,
    readonly hint: string,
    readonly credentialsPath: (string | number)[] | null,
  ) {
    super(message);
  }
}
export class ConnectorServerError extends MutationError {
  override name = 'ConnectorServerError';
}
export class UnsupportedOperationError extends MutationError {
  override name = 'UnsupportedOperationError';
}

export const DOMAIN_ERRORS = [
  NotFoundError,
  ConflictError,
  ValidationError,
  QuotaExceededError,
  ConnectorAuthenticationError,
  ConnectorServerError,
  UnsupportedOperationError,
] as const;

// ---------------------------------------------------------------------------------------------
// Secrets: collected from the request by walking the model's `sensitive` shapes

/** Every sensitive string (value or map key) inside `value` of shape `shapeName`. */
export function sensitiveValues(shapeName: string, value: unknown, out: string[] = []): string[] {
  if (value === undefined || value === null) return out;
  const s = shape(shapeName);
  if (s.sensitive && typeof value === 'string') {
    out.push(value);
    return out;
  }
  if (s.type === 'structure' && typeof value === 'object') {
    for (const [member, ref] of Object.entries(s.members ?? {})) {
      sensitiveValues(ref.shape, (value as Record<string, unknown>)[member], out);
    }
  } else if (s.type === 'list' && Array.isArray(value)) {
    for (const item of value) sensitiveValues(s.member!.shape, item, out);
  } else if (s.type === 'map' && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      sensitiveValues(s.key!.shape, k, out);
      sensitiveValues(s.value!.shape, v, out);
    }
  }
  return out;
}

/** `message` with every secret of the request replaced. */
export function redact(message: string, secrets: readonly string[]): string {
  let out = message;
  for (const secret of secrets) {
    if (secret.length > 0) out = out.split(secret).join('[redacted]');
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Idempotency

const CLIENT_TOKEN_OPERATIONS = new Set(
  Object.entries(
    // Operations whose request carries AppFlow's clientToken.
    {
      CreateConnectorProfile: 'CreateConnectorProfileRequest',
      UpdateConnectorProfile: 'UpdateConnectorProfileRequest',
      CreateFlow: 'CreateFlowRequest',
      UpdateFlow: 'UpdateFlowRequest',
      StartFlow: 'StartFlowRequest',
      RegisterConnector: 'RegisterConnectorRequest',
      UpdateConnectorRegistration: 'UpdateConnectorRegistrationRequest',
    },
  )
    .filter(([, request]) => shape(request).members?.clientToken)
    .map(([operation]) => operation),
);

/**
 * The clientToken of one mutation: derived from (viewer, operation, key) when the client gave
 * an idempotency key, so a retried mutation sends the same token; otherwise random, once per
 * mutation (the SDK's own retries resend the same request, token included). sha256 hex fits
 * the model's ClientToken (`[ -~]+`, 1..256).
 */
export function clientTokenFor(
  viewerId: string,
  operation: string,
  idempotencyKey?: string | null,
): string {
  if (!idempotencyKey) return randomUUID();
  return createHash('sha256')
    .update(`${viewerId}\u0000${operation}\u0000${idempotencyKey}`)
    .digest('hex');
}

// ---------------------------------------------------------------------------------------------
// AppFlow failures -> domain errors

interface SdkError {
  name?: string;
  message?: string;
}

export interface FailureContext {
  secrets: readonly string[];
  /** For ConnectorAuthenticationError: where the credentials are. */
  credentials?: { path: (string | number)[] | null; hint: string };
}

/** An expected AppFlow failure as a domain error; anything else as a coded GraphQL error. */
export function mapAppflowError(error: unknown, operation: string, failure: FailureContext) {
  const e = (error ?? {}) as SdkError;
  const message = redact(e.message || e.name || 'AppFlow failed', failure.secrets);
  switch (classifyAppflowError(error).domainError) {
    case 'NotFoundError':
      return new NotFoundError(message);
    case 'ConflictError':
      return new ConflictError(message);
    case 'ValidationError':
      return new ValidationError(message, [{ path: ['input'], message }]);
    case 'QuotaExceededError':
      return new QuotaExceededError(message);
    case 'ConnectorAuthenticationError':
      return new ConnectorAuthenticationError(
        message,
        failure.credentials?.hint ??
          'Check the credentials stored in the connector profile this operation uses.',
        failure.credentials?.path ?? null,
      );
    case 'ConnectorServerError':
      return new ConnectorServerError(message);
    case 'UnsupportedOperationError':
      return new UnsupportedOperationError(message);
    default: {
      const graphqlError = toGraphQLError(error, operation);
      // AppFlow's own messages are shown for client faults: scrub them too.
      (graphqlError as { message: string }).message = redact(graphqlError.message, failure.secrets);
      return graphqlError;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The generic mutation step

interface MutationPlan {
  /** The AppFlow operation; its request shape in the model is `<operation>Request`. */
  operation: string;
  /** The GraphQL `input` argument (for error paths). */
  input: Record<string, unknown>;
  /** The AWS-shaped request, clientToken not yet set. */
  request: Request;
  /** The SDK command class of the operation. */
  command: new (
    input: never,
  ) => unknown;
  credentials?: FailureContext['credentials'];
}

// biome-ignore lint/suspicious/noExplicitAny: each operation's output shape is its own.
async function mutate(ctx: GatewayContext, plan: MutationPlan): Promise<Record<string, any>> {
  const secrets = sensitiveValues(`${plan.operation}Request`, plan.request);
  const invalid = (errors: FieldError[]) =>
    new ValidationError(
      `The input is invalid (${errors.length} problem${errors.length === 1 ? '' : 's'}).`,
      errors.map((f) => ({ ...f, message: redact(f.message, secrets) })),
    );
  const local = prevalidate(plan.operation, plan.request, plan.input);
  if (local.length) throw invalid(local);
  // Rules that need a read of the current state (never a write).
  const remote = await remoteRules(ctx, plan.operation, plan.request);
  if (remote.length) throw invalid(remote);
  const request = { ...plan.request };
  if (CLIENT_TOKEN_OPERATIONS.has(plan.operation)) {
    request.clientToken = clientTokenFor(
      ctx.viewer.id,
      plan.operation,
      plan.input.idempotencyKey as string | null | undefined,
    );
  }
  try {
    return await send(ctx, new plan.command(request as never));
  } catch (error) {
    throw mapAppflowError(error, plan.operation, { secrets, credentials: plan.credentials });
  }
}

// ---------------------------------------------------------------------------------------------
// Fresh reads of what a mutation changed

export async function freshFlow(ctx: GatewayContext, name: string): Promise<FlowModel | null> {
  await ctx.reader.invalidateFlow(name);
  ctx.loaders.flow.clear(name);
  const flow = await ctx.reader.describeFlow(name);
  if (!flow) return null;
  ctx.loaders.flow.prime(name, flow);
  return flowModel(flow);
}

export function flowModel(flow: DescribeFlowResponse): FlowModel {
  return { ...flow, flowName: flow.flowName!, detailed: true };
}

export async function freshProfile(
  ctx: GatewayContext,
  name: string,
): Promise<ConnectorProfileModel | null> {
  await ctx.reader.invalidateProfile(name);
  ctx.loaders.profile.clear(name);
  const [profile] = await ctx.reader.describeProfiles([name]);
  if (!profile) return null;
  ctx.loaders.profile.prime(name, profile);
  return profileModel(profile);
}

function profileModel(p: ConnectorProfile): ConnectorProfileModel {
  return { ...p, connectorProfileName: p.connectorProfileName! };
}

export async function freshCustomConnector(
  ctx: GatewayContext,
  label: string,
): Promise<ConnectorModel | null> {
  await ctx.reader.invalidateConnector('CustomConnector', label);
  const key = `CustomConnector:${label}`;
  ctx.loaders.connector.clear(key);
  const configuration = await ctx.reader.describeCustomConnector(label);
  if (!configuration) return null;
  ctx.loaders.connector.prime(key, configuration);
  return { connectorType: 'CustomConnector', connectorLabel: label, configuration };
}

/** Runs of a flow by id, read fresh (the first 100 runs, newest first). */
async function freshExecutions(
  ctx: GatewayContext,
  flowName: string,
  ids: readonly string[],
): Promise<Map<string, ExecutionModel>> {
  const page = await ctx.reader.executions(flowName, undefined, 100);
  const found = new Map<string, ExecutionModel>();
  for (const r of page.items) {
    if (r.executionId && ids.includes(r.executionId)) {
      found.set(r.executionId, { ...r, flowName, executionId: r.executionId });
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Operations

type Input = Record<string, unknown>;

/** The AWS request from a GraphQL input already converted by `fromInput` (minus our own keys). */
function awsRequest(converted: Input): Request {
  const { idempotencyKey: _key, ...request } = converted;
  return request;
}

const send = <C>(ctx: GatewayContext, command: C) =>
  // biome-ignore lint/suspicious/noExplicitAny: every AppFlow command goes through one client.
  ctx.appflow.send(command as any) as Promise<any>;

function credentialsHint(request: Request, base: (string | number)[]) {
  const creds = (request.connectorProfileConfig as Input | undefined)
    ?.connectorProfileCredentials as Input | undefined;
  const member = creds ? Object.keys(creds)[0] : undefined;
  if (!member) {
    return {
      path: null,
      hint: 'The connector rejected the stored credentials: set connectorProfileConfig.connectorProfileCredentials.',
    };
  }
  const fields = Object.keys((creds![member] as Input | undefined) ?? {});
  return {
    path: [...base, 'connectorProfileConfig', 'connectorProfileCredentials', member],
    hint: `The connector rejected the credentials: check connectorProfileCredentials.${member}${
      fields.length ? ` (${fields.join(', ')})` : ''
    }.`,
  };
}

function profileCredentialsHint(profileNames: (string | undefined)[]) {
  const names = profileNames.filter(Boolean);
  return {
    path: null,
    hint: names.length
      ? `A connector rejected stored credentials: check the connectorProfileCredentials of connector profile ${names.join(' or ')} (updateConnectorProfile).`
      : 'A connector rejected the credentials it was given.',
  };
}

export async function createConnectorProfile(ctx: GatewayContext, input: Input, converted: Input) {
  const request = awsRequest(converted);
  const name = request.connectorProfileName as string;
  await mutate(ctx, {
    operation: 'CreateConnectorProfile',
    input,
    request,
    credentials: credentialsHint(request, ['input']),
    command: CreateConnectorProfileCommand,
  });
  return { connectorProfile: await freshProfile(ctx, name) };
}

export async function updateConnectorProfile(ctx: GatewayContext, input: Input, converted: Input) {
  const request = awsRequest(converted);
  const name = request.connectorProfileName as string;
  await mutate(ctx, {
    operation: 'UpdateConnectorProfile',
    input,
    request,
    credentials: credentialsHint(request, ['input']),
    command: UpdateConnectorProfileCommand,
  });
  return { connectorProfile: await freshProfile(ctx, name) };
}

export async function deleteConnectorProfile(ctx: GatewayContext, input: Input, converted: Input) {
  const request = awsRequest(converted);
  const name = request.connectorProfileName as string;
  try {
    await mutate(ctx, {
      operation: 'DeleteConnectorProfile',
      input,
      request,
      command: DeleteConnectorProfileCommand,
    });
  } finally {
    await ctx.reader.invalidateProfile(name);
    ctx.loaders.profile.clear(name);
  }
  return { deletedConnectorProfileName: name };
}

function flowProfiles(request: Request): (string | undefined)[] {
  return [
    (request.sourceFlowConfig as Input | undefined)?.connectorProfileName as string | undefined,
    ...((request.destinationFlowConfigList as Input[] | undefined) ?? []).map(
      (d) => d.connectorProfileName as string | undefined,
    ),
  ];
}

export async function createFlow(ctx: GatewayContext, input: Input, converted: Input) {
  const request = awsRequest(converted);
  const name = request.flowName as string;
  await mutate(ctx, {
    operation: 'CreateFlow',
    input,
    request,
    credentials: profileCredentialsHint(flowProfiles(request)),
    command: CreateFlowCommand,
  });
  return { flow: await freshFlow(ctx, name) };
}

export async function updateFlow(ctx: GatewayContext, input: Input, converted: Input) {
  const request = awsRequest(converted);
  const name = request.flowName as string;
  try {
    await mutate(ctx, {
      operation: 'UpdateFlow',
      input,
      request,
      credentials: profileCredentialsHint(flowProfiles(request)),
      command: UpdateFlowCommand,
    });
  } finally {
    await ctx.reader.invalidateFlow(name);
  }
  return { flow: await freshFlow(ctx, name) };
}

export async function deleteFlow(ctx: GatewayContext, input: Input, converted: Input) {
  const request = awsRequest(converted);
  const name = request.flowName as string;
  try {
    await mutate(ctx, {
      operation: 'DeleteFlow',
      input,
      request,
      command: DeleteFlowCommand,
    });
  } finally {
    await ctx.reader.invalidateFlow(name);
    ctx.loaders.flow.clear(name);
  }
  return { deletedFlowName: name };
}

export async function startFlow(ctx: GatewayContext, input: Input, converted: Input) {
  const request = awsRequest(converted);
  const name = request.flowName as string;
  const result = await mutate(ctx, {
    operation: 'StartFlow',
    input,
    request,
    command: StartFlowCommand,
  });
  const flow = await freshFlow(ctx, name);
  const executionId = result.executionId as string | undefined;
  let execution: ExecutionModel | null = null;
  if (executionId) {
    const runs = await freshExecutions(ctx, name, [executionId]);
    // AppFlow's run records are eventually consistent: a run StartFlow just reported may not be
    // listed yet; it is then reported as the in-progress run it is.
    execution = runs.get(executionId) ?? {
      flowName: name,
      executionId,
      executionStatus: 'InProgress',
    };
  }
  return { flow, execution };
}

export async function stopFlow(ctx: GatewayContext, input: Input, converted: Input) {
  const request = awsRequest(converted);
  const name = request.flowName as string;
  await mutate(ctx, {
    operation: 'StopFlow',
    input,
    request,
    command: StopFlowCommand,
  });
  return { flow: await freshFlow(ctx, name) };
}

export async function cancelFlowExecutions(ctx: GatewayContext, input: Input, converted: Input) {
  const request = awsRequest(converted);
  const name = request.flowName as string;
  let requested = request.executionIds as string[] | undefined;
  // Without ids AppFlow cancels every active run: note which those are, to report them.
  let before: string[] = [];
  if (!requested?.length && prevalidate('CancelFlowExecutions', request, input).length === 0) {
    const page = await ctx.reader.executions(name, undefined, 100).catch(() => null);
    before = (page?.items ?? [])
      .filter((r) => r.executionStatus === 'InProgress')
      .map((r) => r.executionId!)
      .filter(Boolean);
  }
  const result = await mutate(ctx, {
    operation: 'CancelFlowExecutions',
    input,
    request,
    command: CancelFlowExecutionsCommand,
  });
  const invalidIds = (result.invalidExecutions as string[] | undefined) ?? [];
  requested = requested?.length ? requested : before;
  const cancelledIds = requested.filter((id) => !invalidIds.includes(id));
  const flow = await freshFlow(ctx, name);
  const runs = await freshExecutions(ctx, name, [...cancelledIds, ...invalidIds]);
  return {
    flow,
    cancelledExecutions: cancelledIds.map((id) => runs.get(id)).filter((r) => r !== undefined),
    invalidExecutions: invalidIds.map((id) => runs.get(id)).filter((r) => r !== undefined),
    invalidExecutionIds: invalidIds,
  };
}

export async function registerConnector(ctx: GatewayContext, input: Input, converted: Input) {
  const request = awsRequest(converted);
  const label = request.connectorLabel as string;
  await mutate(ctx, {
    operation: 'RegisterConnector',
    input,
    request,
    command: RegisterConnectorCommand,
  });
  return { connector: await freshCustomConnector(ctx, label) };
}

export async function updateConnectorRegistration(
  ctx: GatewayContext,
  input: Input,
  converted: Input,
) {
  const request = awsRequest(converted);
  const label = request.connectorLabel as string;
  await mutate(ctx, {
    operation: 'UpdateConnectorRegistration',
    input,
    request,
    command: UpdateConnectorRegistrationCommand,
  });
  return { connector: await freshCustomConnector(ctx, label) };
}

export async function unregisterConnector(ctx: GatewayContext, input: Input, converted: Input) {
  const request = awsRequest(converted);
  const label = request.connectorLabel as string;
  try {
    await mutate(ctx, {
      operation: 'UnregisterConnector',
      input,
      request,
      command: UnregisterConnectorCommand,
    });
  } finally {
    await ctx.reader.invalidateConnector('CustomConnector', label);
    ctx.loaders.connector.clear(`CustomConnector:${label}`);
  }
  return { unregisteredConnectorLabel: label };
}

export async function resetConnectorMetadataCache(
  ctx: GatewayContext,
  input: Input,
  converted: Input,
) {
  const request = awsRequest(converted);
  await mutate(ctx, {
    operation: 'ResetConnectorMetadataCache',
    input,
    request,
    command: ResetConnectorMetadataCacheCommand,
  });
  const profileName = request.connectorProfileName as string | undefined;
  const profile = profileName ? await freshProfile(ctx, profileName) : null;
  const type = (request.connectorType as string | undefined) ?? profile?.connectorType;
  if (type) {
    await ctx.reader.invalidateConnector(type, profile?.connectorLabel);
  }
  return {
    connector: type
      ? ({ connectorType: type, connectorLabel: profile?.connectorLabel } as ConnectorModel)
      : null,
    connectorProfile: profile,
  };
}

/** The flow or connector profile an AppFlow ARN names (`...:flow/<name>`). */
export function resourceOfArn(
  arn: string,
): { kind: 'flow' | 'connectorprofile'; name: string } | null {
  const m = /:(flow|connectorprofile)\/(.+)$/.exec(arn);
  return m ? { kind: m[1] as 'flow' | 'connectorprofile', name: m[2]! } : null;
}

async function taggedResource(ctx: GatewayContext, arn: string) {
  const resource = resourceOfArn(arn);
  const tags = await ctx.appflow
    .send(new ListTagsForResourceCommand({ resourceArn: arn }))
    .then((r) => r.tags ?? {})
    .catch((error) => {
      throw mapAppflowError(error, 'ListTagsForResource', { secrets: [] });
    });
  return {
    resourceArn: arn,
    tags,
    flow: resource?.kind === 'flow' ? await freshFlow(ctx, resource.name) : null,
    connectorProfile:
      resource?.kind === 'connectorprofile' ? await freshProfile(ctx, resource.name) : null,
  };
}

export async function tagResource(ctx: GatewayContext, input: Input, converted: Input) {
  const request = awsRequest(converted);
  await mutate(ctx, {
    operation: 'TagResource',
    input,
    request,
    command: TagResourceCommand,
  });
  return taggedResource(ctx, request.resourceArn as string);
}

export async function untagResource(ctx: GatewayContext, input: Input, converted: Input) {
  const request = awsRequest(converted);
  await mutate(ctx, {
    operation: 'UntagResource',
    input,
    request,
    command: UntagResourceCommand,
  });
  return taggedResource(ctx, request.resourceArn as string);
}
