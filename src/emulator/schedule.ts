/**
 * Running the schedules of scheduled flows (parsing them is src/model/schedule.ts, shared with
 * the gateway).
 *
 * Time scale: a schedule runs on emulated time, which flows `timeScale` times faster than the
 * emulator clock from the moment the schedule was anchored. With timeScale 60, a
 * `rate(1minutes)` flow fires every clock second.
 */
import { CronExpressionParser } from 'cron-parser';
import type { Schedule } from '../model/schedule.js';

export { frequencyOf, isTimeZone, parseSchedule, type Schedule } from '../model/schedule.js';

const inYears = (years: [number, number][] | undefined, ms: number) => {
  if (!years) return true;
  const y = new Date(ms).getUTCFullYear();
  return years.some(([a, b]) => y >= a && y <= b);
};

/** The first fire time (clock ms) at or after `fromMs` (strictly after when `strict`), for a
 * schedule anchored at `anchorMs` and running `scale` times faster than the clock; undefined
 * when the schedule never fires again (a cron year range that is over). */
export function nextFire(
  schedule: Schedule,
  anchorMs: number,
  fromMs: number,
  scale: number,
  strict = true,
): number | undefined {
  const virt = anchorMs + (fromMs - anchorMs) * scale;
  let nextVirt: number | undefined;
  if (schedule.kind === 'rate') {
    const elapsed = (virt - anchorMs) / schedule.intervalMs;
    const k = strict ? Math.floor(elapsed) + 1 : Math.max(0, Math.ceil(elapsed));
    nextVirt = anchorMs + k * schedule.intervalMs;
  } else {
    const it = CronExpressionParser.parse(schedule.expression, {
      currentDate: new Date(strict ? virt : virt - 1),
      tz: schedule.tz,
    });
    for (let i = 0; i < 10_000 && nextVirt === undefined; i++) {
      const t = it.next().getTime();
      if (inYears(schedule.years, t)) nextVirt = t;
      else if (
        schedule.years &&
        new Date(t).getUTCFullYear() > Math.max(...schedule.years.map((r) => r[1]))
      )
        break;
    }
    if (nextVirt === undefined) return undefined;
  }
  const real = anchorMs + (nextVirt - anchorMs) / scale;
  // Guard against rounding landing before `fromMs` (or on it, when strict).
  if (strict ? real > fromMs : real >= fromMs) return real;
  return strict ? fromMs + 1 : fromMs;
}
