/**
 * Schedule expressions of scheduled flows: `rate(5 minutes)` and AWS's 6-field
 * `cron(min hour day-of-month month day-of-week year)`, converted for cron-parser.
 *
 * Time scale: a schedule runs on emulated time, which flows `timeScale` times faster than the
 * emulator clock from the moment the flow was activated (its anchor). With timeScale 60, a
 * `rate(1 minute)` flow fires every clock second.
 */
import { CronExpressionParser } from 'cron-parser';

const RATE = /^rate\(\s*(\d+)\s*(minute|minutes|hour|hours|day|days)\s*\)$/i;
const CRON = /^cron\((.+)\)$/i;
const UNIT_MS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

export type Schedule =
  | { kind: 'rate'; intervalMs: number }
  | { kind: 'cron'; expression: string; tz?: string };

/** Parse a schedule expression, or return an error message. */
export function parseSchedule(expression: string, tz?: string): Schedule | string {
  const rate = RATE.exec(expression.trim());
  if (rate) {
    const n = Number(rate[1]);
    if (n < 1) return 'rate value must be a positive integer';
    const unit = rate[2].toLowerCase().replace(/s$/, '');
    return { kind: 'rate', intervalMs: n * UNIT_MS[unit] };
  }
  const cron = CRON.exec(expression.trim());
  if (cron) {
    const fields = cron[1].trim().split(/\s+/);
    if (fields.length !== 6) return 'cron expressions need 6 fields';
    const [min, hour, dom, month, dow] = fields;
    // AWS numbers days of week 1-7 from Sunday; cron-parser 0-6.
    const dowConverted = dow.replace(/\d+/g, (d) => String(Number(d) - 1));
    const expr = [min, hour, dom, month, dowConverted].map((f) => (f === '?' ? '*' : f)).join(' ');
    try {
      CronExpressionParser.parse(expr, { tz: tz || 'UTC' });
    } catch (e) {
      return `invalid cron expression: ${(e as Error).message}`;
    }
    return { kind: 'cron', expression: expr, tz: tz || 'UTC' };
  }
  return 'schedule expression must be rate(N minutes|hours|days) or cron(6 fields)';
}

/** The first fire time (clock ms) strictly after `afterMs`, for a schedule anchored at
 * `anchorMs` and running `scale` times faster than the clock. */
export function nextFire(
  schedule: Schedule,
  anchorMs: number,
  afterMs: number,
  scale: number,
): number {
  const virt = anchorMs + (afterMs - anchorMs) * scale;
  let nextVirt: number;
  if (schedule.kind === 'rate') {
    const k = Math.floor((virt - anchorMs) / schedule.intervalMs) + 1;
    nextVirt = anchorMs + k * schedule.intervalMs;
  } else {
    const it = CronExpressionParser.parse(schedule.expression, {
      currentDate: new Date(virt),
      tz: schedule.tz,
    });
    nextVirt = it.next().getTime();
  }
  const real = anchorMs + (nextVirt - anchorMs) / scale;
  // Guard against rounding landing on or before `afterMs`.
  return real > afterMs ? real : afterMs + 1;
}
