/**
 * What a flow reads: the source object exists (ListConnectorEntities, following
 * `entitiesPath` into nested entities), every field the tasks name exists in it
 * (DescribeConnectorEntity), an incremental pull names a timestamp field of it; and the task
 * rules of Map_all and projections. Unknown names come with "did you mean" hints. Catalog
 * reads go through the reader's cache.
 */
import type { ConnectorEntityField } from '@aws-sdk/client-appflow';
import { connectorMemberFor } from '../../model/connectors.js';
import { shape } from '../../model/model.js';
import type { EntityScope } from '../reader/index.js';
import type { ResolvedEndpoint } from './endpoints.js';
import {
  asObj,
  type CheckContext,
  didYouMean,
  type FieldError,
  hint,
  type Obj,
  problem,
} from './support.js';

/**
 * The member of a source's properties that names what it reads. Not S3's bucketName: a flow
 * may read a bucket of another account (by bucket policy) that ListConnectorEntities, which
 * lists the account's own buckets, does not show.
 */
const OBJECT_MEMBERS = ['object', 'objectPath', 'entityName'];
/** Nested entities are followed this deep. */
const MAX_DEPTH = 3;

/** Does `name` lie under the nested entity `parent` (`public` -> `public.accounts`)? */
const isUnder = (name: string, parent: string) =>
  name.startsWith(parent) && ['/', '.'].includes(name[parent.length] ?? '');

/** Is `name` an entity of the connector? The names seen on the way otherwise (for hints). */
async function findEntity(
  ctx: CheckContext,
  scope: EntityScope,
  name: string,
): Promise<{ found: boolean; seen: string[] }> {
  const seen: string[] = [];
  let path: string | undefined;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const entities = await ctx.reader.connectors.entities(scope, path);
    seen.push(...entities.map((e) => e.name!).filter(Boolean));
    if (entities.some((e) => e.name === name)) return { found: true, seen };
    const parent = entities.find((e) => e.hasNestedEntities && isUnder(name, e.name!));
    if (!parent) break;
    path = parent.name;
  }
  return { found: false, seen };
}

function fieldName(f: ConnectorEntityField): string {
  return f.identifier ?? '';
}

/** Tasks whose source fields name fields of the source object. */
const FIELD_TASKS = new Set([
  'Map',
  'Filter',
  'Validate',
  'Mask',
  'Truncate',
  'Arithmetic',
  'Merge',
]);

export async function entityProblems(
  ctx: CheckContext,
  source: ResolvedEndpoint | undefined,
): Promise<FieldError[]> {
  if (!source) return [];
  const out: FieldError[] = [];
  const sourceConfig = asObj(ctx.request.sourceFlowConfig);
  const member = connectorMemberFor('SourceConnectorProperties', source.connectorType);
  const props = asObj(asObj(sourceConfig?.sourceConnectorProperties)?.[member ?? '']);
  const objectMember = OBJECT_MEMBERS.find((m) => typeof props?.[m] === 'string');
  if (!member || !props || !objectMember) return out;
  const object = props[objectMember] as string;
  const scope: EntityScope = {
    connectorType: source.connectorType,
    connectorProfileName: source.connectorProfileName,
  };
  const objectPath = ['sourceFlowConfig', 'sourceConnectorProperties', member, objectMember];
  const { found, seen } = await findEntity(ctx, scope, object);
  if (!found) {
    const suggestions = didYouMean(object, seen);
    out.push(
      problem(
        objectPath,
        'SOURCE_OBJECT_NOT_FOUND',
        `${source.connectorType} has no object "${object}"${
          source.connectorProfileName ? ` for profile ${source.connectorProfileName}` : ''
        }.${hint(suggestions)}`,
        suggestions,
      ),
    );
    return out;
  }
  const fields = await ctx.reader.connectors.entityFields(scope, object);
  const names = fields.map(fieldName).filter(Boolean);
  const known = new Set(names);
  const unknownField = (name: string, path: (string | number)[]) => {
    const suggestions = didYouMean(name, names);
    out.push(
      problem(
        path,
        'FIELD_NOT_FOUND',
        `${object} has no field "${name}".${hint(suggestions)}`,
        suggestions,
      ),
    );
  };
  const tasks = (ctx.request.tasks as Obj[] | undefined) ?? [];
  tasks.forEach((task, i) => {
    if (!task || !FIELD_TASKS.has(task.taskType as string)) return;
    const sourceFields = Array.isArray(task.sourceFields) ? task.sourceFields : [];
    sourceFields.forEach((f, j) => {
      if (typeof f === 'string' && f.trim() && !known.has(f)) {
        unknownField(f, ['tasks', i, 'sourceFields', j]);
      }
    });
  });
  out.push(...incrementalProblems(ctx, object, fields, unknownField));
  return out;
}

