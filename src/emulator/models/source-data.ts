/**
 * The data a run reads from its source entity, so that its record counts honour the flow's
 * Filter tasks (issue #22 item 7). No data moves, but clients read the counts: Apache Airflow's
 * AppflowRecordsShortCircuitOperator (providers/amazon/aws/operators/appflow.py) skips the rest
 * of a DAG when a run's `executionResult.recordsProcessed` is 0, which its
 * AppflowRunAfterOperator gets from AppFlow with a date filter in the future.
 *
 * Deterministic, so tests can assert counts: every source entity holds one record per hour over
 * the 30 days before the run (720 records, the newest at the last whole hour at or before the
 * run's start). Record k (0 = the oldest) has, in every date/time field, its hour, and in every
 * numeric field, k + 1. A Filter task compares the field named in its sourceFields by the
 * task's DATA_TYPE: `datetime`/`date`/`timestamp` values are epoch milliseconds (as Airflow
 * sends them) or ISO 8601 text; numeric types compare with k + 1. BETWEEN excludes both bounds
 * (Airflow's operators: "NOT inclusive"). Other operators and data types (strings, PROJECTION,
 * the validation and masking operators) keep every record.
 */
import type { JsonObject, JsonValue } from '../json.js';

const HOUR_MS = 3_600_000;
/** How many hourly records each source entity holds. */
export const SOURCE_RECORDS = 30 * 24;

const TIME_TYPES = new Set(['datetime', 'date', 'timestamp', 'time']);
const NUMBER_TYPES = new Set([
  'int',
  'integer',
  'long',
  'double',
  'float',
  'decimal',
  'number',
  'currency',
  'percent',
]);

type Compare = (v: number, task: Record<string, number>) => boolean;

/** The Filter operators the emulator evaluates, by the task properties they read. */
const OPERATORS: Record<string, Compare> = {
  LESS_THAN: (v, p) => v < p.VALUE,
  LESS_THAN_OR_EQUAL_TO: (v, p) => v <= p.VALUE,
  GREATER_THAN: (v, p) => v > p.VALUE,
  GREATER_THAN_OR_EQUAL_TO: (v, p) => v >= p.VALUE,
  EQUAL_TO: (v, p) => v === p.VALUE,
  NOT_EQUAL_TO: (v, p) => v !== p.VALUE,
  BETWEEN: (v, p) => v > p.LOWER_BOUND && v < p.UPPER_BOUND,
};

function parseBound(text: JsonValue | undefined, time: boolean): number {
  if (typeof text !== 'string') return Number.NaN;
  if (!time || /^-?\d+(\.\d+)?$/.test(text.trim())) return Number(text);
  return Date.parse(text);
}

interface Condition {
  time: boolean;
  test: (v: number) => boolean;
}

/** The conditions of a flow's Filter tasks that the emulator evaluates. */
function conditions(tasks: JsonObject[]): Condition[] {
  const out: Condition[] = [];
  for (const task of tasks) {
    if (task.taskType !== 'Filter') continue;
    const operator = task.connectorOperator;
    if (typeof operator !== 'object' || operator === null || Array.isArray(operator)) continue;
    const name = Object.values(operator).find((v) => typeof v === 'string') as string | undefined;
    const compare = name ? OPERATORS[name] : undefined;
    const props = (task.taskProperties ?? {}) as JsonObject;
    const type = String(props.DATA_TYPE ?? '').toLowerCase();
    const time = TIME_TYPES.has(type);
    if (!compare || (!time && !NUMBER_TYPES.has(type))) continue;
    const bounds: Record<string, number> = {};
    for (const key of ['VALUE', 'LOWER_BOUND', 'UPPER_BOUND']) {
      bounds[key] = parseBound(props[key], time);
    }
    out.push({ time, test: (v) => compare(v, bounds) });
  }
  return out;
}

/** How many of the source entity's records a run starting at `atMs` reads through `tasks`. */
export function sourceRecordCount(tasks: JsonObject[], atMs: number): number {
  const checks = conditions(tasks);
  const newest = Math.floor(atMs / HOUR_MS) * HOUR_MS;
  let count = 0;
  for (let k = 0; k < SOURCE_RECORDS; k++) {
    const at = newest - (SOURCE_RECORDS - 1 - k) * HOUR_MS;
    if (checks.every((c) => c.test(c.time ? at : k + 1))) count++;
  }
  return count;
}
