/**
 * validateFlow: a dry run of a CreateFlow or UpdateFlow request. Every problem at once, each
 * with its input path, a code and a message a person can act on: the model's constraints and
 * cross-field rules (../mutations/prevalidate.ts), then what AppFlow's catalog says (profiles,
 * connectors and their capabilities: endpoints.ts; the schedule: schedule.ts; the source object,
 * its fields, incremental pulls and the task rules: entities.ts) and, on update, what AppFlow
 * refuses to change. Only reads, all through the reader's cache: validating the same
 * definition twice makes no second round of AppFlow calls. createFlow and updateFlow run the
 * same checks before they send anything.
 */
import { type FieldError, prevalidate } from '../mutations/prevalidate.js';
import type { AppflowReader } from '../reader/index.js';
import { capabilityProblems, resolveEndpoint } from './endpoints.js';
import { entityProblems, taskProblems } from './entities.js';
import { scheduleProblems } from './schedule.js';
import { asObj, type CheckContext, type Obj, problem } from './support.js';

export type FlowOperation = 'CreateFlow' | 'UpdateFlow';

export interface FlowValidation {
  valid: boolean;
  problems: FieldError[];
}

export interface ValidateOptions {
  /** Read the current flow fresh (a mutation about to write); cached for a dry run. */
  fresh?: boolean;
  now?: number;
}

/** Every problem of a CreateFlow/UpdateFlow request; `input` is the GraphQL input (paths). */
export async function flowProblems(
  reader: AppflowReader,
  operation: FlowOperation,
  request: Obj,
  input: Obj,
  options: ValidateOptions = {},
): Promise<FieldError[]> {
  const ctx: CheckContext = { reader, request, now: options.now ?? Date.now() };
  const problems: FieldError[] = prevalidate(operation, request, input).map((p) => ({
    suggestions: [],
    ...p,
  }));
  const remote: FieldError[] = [];
  const destinationList = Array.isArray(request.destinationFlowConfigList)
    ? (request.destinationFlowConfigList as Obj[])
    : [];
  // Every built-in connector type of the flow in one DescribeConnectors call (then cached).
  const types = [asObj(request.sourceFlowConfig), ...destinationList.map(asObj)]
    .map((c) => c?.connectorType)
    .filter((t): t is string => typeof t === 'string' && t !== 'CustomConnector');
  await reader.connectors.byTypes([...new Set(types)]).catch(() => {});
  const source = await resolveEndpoint(
    ctx,
    'source',
    asObj(request.sourceFlowConfig),
    ['sourceFlowConfig'],
    remote,
  );
  const destinations = await Promise.all(
    destinationList.map((d, i) =>
      resolveEndpoint(ctx, 'destination', asObj(d), ['destinationFlowConfigList', i], remote),
    ),
  );
  remote.push(...capabilityProblems(ctx, source, destinations));
  remote.push(...scheduleProblems(ctx, source));
  remote.push(...taskProblems(ctx));
  remote.push(...(await entityProblems(ctx, source)));
  if (operation === 'UpdateFlow') remote.push(...(await updateProblems(ctx, options)));
  // A rule both layers state (e.g. a member of the wrong connector) is reported once.
  const seen = new Set(problems.map((p) => `${p.path.join('.')}|${p.code}`));
  for (const p of remote) {
    const key = `${p.path.join('.')}|${p.code}`;
    if (!seen.has(key)) problems.push(p);
    seen.add(key);
  }
  return problems;
}

/**
 * Problems found in cached catalog data that a change made outside the gateway (a profile made
 * in the console, an object added to the connector) may have made wrong.
 */
const CACHED_NEGATIVES = new Set([
  'PROFILE_NOT_FOUND',
  'PROFILE_TYPE_MISMATCH',
  'SOURCE_OBJECT_NOT_FOUND',
  'FIELD_NOT_FOUND',
  'NOT_A_TIMESTAMP_FIELD',
  'INCREMENTAL_NOT_SUPPORTED',
]);

/**
 * The problems a write is refused for: a cached answer never blocks a valid write, so when the
 * checks found a problem in cached profiles or entities, those are read again and checked once
 * more (reads only; a bad flow costs one more round of catalog reads, a good one nothing).
 */
export async function writeProblems(
  reader: AppflowReader,
  operation: FlowOperation,
  request: Obj,
  input: Obj,
): Promise<FieldError[]> {
  const options = { fresh: true };
  const problems = await flowProblems(reader, operation, request, input, options);
  if (!problems.some((p) => CACHED_NEGATIVES.has(p.code))) return problems;
  await Promise.all([reader.profiles.invalidateLists(), reader.connectors.invalidateEntities()]);
  return flowProblems(reader, operation, request, input, options);
}

/** On update: the flow exists, and its destination connector types stay what they are. */
async function updateProblems(ctx: CheckContext, options: ValidateOptions): Promise<FieldError[]> {
  const name = ctx.request.flowName;
  if (typeof name !== 'string' || !name) return [];
  const current = options.fresh
    ? await ctx.reader.flows.describe(name)
    : await ctx.reader.flows.describeCached(name);
  if (!current) {
    return [problem(['flowName'], 'FLOW_NOT_FOUND', `There is no flow named "${name}" to update.`)];
  }
  const before = current.destinationFlowConfigList ?? [];
  const after = Array.isArray(ctx.request.destinationFlowConfigList)
    ? (ctx.request.destinationFlowConfigList as Obj[])
    : [];
  return after.flatMap((d, i) => {
    const was = before[i]?.connectorType;
    return was && d?.connectorType && d.connectorType !== was
      ? [
          problem(
            ['destinationFlowConfigList', i, 'connectorType'],
            'DESTINATION_TYPE_CHANGED',
            `AppFlow cannot change the destination connector type of a flow (it is ${was}): keep ${was}, or create a new flow for ${String(d.connectorType)}.`,
            [was],
          ),
        ]
      : [];
  });
}

/**
 * The dry run validateFlow answers. Paths name validateFlow's own argument:
 * `["input", "create", "tasks", 0, "sourceFields", 1]`.
 */
export async function validateFlow(
  reader: AppflowReader,
  operation: FlowOperation,
  request: Obj,
  input: Obj,
): Promise<FlowValidation> {
  const member = operation === 'CreateFlow' ? 'create' : 'update';
  const problems = (await flowProblems(reader, operation, request, input)).map((p) => ({
    ...p,
    path: ['input', member, ...p.path.slice(1)],
  }));
  return { valid: problems.length === 0, problems };
}
