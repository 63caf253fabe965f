/**
 * Validation of a mutation's AWS-shaped request before any AppFlow call: every constraint of
 * the model (validateShape: required, enum, lengths, list sizes, ranges, patterns) plus the
 * cross-field rules AppFlow documents. All problems are reported at once, each with the path
 * of the GraphQL input the client sent (`["input", "tasks", 2, "sourceFields"]`). Messages never
 * contain input values (they may be secrets).
 */
import { connectorMemberFor } from '../../model/connectors.js';
import { operation, shape } from '../../model/model.js';
import { validateShape } from '../../model/validate.js';
import type { AppflowReader } from '../reader/index.js';

export type Request = Record<string, unknown>;
export type Path = (string | number)[];

export interface FieldError {
  path: Path;
  message: string;
  /** What kind of problem, stable for clients: `REQUIRED`, `PROFILE_NOT_FOUND`, ... */
  code: string;
  /** "Did you mean" hints (near misses of a name), possibly none. */
  suggestions?: string[];
}

/** The code of a model constraint violation. */
const VIOLATION_CODES: Record<string, string> = {
  required: 'REQUIRED',
  type: 'INVALID_TYPE',
  enum: 'INVALID_ENUM_VALUE',
  min: 'BELOW_MINIMUM',
  max: 'ABOVE_MAXIMUM',
  pattern: 'PATTERN_MISMATCH',
  unknownMember: 'UNKNOWN_MEMBER',
};

type Obj = Record<string, unknown>;

/**
 * A path in the AWS-shaped request (validateShape's `violation.path`) -> the path in the
 * GraphQL input: map keys become entry indexes (`tags.env` -> `tags.0.value`).
 */
export function toInputPath(
  shapeName: string,
  input: unknown,
  awsPath: readonly (string | number)[],
): Path {
  const out: Path = [];
  let current = shapeName;
  let value: unknown = input;
  for (let i = 0; i < awsPath.length; i++) {
    const step = awsPath[i]!;
    const s = shape(current);
    if (s.type === 'structure') {
      out.push(step);
      const ref = s.members?.[String(step)];
      if (!ref) return [...out, ...awsPath.slice(i + 1)];
      current = ref.shape;
      value = (value as Obj | undefined)?.[String(step)];
    } else if (s.type === 'list') {
      out.push(Number(step));
      current = s.member!.shape;
      value = (value as unknown[] | undefined)?.[Number(step)];
    } else if (s.type === 'map') {
      const entries = (value as { key: string; value: unknown }[] | undefined) ?? [];
      const index = entries.findIndex((e) => e.key === String(step));
      out.push(index < 0 ? String(step) : index);
      if (i === awsPath.length - 1) {
        // A violation ending at a map key is the key's own when the key alone is invalid.
        out.push(validateShape(s.key!.shape, String(step)).length ? 'key' : 'value');
        return out;
      }
      out.push('value');
      current = s.value!.shape;
      value = entries[index]?.value;
    } else {
      out.push(step);
    }
  }
  return out;
}

/** Every model constraint and documented cross-field rule of one operation's request. */
export function prevalidate(op: string, request: Request, input: Obj): FieldError[] {
  const requestShape = operation(op).input!.shape;
  const errors: FieldError[] = validateShape(requestShape, request)
    // The gateway sets clientToken itself.
    .filter((v) => v.path[0] !== 'clientToken')
    .map((v) => ({
      path: ['input', ...toInputPath(requestShape, input, v.path)],
      // The path is in `path`; the message keeps the constraint only.
      message: constraintOf(v.message),
      code: VIOLATION_CODES[v.kind] ?? 'INVALID_VALUE',
    }));
  errors.push(...idempotencyKeyErrors(requestShape, input), ...reservedKeys(input, []));
  const rules = CROSS_FIELD[op];
  if (rules) errors.push(...rules(request));
  return errors;
}

/**
 * The idempotency key becomes AppFlow's clientToken, derived from it, so it is held to the
 * model's ClientToken rules (at most 256 characters of [ -~]): a 200 KB key was accepted.
 */
function idempotencyKeyErrors(requestShape: string, input: Obj): FieldError[] {
  const key = input.idempotencyKey;
  const tokenShape = shape(requestShape).members?.clientToken?.shape;
  if (key == null || !tokenShape) return [];
  return validateShape(tokenShape, key).map((v) => ({
    path: ['input', 'idempotencyKey'],
    message: constraintOf(v.message),
    code: VIOLATION_CODES[v.kind] ?? 'INVALID_VALUE',
  }));
}

