import * as sdk from '@aws-sdk/client-appflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { model, type Shape, shape } from '../../src/model/model.js';
import { compileAllPatterns, compilePattern, validateShape } from '../../src/model/validate.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { errorOf } from './fixtures.js';

describe('validateShape (src/model/validate.ts)', () => {
  it('compiles every pattern of the model (none skipped)', () => {
    expect(compileAllPatterns()).toEqual([]);
    // Java's surrogate pairs (\uD800\uDC00-\uDBFF\uDFFF) are the code points past U+FFFF.
    const re = compilePattern('[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*');
    expect(re?.test('emoji 😀 ok')).toBe(true);
    expect(re?.test('bell \u0007')).toBe(false);
  });

  it('returns all violations with member paths, anchored patterns', () => {
    const v = validateShape('CreateFlowRequest', {
      flowName: 'bad name',
      triggerConfig: { triggerType: 'Sometimes' },
      sourceFlowConfig: { connectorType: 'Salesforce' },
      destinationFlowConfigList: [],
      tasks: [{ taskType: 'Map', sourceFields: ['a'] }, {}, { taskType: 'Map' }],
      tags: { 'aws:reserved': 'x' },
      extra: 1,
    });
    const byPath = Object.fromEntries(v.map((x) => [x.path.join('.'), x.kind]));
    expect(byPath).toMatchObject({
      flowName: 'pattern',
      'triggerConfig.triggerType': 'enum',
      'sourceFlowConfig.sourceConnectorProperties': 'required',
      'tasks.1.sourceFields': 'required',
      'tasks.1.taskType': 'required',
      'tasks.2.sourceFields': 'required',
      'tags.aws:reserved': 'pattern',
      extra: 'unknownMember',
    });
    expect(v.find((x) => x.path.join('.') === 'tasks.2.sourceFields')?.message).toContain(
      "'tasks.2.sourceFields'",
    );
  });

  it('checks types, numeric ranges and sizes', () => {
    const kinds = (s: string, value: unknown) => validateShape(s, value).map((x) => x.kind);
    expect(kinds('ListFlowsRequest', { maxResults: 0 })).toEqual(['min']);
    expect(kinds('ListFlowsRequest', { maxResults: 101 })).toEqual(['max']);
    expect(kinds('ListFlowsRequest', { maxResults: 1.5 })).toEqual(['type']);
    expect(kinds('ListFlowsRequest', { maxResults: '5' })).toEqual(['type']);
    expect(kinds('CancelFlowExecutionsRequest', { flowName: 'fl', executionIds: 'x' })).toEqual([
      'type',
    ]);
    const ids = Array.from({ length: 101 }, (_, i) => `id-${i}`);
    expect(kinds('CancelFlowExecutionsRequest', { flowName: 'fl', executionIds: ids })).toEqual([
      'max',
    ]);
    const tags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    expect(kinds('TagMap', tags)).toEqual(['max']);
    expect(
      kinds('ScheduledTriggerProperties', { scheduleExpression: 'x', scheduleStartTime: 'soon' }),
    ).toEqual(['type']);
    expect(
      validateShape('ScheduledTriggerProperties', {
        scheduleExpression: 'x',
        scheduleStartTime: 1700000000,
      }),
    ).toEqual([]);
  });

  it('never echoes values, and says nothing of sensitive patterns', () => {
    const secret = 'my secret value';
    const v = validateShape('SlackConnectorProfileCredentials', {
      clientId: 'has space',
      clientSecret: secret,
    });
    expect(v.map((x) => x.kind)).toEqual(['pattern', 'pattern']);
    for (const x of v) expect(x.message).not.toContain('space');
    const sensitive = v.find((x) => x.path.join('.') === 'clientSecret')!;
    expect(shape('ClientSecret').sensitive).toBe(true);
    expect(sensitive.message).not.toContain(secret);
    expect(sensitive.message).not.toContain('\\S+');
  });
});

// ---------------------------------------------------------------------------------------------
// The emulator enforces each kind of constraint, on real members picked from the model.

type Path = (string | number)[];
const CANDIDATE_STRINGS = [
  'abc1',
  'arn:aws:appflow:us-east-1:123456789012:flow/abc',
  'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab',
  'arn:aws:iam::123456789012:role/test',
  'https://example.com/x',
  '100',
];

function validString(s: Shape): string | undefined {
  const re = s.pattern ? compilePattern(s.pattern) : null;
  const pool = [...CANDIDATE_STRINGS, 'a'.repeat(s.min ?? 1)];
  return pool.find(
    (c) => c.length >= (s.min ?? 0) && c.length <= (s.max ?? Infinity) && (!re || re.test(c)),
  );
}

function minimalValid(name: string, depth = 0): unknown {
  const s = shape(name);
  switch (s.type) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const req of s.required ?? []) {
        const ref = s.members![req];
        if (ref.location) continue;
        out[req] = minimalValid(ref.shape, depth + 1);
      }
      return out;
    }
    case 'list':
      return Array.from({ length: s.min ?? 0 }, () => minimalValid(s.member!.shape, depth + 1));
    case 'map':
      return {};
    case 'string':
      return s.enum ? s.enum[0] : validString(s);
    case 'integer':
    case 'long':
    case 'double':
    case 'float':
      return s.min ?? 1;
    case 'boolean':
      return false;
    case 'timestamp':
      return 1_700_000_000;
    default:
      return 'AA==';
  }
}

