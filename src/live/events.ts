/**
 * AppFlow's own events, as EventBridge delivers them (an API destination POSTs the whole event
 * envelope: {version, id, detail-type, source, account, time, region, resources, detail}), into
 * the live state. AppFlow User Guide, "Flow notifications": `AppFlow Start Flow Run Report`,
 * `AppFlow End Flow Run Report`, `AppFlow Scheduled Flow Deactivated`, `AppFlow Event Flow
 * Deactivated` on the default bus, source `aws.appflow`; delivery is best effort (EventBridge
 * reference, "Amazon AppFlow events"), so polling stays on as reconciliation.
 *
 * - `EventIntake.accept` checks the envelope, drops an event id it has seen (idempotent across
 *   replicas through Redis SET NX), and writes the run to the state, which decides whether it
 *   is news (an End before its Start, a repeat or an older report changes nothing);
 * - `EventPace`: while events arrive, polls slow to the reconcile interval; when a poll finds a
 *   change no event reported (events stopped, or were lost), polls go back to their normal pace
 *   until the next event. Every replica hears both through the event bus.
 */
import { LRUCache } from 'lru-cache';
import type { SharedRedis } from '../redis.js';
import type { EventBus } from './pubsub.js';
import type { LiveState, RunChange } from './state.js';
import type { RunJson } from './tracker.js';

export const RUN_STARTED = 'AppFlow Start Flow Run Report';
export const RUN_ENDED = 'AppFlow End Flow Run Report';
export const DEACTIVATED = ['AppFlow Scheduled Flow Deactivated', 'AppFlow Event Flow Deactivated'];
export const APPFLOW_SOURCE = 'aws.appflow';

/** The EventBridge envelope (the documented common fields) with AppFlow's detail. */
export interface AppflowEvent {
  version?: string;
  id: string;
  'detail-type': string;
  source: string;
  account?: string;
  time?: string;
  region?: string;
  resources?: string[];
  detail: Record<string, unknown>;
}

/** A refusal: a stable code and a reason (values never echoed). */
export interface EventRefusal {
  code: 'EVENT_MALFORMED' | 'EVENT_SOURCE_UNKNOWN';
  message: string;
}

/** The envelope, checked: an event, or why it is refused. */
export function checkEnvelope(body: unknown): AppflowEvent | EventRefusal {
  const malformed = (message: string): EventRefusal => ({ code: 'EVENT_MALFORMED', message });
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return malformed('The body must be one EventBridge event (a JSON object).');
  }
  const e = body as Record<string, unknown>;
  for (const member of ['id', 'detail-type', 'source'] as const) {
    if (typeof e[member] !== 'string' || !(e[member] as string).length) {
      return malformed(`The event has no "${member}" string.`);
    }
  }
  if (!e.detail || typeof e.detail !== 'object' || Array.isArray(e.detail)) {
    return malformed('The event has no "detail" object.');
  }
  if (e.source !== APPFLOW_SOURCE) {
    return {
      code: 'EVENT_SOURCE_UNKNOWN',
      message: `Only events of source "${APPFLOW_SOURCE}" are accepted.`,
    };
  }
  return e as unknown as AppflowEvent;
}

const str = (v: unknown) => (typeof v === 'string' && v.length ? v : undefined);
const num = (v: unknown) => (v === undefined || v === '' ? undefined : Number(v));

/** AppFlow's detail `status` ("Execution Successful", "Execution Failed", ...) as a run status. */
export function runStatusOf(detailType: string, status: string | undefined): string {
  if (detailType === RUN_STARTED) return 'InProgress';
  const s = (status ?? '').toLowerCase();
  if (s.includes('cancel')) return 'Canceled';
  if (s.includes('success')) return 'Successful';
  return 'Error';
}

/** ISO time of a detail timestamp (AppFlow sends epoch seconds or ms as text, or ISO). */
function isoOf(v: unknown): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = Number(v);
  const ms = Number.isFinite(n) ? (n < 1e12 ? n * 1000 : n) : Date.parse(String(v));
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