/** Map keys that name an object's prototype: as a plain object key `__proto__` vanished. */
const RESERVED_KEYS = new Set(['__proto__']);

/** Every `{ key, value }` map entry of the GraphQL input whose key is reserved. */
function reservedKeys(value: unknown, path: Path): FieldError[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => reservedKeys(v, [...path, i]));
  if (!value || typeof value !== 'object') return [];
  const entry = value as Obj;
  const out: FieldError[] = [];
  if (typeof entry.key === 'string' && 'value' in entry && RESERVED_KEYS.has(entry.key)) {
    out.push(err([...path, 'key'], `The key "${entry.key}" is reserved.`, 'RESERVED_KEY'));
  }
  for (const [k, v] of Object.entries(entry)) {
    if (v && typeof v === 'object') out.push(...reservedKeys(v, [...path, k]));
  }
  return out;
}

function constraintOf(message: string): string {
  const marker = 'failed to satisfy constraint: ';
  const i = message.indexOf(marker);
  return i < 0 ? message : message.slice(i + marker.length);
}

const err = (path: Path, message: string, code: string): FieldError => ({
  path: ['input', ...path],
  message,
  code,
});

/** The single member set in a connector union value, if exactly one is. */
function memberOf(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const keys = Object.keys(value as Obj).filter((k) => (value as Obj)[k] != null);
  return keys.length === 1 ? keys[0] : undefined;
}

/** The connector union member must be the one of the connector type in use. */
function unionMatches(
  unionShape: string,
  value: unknown,
  connectorType: unknown,
  path: Path,
  what: string,
): FieldError[] {
  if (typeof connectorType !== 'string' || value == null) return [];
  const set = memberOf(value);
  if (!set) return [];
  const expected = connectorMemberFor(unionShape, connectorType);
  if (!expected) {
    return [
      err(
        path,
        `Connector type ${connectorType} has no ${what}; member ${set} was given.`,
        'CONNECTOR_MEMBER_MISMATCH',
      ),
    ];
  }
  if (set !== expected) {
    return [
      err(
        [...path, set],
        `Member ${set} does not match connector type ${connectorType}: use ${expected}.`,
        'CONNECTOR_MEMBER_MISMATCH',
      ),
    ];
  }
  return [];
}

function flowRules(request: Request): FieldError[] {
  const errors: FieldError[] = [];
  const trigger = request.triggerConfig as Obj | undefined;
  if (trigger?.triggerType === 'Scheduled') {
    const scheduled = (trigger.triggerProperties as Obj | undefined)?.Scheduled as Obj | undefined;
    if (!scheduled?.scheduleExpression) {
      errors.push(
        err(
          ['triggerConfig', 'triggerProperties', 'Scheduled', 'scheduleExpression'],
          'A Scheduled trigger needs triggerProperties.Scheduled.scheduleExpression.',
          'SCHEDULE_EXPRESSION_REQUIRED',
        ),
      );
    }
  }
  const source = request.sourceFlowConfig as Obj | undefined;
  const sourceType = source?.connectorType;
  errors.push(
    ...unionMatches(
      'SourceConnectorProperties',
      source?.sourceConnectorProperties,
      sourceType,
      ['sourceFlowConfig', 'sourceConnectorProperties'],
      'source connector properties (it cannot be a source)',
    ),
  );
  const destinations = (request.destinationFlowConfigList as Obj[] | undefined) ?? [];
  destinations.forEach((d, i) => {
    errors.push(
      ...unionMatches(
        'DestinationConnectorProperties',
        d?.destinationConnectorProperties,
        d?.connectorType,
        ['destinationFlowConfigList', i, 'destinationConnectorProperties'],
        'destination connector properties (it cannot be a destination)',
      ),
    );
  });
  const tasks = (request.tasks as Obj[] | undefined) ?? [];
  tasks.forEach((task, i) => {
    if (!task) return;
    const fields = task.sourceFields as unknown[] | undefined;
    // Map_all maps every field and takes an empty list; every other task names its fields.
    if (task.taskType !== 'Map_all' && Array.isArray(fields) && fields.length === 0) {
      errors.push(
        err(
          ['tasks', i, 'sourceFields'],
          'A task must name at least one source field.',
          'SOURCE_FIELDS_REQUIRED',
        ),
      );
    }
    if (Array.isArray(fields)) {
      fields.forEach((f, j) => {
        if (typeof f === 'string' && f.trim() === '' && task.taskType !== 'Map_all') {
          errors.push(
            err(
              ['tasks', i, 'sourceFields', j],
              'A source field name must not be blank.',
              'BLANK_SOURCE_FIELD',
            ),
          );
        }
      });
    }
    errors.push(
      ...unionMatches(
        'ConnectorOperator',
        task.connectorOperator,
        sourceType,
        ['tasks', i, 'connectorOperator'],
        'connector operators',
      ),
    );
  });
  return errors;
}