type Kind =
  | 'required'
  | 'enum'
  | 'stringMin'
  | 'stringMax'
  | 'pattern'
  | 'listMin'
  | 'listMax'
  | 'mapMax'
  | 'numberMin'
  | 'numberMax';
interface Candidate {
  op: string;
  path: Path;
  shapeName: string;
  kind: Kind;
}

function collect(): Map<Kind, Candidate> {
  const found = new Map<Kind, Candidate>();
  for (const [op, def] of Object.entries(model.operations)) {
    if (!def.input) continue;
    const walk = (structName: string, path: Path, depth: number) => {
      const st = shape(structName);
      for (const [member, ref] of Object.entries(st.members ?? {})) {
        if (ref.location || member === 'clientToken') continue;
        const p = [...path, member];
        const s = shape(ref.shape);
        const add = (kind: Kind) => {
          if (!found.has(kind)) found.set(kind, { op, path: p, shapeName: ref.shape, kind });
        };
        if (st.required?.includes(member)) add('required');
        if (s.type === 'string') {
          if (s.enum) add('enum');
          if ((s.min ?? 0) > 0) add('stringMin');
          if (s.max !== undefined && !s.enum) add('stringMax');
          if (s.pattern && s.pattern !== '.*' && violatingString(s)) add('pattern');
        }
        if (s.type === 'list' && (s.min ?? 0) > 0) add('listMin');
        if (s.type === 'list' && s.max !== undefined) add('listMax');
        if (s.type === 'map' && s.max !== undefined) add('mapMax');
        if (['integer', 'long'].includes(s.type) && s.min !== undefined) add('numberMin');
        if (['integer', 'long'].includes(s.type) && s.max !== undefined) add('numberMax');
        if (s.type === 'structure' && depth < 3) walk(ref.shape, p, depth + 1);
      }
    };
    walk(def.input.shape, [], 0);
  }
  return found;
}

function violatingString(s: Shape): string | undefined {
  const re = compilePattern(s.pattern!)!;
  return ['has space !', 'bad\nvalue', '!!!', '-']
    .filter((c) => c.length >= (s.min ?? 0) && c.length <= (s.max ?? Infinity))
    .find((c) => !re.test(c));
}

function violatingValue(c: Candidate): { value: unknown; phrase: string } {
  const s = shape(c.shapeName);
  switch (c.kind) {
    case 'required':
      return { value: undefined, phrase: 'Member must not be null' };
    case 'enum':
      return { value: 'NotAnEnumValue', phrase: 'Member must satisfy enum value set' };
    case 'stringMin':
      return { value: 'x'.repeat(s.min! - 1), phrase: `length greater than or equal to ${s.min}` };
    case 'stringMax':
      return { value: 'x'.repeat(s.max! + 1), phrase: `length less than or equal to ${s.max}` };
    case 'pattern':
      return { value: violatingString(s), phrase: 'regular expression pattern' };
    case 'listMin':
      return { value: [], phrase: `length greater than or equal to ${s.min}` };
    case 'listMax':
      return {
        value: Array.from({ length: s.max! + 1 }, () => minimalValid(s.member!.shape)),
        phrase: `length less than or equal to ${s.max}`,
      };
    case 'mapMax':
      return {
        value: Object.fromEntries(Array.from({ length: s.max! + 1 }, (_, i) => [`k${i}`, 'v'])),
        phrase: `size less than or equal to ${s.max}`,
      };
    case 'numberMin':
      return { value: s.min! - 1, phrase: `value greater than or equal to ${s.min}` };
    case 'numberMax':
      return { value: s.max! + 1, phrase: `value less than or equal to ${s.max}` };
  }
}

function setPath(root: Record<string, unknown>, opInput: string, path: Path, value: unknown) {
  let obj = root;
  let st = shape(opInput);
  for (const key of path.slice(0, -1)) {
    const ref = st.members![key as string];
    obj[key] ??= minimalValid(ref.shape);
    obj = obj[key] as Record<string, unknown>;
    st = shape(ref.shape);
  }
  const last = path.at(-1) as string;
  if (value === undefined) delete obj[last];
  else obj[last] = value;
}

describe('the emulator enforces every kind of model constraint (members picked from the model)', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.close());

  const candidates = collect();
  const wanted: Kind[] = [
    'required',
    'enum',
    'stringMin',
    'stringMax',
    'pattern',
    'listMax',
    'mapMax',
    'numberMin',
    'numberMax',
  ];

  it('finds a real member for each kind of constraint', () => {
    for (const k of wanted) expect(candidates.has(k), k).toBe(true);
  });

  for (const kind of wanted) {
    it(`rejects a ${kind} violation with ValidationException naming the member`, async () => {
      const c = candidates.get(kind)!;
      const input = minimalValid(model.operations[c.op].input!.shape) as Record<string, unknown>;
      // The base request is itself valid, so the failure is the one we inject.
      expect(validateShape(model.operations[c.op].input!.shape, input)).toEqual([]);
      const { value, phrase } = violatingValue(c);
      setPath(input, model.operations[c.op].input!.shape, c.path, value);
      const Command = (sdk as unknown as Record<string, new (i: unknown) => sdk.ListFlowsCommand>)[
        `${c.op}Command`
      ];
      const err = await errorOf(t.client.send(new Command(input)));
      expect(err.name, `${c.op} ${c.path.join('.')}`).toBe('ValidationException');
      expect(err.$metadata?.httpStatusCode).toBe(400);
      expect(err.message).toMatch(/^\d+ validation errors? detected: /);
      expect(err.message).toContain(`Value at '${c.path.join('.')}'`);
      expect(err.message).toContain(phrase);
    });
  }
});
