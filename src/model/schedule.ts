/**
 * Schedule expressions of scheduled flows, as AppFlow takes them (shared by the emulator, which
 * runs them, and the gateway's validateFlow, which checks them):
 * - `rate(5minutes)`, `rate(1hours)`, `rate(1days)`: the model's own example is
 *   "rate(5minutes)"; AWS's cdk-appflow (src/core/flows/flow-time-updater) rewrites every rate to
 *   that form, a plural unit with no space, because AppFlow wants it so (cdklabs/cdk-appflow
 *   issue #334: the console flags `rate(1 days)`). Units are minutes, hours and days; the
 *   smallest interval is 1 minute (BYMINUTE is the finest ScheduleFrequencyType of the model).
 * - `cron(min hour day-of-month month day-of-week year)`: AWS's six fields (the EventBridge
 *   syntax): one of day-of-month and day-of-week must be `?`; days of week are 1-7 from Sunday
 *   or SUN-SAT.
 */
import { CronExpressionParser } from 'cron-parser';

const RATE = /^rate\((\d+)(minutes|hours|days)\)$/;
const CRON = /^cron\((.+)\)$/;
const UNIT_MS: Record<string, number> = {
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
};
const YEAR = /^(\*|\d{4}(-\d{4})?(,\d{4}(-\d{4})?)*)$/;

export type Schedule =
  | { kind: 'rate'; intervalMs: number; unit: string }
  | { kind: 'cron'; expression: string; tz: string; years?: [number, number][]; fields: string[] };

/** Is `tz` an IANA time zone name this runtime knows (`America/New_York`, `UTC`)? */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
  } catch {
    return false;
  }
  // Intl also takes offsets like "+01:00"; AppFlow's examples are IANA names.
  return /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(tz);
}

/** Parse a schedule expression, or return why it is not one AppFlow takes. */
export function parseSchedule(expression: string, tz?: string): Schedule | string {
  const rate = RATE.exec(expression);
  if (rate) {
    const n = Number(rate[1]);
    if (!(n >= 1)) return 'the rate must be at least 1 (the smallest interval is 1 minute)';
    return { kind: 'rate', intervalMs: n * UNIT_MS[rate[2]], unit: rate[2] };
  }
  if (/^rate\(/i.test(expression)) {
    return `${expression} is not a rate expression AppFlow takes: write rate(<n>minutes), rate(<n>hours) or rate(<n>days), for example rate(5minutes)`;
  }
  const cron = CRON.exec(expression);
  if (!cron) {
    return 'the schedule expression must be rate(<n>minutes|hours|days) or cron(<6 fields>)';
  }
  const fields = cron[1].trim().split(/\s+/);
  if (fields.length !== 6)
    return 'cron expressions have 6 fields: min hour day-of-month month day-of-week year';
  const [min, hour, dom, month, dow, year] = fields;
  if ((dom === '?') === (dow === '?')) {
    return 'in a cron expression exactly one of day-of-month and day-of-week must be ?';
  }
  if (!YEAR.test(year))
    return `the year field ${year} must be * or years such as 2026 or 2026-2030`;
  // AWS numbers days of week 1-7 from Sunday; cron-parser 0-6.
  const dowConverted = dow.replace(/\d+/g, (d) => String(Number(d) - 1));
  const expr = [min, hour, dom, month, dowConverted].map((f) => (f === '?' ? '*' : f)).join(' ');
  const zone = tz || 'UTC';
  try {
    CronExpressionParser.parse(expr, { tz: zone }).next();
  } catch (e) {
    return `invalid cron expression: ${(e as Error).message}`;
  }
  const years =
    year === '*'
      ? undefined
      : year.split(',').map((r): [number, number] => {
          const [a, b] = r.split('-').map(Number);
          return [a, b ?? a];
        });
  return { kind: 'cron', expression: expr, tz: zone, years, fields };
}

/** ScheduleFrequencyType of a schedule, to check against a connector's
 * supportedSchedulingFrequencies: the finest unit at which it repeats. */
export function frequencyOf(schedule: Schedule): string {
  if (schedule.kind === 'rate') {
    return { minutes: 'BYMINUTE', hours: 'HOURLY', days: 'DAILY' }[schedule.unit] ?? 'DAILY';
  }
  const [min, hour, dom, month, dow, year] = schedule.fields;
  const fixed = (f: string) => /^\d+$/.test(f);
  if (!fixed(min)) return 'BYMINUTE';
  if (!fixed(hour)) return 'HOURLY';
  if (fixed(dom) && fixed(month) && fixed(year)) return 'ONCE';
  if (fixed(dom) || fixed(month)) return 'MONTHLY';
  if (dow !== '?' && dow !== '*') return 'WEEKLY';
  return 'DAILY';
}
