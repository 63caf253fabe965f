/**
 * AppFlow's EventBridge events, as the emulator's runs produce them: `AppFlow Start Flow Run
 * Report` when a run starts, `AppFlow End Flow Run Report` when it ends, `AppFlow Scheduled Flow
 * Deactivated` / `AppFlow Event Flow Deactivated` when too many failed runs deactivate a flow
 * (AppFlow User Guide, "Flow notifications"), each in EventBridge's envelope ({version, id,
 * detail-type, source, account, time, region, resources, detail}) POSTed as JSON to a target,
 * the way an EventBridge API destination delivers them, with a header (the API-key connection's).
 *
 * Best effort like the real thing, and worse on request: a fault mode drops, duplicates, delays
 * or reorders deliveries, so the gateway's reconciliation can be tested without AWS.
 * The models call the three hooks (ModelEnv.events); nothing here changes the store.
 */
import { randomUUID } from 'node:crypto';
import { toSeconds } from './clock.js';
import type { RunEventSink } from './models/env.js';
import type { FlowRecord } from './models/flows.js';
import type { RunRecord } from './models/runs.js';

export type EventFaultMode = 'drop' | 'duplicate' | 'delay' | 'reorder';

export interface EventFault {
  mode: EventFaultMode;
  /** Deliveries it affects; null = until cleared. */
  remaining: number | null;
  /** For `delay`. */
  delayMs?: number;
  /** Only events of this detail-type (default: all). */
  detailType?: string;
}

export interface EventTarget {
  url: string;
  /** Sent with every delivery (`Name: value`), e.g. the API destination's secret header. */
  header?: { name: string; value: string };
}

export interface EventCounters {
  emitted: number;
  delivered: number;
  dropped: number;
  failed: number;
}

export interface EmulatedEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: 'aws.appflow';
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: Record<string, string>;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** AppFlow's run status words in its reports. */
const END_STATUS: Record<string, string> = {
  Successful: 'Execution Successful',
  Error: 'Execution Failed',
  Canceled: 'Execution Canceled',
};

export class EventEmitter implements RunEventSink {
  target?: EventTarget;
  faults: EventFault[] = [];
  counters: EventCounters = { emitted: 0, delivered: 0, dropped: 0, failed: 0 };
  /** The event a `reorder` fault holds back until the next one has gone. */
  private held?: EmulatedEvent;
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly env: {
      region: string;
      accountId: string;
      now(): number;
      flow(name: string): FlowRecord | undefined;
    },
    target?: EventTarget,
  ) {
    this.target = target;
  }

  runStarted(run: RunRecord) {
    this.emit('AppFlow Start Flow Run Report', run.flowName, {
      'execution-id': run.executionId,
      status: 'Execution started',
      'start-time': String(toSeconds(run.startedAtMs)),
    });
  }

  runEnded(run: RunRecord) {
    const result = run.result as Record<string, unknown>;
    const error = result.errorInfo as { putFailuresCount?: number; executionMessage?: string };
    this.emit('AppFlow End Flow Run Report', run.flowName, {
      'execution-id': run.executionId,
      status: END_STATUS[run.status] ?? `Execution ${run.status}`,
      'start-time': String(toSeconds(run.startedAtMs)),
      'end-time': String(toSeconds(run.lastUpdatedAtMs)),
      'num-of-records-processed': String(result.recordsProcessed ?? 0),
      'num-of-record-failures': String(error?.putFailuresCount ?? 0),
      'data-processed': String(result.bytesProcessed ?? 0),
      ...(error?.executionMessage ? { 'error-message': error.executionMessage } : {}),
    });
  }

  flowDeactivated(flow: FlowRecord) {
    const type =
      flow.definition.triggerConfig.triggerType === 'Event'
        ? 'AppFlow Event Flow Deactivated'
        : 'AppFlow Scheduled Flow Deactivated';
    this.emit(type, flow.flowName, { 'deactivation-reason': flow.flowStatusMessage ?? '' });
  }

  /** Every delivery under way has finished (tests). */
  async flush(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  /** The held-back event of a reorder fault goes now (nothing came after it). */
  release() {
    const held = this.held;
    this.held = undefined;
    if (held) this.deliver(held);
  }

  private emit(detailType: string, flowName: string, extra: Record<string, string>) {
    const flow = this.env.flow(flowName);
    if (!flow || !this.target) return;
    const source = flow.definition.sourceFlowConfig;
    const destination = flow.definition.destinationFlowConfigList[0];
    const objectOf = (props: unknown) =>
      String(Object.values((props ?? {}) as Record<string, { object?: string }>)[0]?.object ?? '');
    const event: EmulatedEvent = {
      version: '0',
      id: randomUUID(),
      'detail-type': detailType,
      source: 'aws.appflow',
      account: this.env.accountId,
      time: iso(this.env.now()),
      region: this.env.region,
      resources: [flow.flowArn],
      detail: {
        'flow-name': flow.flowName,
        'created-by': flow.createdBy,
        'flow-arn': flow.flowArn,
        source: source.connectorType,
        destination: destination?.connectorType ?? '',
        'source-object': objectOf(source.sourceConnectorProperties),
        'destination-object': objectOf(destination?.destinationConnectorProperties),
        'trigger-type': String(
          flow.definition.triggerConfig.triggerType ?? 'OnDemand',
        ).toUpperCase(),
        ...extra,
      },
    };
    this.counters.emitted++;
    const fault = this.faults.find(
      (f) => f.remaining !== 0 && (!f.detailType || f.detailType === detailType),
    );
    if (fault && fault.remaining !== null) fault.remaining--;
    this.faults = this.faults.filter((f) => f.remaining !== 0);
    switch (fault?.mode) {
      case 'drop':
        this.counters.dropped++;
        return;
      case 'duplicate':
        this.deliver(event);
        this.deliver(event);
        return;
      case 'delay':
        this.deliver(event, fault.delayMs ?? 1_000);
        return;
      case 'reorder':
        if (!this.held) {
          this.held = event;
          return;
        }
        break;
    }
    this.deliver(event);
    this.release();
  }

  private deliver(event: EmulatedEvent, delayMs = 0) {
    const target = this.target;
    if (!target) return;
    const send = async () => {
      if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
      try {
        const res = await fetch(target.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(target.header ? { [target.header.name]: target.header.value } : {}),
          },
          body: JSON.stringify(event),
        });
        await res.arrayBuffer().catch(() => {});
        if (res.ok) this.counters.delivered++;
        else this.counters.failed++;
      } catch {
        this.counters.failed++;
      }
    };
    const promise = send().finally(() => this.pending.delete(promise));
    this.pending.add(promise);
  }
}

