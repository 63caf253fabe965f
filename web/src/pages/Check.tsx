/**
 * The flow definition check: a form for a new flow (source, destination, trigger, tasks)
 * sent to validateFlow (no side effects), with every problem shown at the field its path
 * points to. A problem whose path no field owns is listed above the form with its path.
 */
import { type ReactNode, useState } from 'react';
import type { CombinedError } from 'urql';
import { useClient } from 'urql';
import { RequestError } from '../components/errors';
// What the form offers, from the gateway's one table of per-connector facts
// (src/model/connector-facts.ts, printed by `npm run connector-facts:print`).
import CONNECTORS from '../connector-facts.json';
import {
  CheckFlowDefinitionDocument,
  type ConnectorType,
  type CreateFlowInput,
  type DestinationConnectorPropertiesInput,
  type SourceConnectorPropertiesInput,
  type TriggerType,
} from '../gql/graphql';

interface Problem {
  path: string[];
  code: string;
  message: string;
  suggestions: string[];
}

const SOURCES = CONNECTORS.filter((c) => c.source);
const DESTINATIONS = CONNECTORS.filter((c) => c.destination);
const side = (type: string, which: 'source' | 'destination') => {
  const found = CONNECTORS.find((c) => c.connectorType === type)?.[which];
  if (!found) throw new Error(`The form does not offer ${type} as a ${which}`);
  return found;
};

interface Draft {
  flowName: string;
  description: string;
  triggerType: TriggerType;
  scheduleExpression: string;
  timezone: string;
  sourceType: string;
  sourceProfile: string;
  sourceObject: string;
  destinationType: string;
  destinationProfile: string;
  destinationObject: string;
  tasks: string;
}

const EXAMPLE: Draft = {
  flowName: 'accounts-to-landing-zone',
  description: 'Salesforce accounts to S3',
  triggerType: 'OnDemand',
  scheduleExpression: 'rate(1hours)',
  timezone: '',
  sourceType: 'Salesforce',
  sourceProfile: 'salesforce-prod',
  sourceObject: 'Account',
  destinationType: 'S3',
  destinationProfile: '',
  destinationObject: 'appflow-landing-zone',
  tasks: JSON.stringify(
    [
      {
        taskType: 'Filter',
        sourceFields: ['Id', 'Name'],
        connectorOperator: { Salesforce: 'PROJECTION' },
      },
      {
        taskType: 'Map',
        sourceFields: ['Id'],
        destinationField: 'Id',
        connectorOperator: { Salesforce: 'NO_OP' },
      },
      {
        taskType: 'Map',
        sourceFields: ['Name'],
        destinationField: 'Name',
        connectorOperator: { Salesforce: 'NO_OP' },
      },
    ],
    null,
    2,
  ),
};

/** The field paths of the form (below `input.create`); a problem goes to the longest prefix. */
const FIELDS = [
  'flowName',
  'description',
  'triggerConfig.triggerType',
  'triggerConfig.triggerProperties.Scheduled.scheduleExpression',
  'triggerConfig.triggerProperties.Scheduled.timezone',
  'sourceFlowConfig.connectorType',
  'sourceFlowConfig.connectorProfileName',
  'sourceFlowConfig.sourceConnectorProperties',
  'destinationFlowConfigList.0.connectorType',
  'destinationFlowConfigList.0.connectorProfileName',
  'destinationFlowConfigList.0.destinationConnectorProperties',
  'tasks',
] as const;
type FieldPath = (typeof FIELDS)[number];

function fieldOf(path: string[]): FieldPath | undefined {
  const rest = (path[0] === 'input' ? path.slice(path[1] === 'create' ? 2 : 1) : path).join('.');
  let best: FieldPath | undefined;
  for (const f of FIELDS) {
    if ((rest === f || rest.startsWith(`${f}.`)) && (!best || f.length > best.length)) best = f;
  }
  // Problems about a whole section (e.g. the trigger) go to its first field.
  if (!best && rest === 'triggerConfig') best = 'triggerConfig.triggerType';
  if (!best && rest === 'sourceFlowConfig') best = 'sourceFlowConfig.connectorType';
  if (!best && rest.startsWith('destinationFlowConfigList'))
    best = 'destinationFlowConfigList.0.connectorType';
  return best;
}