/** An incremental pull needs a timestamp field of the object to pull by. */
function incrementalProblems(
  ctx: CheckContext,
  object: string,
  fields: ConnectorEntityField[],
  unknownField: (name: string, path: (string | number)[]) => void,
): FieldError[] {
  const trigger = asObj(ctx.request.triggerConfig);
  const scheduled = asObj(asObj(trigger?.triggerProperties)?.Scheduled);
  if (trigger?.triggerType !== 'Scheduled' || scheduled?.dataPullMode !== 'Incremental') return [];
  const timestamps = fields
    .filter((f) => f.sourceProperties?.isTimestampFieldForIncrementalQueries)
    .map(fieldName);
  const named = asObj(asObj(ctx.request.sourceFlowConfig)?.incrementalPullConfig)
    ?.datetimeTypeFieldName as string | undefined;
  const path = ['sourceFlowConfig', 'incrementalPullConfig', 'datetimeTypeFieldName'];
  if (named === undefined) {
    if (timestamps.length) return [];
    return [
      problem(
        ['triggerConfig', 'triggerProperties', 'Scheduled', 'dataPullMode'],
        'INCREMENTAL_NOT_SUPPORTED',
        `${object} has no timestamp field to pull incrementally by: use dataPullMode Complete.`,
      ),
    ];
  }
  if (!fields.some((f) => fieldName(f) === named)) {
    unknownField(named, path);
    return [];
  }
  if (!timestamps.includes(named)) {
    return [
      problem(
        path,
        'NOT_A_TIMESTAMP_FIELD',
        `${named} is not a timestamp field AppFlow can pull ${object} incrementally by. Timestamp fields: ${timestamps.join(', ') || 'none'}.`,
        timestamps.slice(0, 3),
      ),
    ];
  }
  return [];
}

/**
 * Map_all and projections. A flow from an application must say which fields it reads (a
 * Filter task with PROJECTION, or a Map_all task); AppFlow refuses it otherwise ("Task
 * Validation Error: You must specify a projection task or a MAP_ALL task", quoted in
 * terraform-provider-aws issues #34508 and #34482). Map_all maps every field: one at most,
 * with no source fields and the NO_OP operator.
 */
export function taskProblems(ctx: CheckContext): FieldError[] {
  const out: FieldError[] = [];
  const tasks = (ctx.request.tasks as Obj[] | undefined) ?? [];
  const sourceType = asObj(ctx.request.sourceFlowConfig)?.connectorType;
  const mapAll = tasks.flatMap((t, i) => (t?.taskType === 'Map_all' ? [i] : []));
  mapAll.slice(1).forEach((i) => {
    out.push(
      problem(
        ['tasks', i, 'taskType'],
        'DUPLICATE_MAP_ALL',
        `Only one Map_all task is allowed (task ${mapAll[0]} is one already).`,
      ),
    );
  });
  for (const i of mapAll) {
    const task = tasks[i]!;
    const fields = Array.isArray(task.sourceFields) ? task.sourceFields : [];
    if (fields.some((f) => typeof f === 'string' && f.trim())) {
      out.push(
        problem(
          ['tasks', i, 'sourceFields'],
          'MAP_ALL_WITH_FIELDS',
          'A Map_all task maps every field: give sourceFields: [] (use Map tasks to map some fields).',
        ),
      );
    }
    const operator = asObj(task.connectorOperator);
    const key = operator && Object.keys(operator).find((k) => operator[k] != null);
    const op = key ? operator![key] : undefined;
    // Only where the connector has NO_OP (Amplitude's only operator is BETWEEN).
    const ref = key ? shape('ConnectorOperator').members?.[key] : undefined;
    const operators = ref ? (shape(ref.shape).enum ?? []) : [];
    if (key && op !== 'NO_OP' && operators.includes('NO_OP')) {
      out.push(
        problem(
          ['tasks', i, 'connectorOperator', key],
          'MAP_ALL_OPERATOR',
          `A Map_all task takes the NO_OP operator, not ${String(op)}.`,
          ['NO_OP'],
        ),
      );
    }
  }
  if (typeof sourceType === 'string' && sourceType !== 'S3' && tasks.length) {
    const projects =
      mapAll.length > 0 ||
      tasks.some(
        (t) =>
          t?.taskType === 'Filter' &&
          Object.values(asObj(t.connectorOperator) ?? {}).includes('PROJECTION'),
      );
    if (!projects) {
      out.push(
        problem(
          ['tasks'],
          'PROJECTION_REQUIRED',
          'Say which fields the flow reads: add a Filter task with the PROJECTION operator listing them, or a Map_all task.',
        ),
      );
    }
  }
  return out;
}