/** `Name: value` (the CLI's --eventbridge-header) as a header. */
export function parseHeader(text: string): { name: string; value: string } {
  const colon = text.indexOf(':');
  if (colon <= 0) throw new Error(`A header is "Name: value", got "${text}"`);
  return { name: text.slice(0, colon).trim(), value: text.slice(colon + 1).trim() };
}

/** The control API's view and settings (`/_emulator/events`); the header value is never shown. */
export function eventsControl(
  emitter: EventEmitter,
  method: string,
  body: Record<string, unknown>,
): unknown {
  const view = () => ({
    target: emitter.target
      ? { url: emitter.target.url, header: emitter.target.header?.name ?? null }
      : null,
    faults: emitter.faults,
    ...emitter.counters,
  });
  if (method === 'GET') return view();
  if (method === 'DELETE') {
    emitter.target = undefined;
    emitter.faults = [];
    return view();
  }
  if (body.target !== undefined) {
    if (body.target === null) emitter.target = undefined;
    else {
      const url = String(body.target);
      if (!/^https?:\/\//.test(url)) throw new Error('target must be an http(s) URL');
      emitter.target = {
        url,
        header: typeof body.header === 'string' ? parseHeader(body.header) : undefined,
      };
    }
  }
  if (body.fault !== undefined) {
    const f = body.fault as Record<string, unknown> | null;
    if (f === null) emitter.faults = [];
    else {
      const mode = f.mode as EventFaultMode;
      if (!['drop', 'duplicate', 'delay', 'reorder'].includes(mode)) {
        throw new Error("fault.mode must be 'drop', 'duplicate', 'delay' or 'reorder'");
      }
      const count = f.count === undefined ? null : Number(f.count);
      if (count !== null && !(count >= 1)) throw new Error('fault.count must be >= 1');
      emitter.faults.push({
        mode,
        remaining: count,
        delayMs: f.delayMs === undefined ? undefined : Number(f.delayMs),
        detailType: typeof f.detailType === 'string' ? f.detailType : undefined,
      });
    }
  }
  if (body.counters === 'reset') {
    emitter.counters = { emitted: 0, delivered: 0, dropped: 0, failed: 0 };
  }
  return view();
}