/** `{ Salesforce: { object } }`, `{ S3: { bucketName } }`: the member and its object member. */
function sourceProperties(d: Draft): SourceConnectorPropertiesInput {
  const { member, objectMember } = side(d.sourceType, 'source');
  const properties: unknown = { [member]: { [objectMember]: d.sourceObject } };
  return properties as SourceConnectorPropertiesInput;
}

function destinationProperties(d: Draft): DestinationConnectorPropertiesInput {
  const { member, objectMember } = side(d.destinationType, 'destination');
  const properties: unknown = { [member]: { [objectMember]: d.destinationObject } };
  return properties as DestinationConnectorPropertiesInput;
}

function toInput(d: Draft): CreateFlowInput {
  const tasks = JSON.parse(d.tasks) as CreateFlowInput['tasks'];
  const source = sourceProperties(d);
  const destination = destinationProperties(d);
  return {
    flowName: d.flowName,
    description: d.description || undefined,
    triggerConfig:
      d.triggerType === 'Scheduled'
        ? {
            triggerType: 'Scheduled',
            triggerProperties: {
              Scheduled: {
                scheduleExpression: d.scheduleExpression,
                timezone: d.timezone || undefined,
              },
            },
          }
        : { triggerType: d.triggerType },
    sourceFlowConfig: {
      connectorType: d.sourceType as ConnectorType,
      connectorProfileName: d.sourceProfile || undefined,
      sourceConnectorProperties: source,
    },
    destinationFlowConfigList: [
      {
        connectorType: d.destinationType as ConnectorType,
        connectorProfileName: d.destinationProfile || undefined,
        destinationConnectorProperties: destination,
      },
    ],
    tasks,
  };
}

function Field({
  label,
  path,
  problems,
  children,
}: {
  label: string;
  path: FieldPath;
  problems: Map<string, Problem[]>;
  children: (props: { id: string; className: string; 'aria-invalid': boolean }) => ReactNode;
}) {
  const id = `field-${path}`;
  const here = problems.get(path) ?? [];
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <div data-field={path}>
        {children({ id, className: here.length ? 'invalid' : '', 'aria-invalid': here.length > 0 })}
        {here.map((p) => (
          <div
            className="problem"
            data-testid="problem"
            data-path={p.path.join('.')}
            data-code={p.code}
            key={`${p.code}:${p.path.join('.')}`}
          >
            <code>{p.code}</code> {p.message}
            {p.suggestions.some((s) => !p.message.includes(s)) ? (
              <div className="suggest">Did you mean: {p.suggestions.join(', ')}?</div>
            ) : null}
          </div>
        ))}
      </div>
    </>
  );
}