/** The run an event reports, as the state stores runs (null: not a run event, or no id). */
export function runOfEvent(event: AppflowEvent): { flowName: string; run: RunJson } | null {
  const type = event['detail-type'];
  if (type !== RUN_STARTED && type !== RUN_ENDED) return null;
  const d = event.detail;
  const flowName = str(d['flow-name']);
  const executionId = str(d['execution-id']);
  if (!flowName || !executionId) return null;
  const status = runStatusOf(type, str(d.status));
  const startedAt =
    isoOf(d['start-time']) ?? (type === RUN_STARTED ? isoOf(event.time) : undefined);
  const ended = type === RUN_ENDED ? (isoOf(d['end-time']) ?? isoOf(event.time)) : startedAt;
  const run: RunJson = { executionId, executionStatus: status };
  if (startedAt) run.startedAt = startedAt;
  if (ended) run.lastUpdatedAt = ended;
  if (type === RUN_ENDED) {
    const records = num(d['num-of-records-processed']);
    const failures = num(d['num-of-record-failures']);
    const bytes = num(d['data-processed']);
    const message = str(d['error-message']);
    const result: Record<string, number | Record<string, number | string>> = {};
    if (records !== undefined && Number.isFinite(records)) result.recordsProcessed = records;
    if (bytes !== undefined && Number.isFinite(bytes)) result.bytesProcessed = bytes;
    if (status === 'Error' && (message || failures)) {
      result.errorInfo = {
        ...(failures !== undefined && Number.isFinite(failures)
          ? { putFailuresCount: failures }
          : {}),
        ...(message ? { executionMessage: message } : {}),
      };
    }
    run.executionResult = result;
  }
  return { flowName, run };
}

/** Whether events are arriving now (polls slow down), shared by every replica. */
export class EventPace {
  private lastEventAt = 0;
  private readonly stopListening: () => void;
  private lastPulse = 0;

  constructor(
    private readonly bus: EventBus,
    private readonly topic: string,
    /** How long after the last event they still count as arriving, at most. */
    private readonly quietMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.stopListening = bus.listen(topic, (payload) => {
      const p = payload as { arrived?: boolean };
      this.lastEventAt = p.arrived ? this.now() : 0;
    });
  }

  get flowing(): boolean {
    return this.lastEventAt > 0 && this.now() - this.lastEventAt < this.quietMs;
  }

  /** An event arrived (told to the other replicas at most once a second). */
  arrived(): void {
    const now = this.now();
    this.lastEventAt = now;
    if (now - this.lastPulse >= 1_000) {
      this.lastPulse = now;
      this.bus.publish(this.topic, { arrived: true });
    }
  }

  /** A poll found news no event reported: back to the normal pace until the next event. */
  missed(): void {
    if (this.lastEventAt === 0) return;
    this.lastEventAt = 0;
    this.lastPulse = 0;
    this.bus.publish(this.topic, { arrived: false });
  }

  close(): void {
    this.stopListening();
  }
}

export type IntakeOutcome =
  | { accepted: true; duplicate: boolean; changes: number }
  | { accepted: false; refusal: EventRefusal };

/** Where events enter the live state (see the file comment). */
export class EventIntake {
  private readonly seen = new LRUCache<string, true>({ max: 50_000, ttl: 86_400_000 });

  constructor(
    private readonly state: LiveState,
    private readonly pace: EventPace,
    private readonly redis: SharedRedis | undefined,
    private readonly namespace: string,
    /** A flow was deactivated by AppFlow: its description is stale (cache invalidation). */
    private readonly onFlowChanged: (flowName: string) => void | Promise<void>,
  ) {}

  /** First delivery of this id anywhere? (SET NX in Redis; this process's memory otherwise.) */
  private async first(id: string): Promise<boolean> {
    if (this.redis?.available) {
      try {
        const set = await this.redis.call((r) =>
          r.set(`${this.namespace}:event:${id}`, '1', 'PX', 86_400_000, 'NX'),
        );
        this.seen.set(id, true);
        return set === 'OK';
      } catch {
        // Fall through to memory.
      }
    }
    if (this.seen.has(id)) return false;
    this.seen.set(id, true);
    return true;
  }

  async accept(body: unknown): Promise<IntakeOutcome> {
    const event = checkEnvelope(body);
    if ('code' in event) return { accepted: false, refusal: event };
    if (!(await this.first(event.id))) return { accepted: true, duplicate: true, changes: 0 };
    this.pace.arrived();
    const type = event['detail-type'];
    if (DEACTIVATED.includes(type)) {
      const flowName = str(event.detail['flow-name']);
      if (flowName) await this.onFlowChanged(flowName);
      return { accepted: true, duplicate: false, changes: flowName ? 1 : 0 };
    }
    const reported = runOfEvent(event);
    if (!reported) return { accepted: true, duplicate: false, changes: 0 };
    const changes: RunChange[] = await this.state.applyRuns(
      reported.flowName,
      [reported.run],
      'event',
    );
    return { accepted: true, duplicate: false, changes: changes.length };
  }
}