function profileConfigRules(config: Obj | undefined, type: unknown): FieldError[] {
  return [
    ...unionMatches(
      'ConnectorProfileProperties',
      config?.connectorProfileProperties,
      type,
      ['connectorProfileConfig', 'connectorProfileProperties'],
      'connector profile properties',
    ),
    ...unionMatches(
      'ConnectorProfileCredentials',
      config?.connectorProfileCredentials,
      type,
      ['connectorProfileConfig', 'connectorProfileCredentials'],
      'connector profile credentials',
    ),
  ];
}

/** Connectors whose metadata cache is reset by type; the others need a profile name. */
const RESET_BY_TYPE = new Set(['S3', 'EventBridge', 'LookoutMetrics', 'Upsolver', 'AmazonConnect']);

const CROSS_FIELD: Record<string, (request: Request) => FieldError[]> = {
  CreateFlow: flowRules,
  UpdateFlow: flowRules,
  CreateConnectorProfile: (request) => {
    const errors = profileConfigRules(
      request.connectorProfileConfig as Obj | undefined,
      request.connectorType,
    );
    if (request.connectorType === 'CustomConnector' && !request.connectorLabel) {
      errors.push(
        err(['connectorLabel'], 'A CustomConnector profile needs connectorLabel.', 'REQUIRED'),
      );
    }
    return errors;
  },
  UpdateConnectorProfile: (request) => {
    // The profile's type is checked against AppFlow in remoteRules; here the members agree.
    const config = request.connectorProfileConfig as Obj | undefined;
    const props = memberOf(config?.connectorProfileProperties);
    const creds = memberOf(config?.connectorProfileCredentials);
    if (props && creds && props !== creds) {
      return [
        err(
          ['connectorProfileConfig', 'connectorProfileCredentials', creds],
          `Credentials member ${creds} does not match properties member ${props}.`,
          'CONNECTOR_MEMBER_MISMATCH',
        ),
      ];
    }
    return [];
  },
  ResetConnectorMetadataCache: (request) => {
    const type = request.connectorType as string | undefined;
    if (request.connectorProfileName) return [];
    if (!type) {
      return [
        err(
          ['connectorProfileName'],
          'Give connectorProfileName (or connectorType for S3, EventBridge, Lookout for Metrics, Upsolver and Amazon Connect).',
          'REQUIRED',
        ),
      ];
    }
    if (!RESET_BY_TYPE.has(type)) {
      return [
        err(
          ['connectorProfileName'],
          `connectorProfileName is required for connector type ${type}.`,
          'REQUIRED',
        ),
      ];
    }
    return [];
  },
};

/**
 * Rules that need the current state (a fresh read through the reader, never a write): a flow's
 * destination connector types cannot change on update; a profile's properties and credentials
 * must be those of its connector type.
 */
export async function remoteRules(
  reader: AppflowReader,
  op: string,
  request: Request,
): Promise<FieldError[]> {
  if (op === 'UpdateFlow') {
    const current = await reader.flows.describe(request.flowName as string);
    if (!current) return [];
    const before = current.destinationFlowConfigList ?? [];
    const after = (request.destinationFlowConfigList as Obj[] | undefined) ?? [];
    const errors: FieldError[] = [];
    after.forEach((d, i) => {
      const was = before[i]?.connectorType;
      if (was && d.connectorType !== was) {
        errors.push(
          err(
            ['destinationFlowConfigList', i, 'connectorType'],
            `The destination connector type of a flow cannot change (it is ${was}).`,
            'DESTINATION_TYPE_CHANGED',
          ),
        );
      }
    });
    return errors;
  }
  if (op === 'UpdateConnectorProfile') {
    const name = request.connectorProfileName as string;
    await reader.profiles.invalidate(name);
    const [profile] = await reader.profiles.byNames([name]);
    if (!profile) return [];
    return profileConfigRules(
      request.connectorProfileConfig as Obj | undefined,
      profile.connectorType,
    );
  }
  return [];
}