export function Check() {
  const client = useClient();
  const [draft, setDraft] = useState<Draft>(EXAMPLE);
  const [result, setResult] = useState<{ valid: boolean; problems: Problem[] } | undefined>();
  const [error, setError] = useState<CombinedError | undefined>();
  const [checking, setChecking] = useState(false);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const check = async () => {
    let input: CreateFlowInput;
    try {
      input = toInput(draft);
    } catch (e) {
      setError(undefined);
      setResult({
        valid: false,
        problems: [
          {
            path: ['input', 'create', 'tasks'],
            code: 'NOT_JSON',
            message: `Tasks are not JSON: ${(e as Error).message}`,
            suggestions: [],
          },
        ],
      });
      return;
    }
    setChecking(true);
    // A check is asked fresh each time (validateFlow has no side effects; nothing to cache).
    const r = await client
      .query(
        CheckFlowDefinitionDocument,
        { input: { create: input } },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    setChecking(false);
    setError(r.error);
    setResult(r.data?.validateFlow ?? undefined);
  };

  const problems = new Map<string, Problem[]>();
  const elsewhere: Problem[] = [];
  for (const p of result?.problems ?? []) {
    const f = fieldOf(p.path);
    if (f) problems.set(f, [...(problems.get(f) ?? []), p]);
    else elsewhere.push(p);
  }
  const text = (key: keyof Draft) => ({
    value: draft[key],
    onChange: (e: { target: { value: string } }) =>
      set({ [key]: e.target.value } as Partial<Draft>),
  });

  return (
    <section>
      <h1>Check a flow definition</h1>
      <p className="muted">
        validateFlow runs every check createFlow would (profiles, objects, fields, trigger support)
        without creating anything.
      </p>
      <RequestError error={error} />
      {result ? (
        <div className={result.valid ? 'ok' : 'error'} data-testid="check-result">
          {result.valid ? 'The definition is valid.' : `${result.problems.length} problem(s).`}
          {elsewhere.map((p) => (
            <div
              className="problem"
              data-testid="problem"
              data-path={p.path.join('.')}
              key={`${p.code}:${p.path.join('.')}`}
            >
              <code>{p.path.join('.')}</code> <code>{p.code}</code> {p.message}
            </div>
          ))}
        </div>
      ) : null}
      <form
        className="check"
        onSubmit={(e) => {
          e.preventDefault();
          void check();
        }}
      >
        <Field label="Flow name" path="flowName" problems={problems}>
          {(p) => <input {...p} {...text('flowName')} />}
        </Field>
        <Field label="Description" path="description" problems={problems}>
          {(p) => <input {...p} {...text('description')} />}
        </Field>
        <Field label="Trigger" path="triggerConfig.triggerType" problems={problems}>
          {(p) => (
            <select {...p} {...text('triggerType')}>
              <option>OnDemand</option>
              <option>Scheduled</option>
              <option>Event</option>
            </select>
          )}
        </Field>
        {draft.triggerType === 'Scheduled' ? (
          <>
            <Field
              label="Schedule"
              path="triggerConfig.triggerProperties.Scheduled.scheduleExpression"
              problems={problems}
            >
              {(p) => <input {...p} {...text('scheduleExpression')} />}
            </Field>
            <Field
              label="Time zone"
              path="triggerConfig.triggerProperties.Scheduled.timezone"
              problems={problems}
            >
              {(p) => <input {...p} placeholder="e.g. Europe/Paris" {...text('timezone')} />}
            </Field>
          </>
        ) : null}
        <Field label="Source connector" path="sourceFlowConfig.connectorType" problems={problems}>
          {(p) => (
            <select {...p} {...text('sourceType')}>
              {SOURCES.map((c) => (
                <option key={c.connectorType} value={c.connectorType}>
                  {c.displayName}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Source profile"
          path="sourceFlowConfig.connectorProfileName"
          problems={problems}
        >
          {(p) => <input {...p} {...text('sourceProfile')} />}
        </Field>
        <Field
          label={draft.sourceType === 'S3' ? 'Source bucket' : 'Source object'}
          path="sourceFlowConfig.sourceConnectorProperties"
          problems={problems}
        >
          {(p) => <input {...p} {...text('sourceObject')} />}
        </Field>
        <Field
          label="Destination connector"
          path="destinationFlowConfigList.0.connectorType"
          problems={problems}
        >
          {(p) => (
            <select {...p} {...text('destinationType')}>
              {DESTINATIONS.map((c) => (
                <option key={c.connectorType} value={c.connectorType}>
                  {c.displayName}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Destination profile"
          path="destinationFlowConfigList.0.connectorProfileName"
          problems={problems}
        >
          {(p) => <input {...p} placeholder="none for S3" {...text('destinationProfile')} />}
        </Field>
        <Field
          label={draft.destinationType === 'S3' ? 'Destination bucket' : 'Destination object'}
          path="destinationFlowConfigList.0.destinationConnectorProperties"
          problems={problems}
        >
          {(p) => <input {...p} {...text('destinationObject')} />}
        </Field>
        <Field label="Tasks (JSON)" path="tasks" problems={problems}>
          {(p) => <textarea {...p} rows={12} {...text('tasks')} />}
        </Field>
        <span />
        <div>
          <button type="submit" disabled={checking} data-testid="check">
            Check
          </button>
        </div>
      </form>
    </section>
  );
}
