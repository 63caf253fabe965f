/**
 * The schedule of a scheduled flow: a schedule expression AppFlow takes, a time zone it knows,
 * a frequency the source connector supports (`supportedSchedulingFrequencies`), start, end and
 * first-pull times that make sense. The parser is the one the emulator runs schedules with
 * (src/model/schedule.ts).
 */
import type { ConnectorConfiguration } from '@aws-sdk/client-appflow';
import { frequencyOf, isTimeZone, parseSchedule } from '../../model/schedule.js';
import type { ResolvedEndpoint } from './endpoints.js';
import {
  asList,
  asObj,
  type CheckContext,
  didYouMean,
  type FieldError,
  hint,
  problem,
} from './support.js';

const AT = ['triggerConfig', 'triggerProperties', 'Scheduled'];

let zones: string[] | undefined;
/** Every IANA time zone this runtime knows (for hints). */
function timeZones(): string[] {
  zones ??= (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf(
    'timeZone',
  );
  return zones;
}

function millis(value: unknown): number | undefined {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value * 1000;
  if (typeof value === 'string') {
    const t = Date.parse(value);
    return Number.isNaN(t) ? undefined : t;
  }
  return undefined;
}

export function scheduleProblems(
  ctx: CheckContext,
  source: ResolvedEndpoint | undefined,
): FieldError[] {
  const trigger = asObj(ctx.request.triggerConfig);
  if (trigger?.triggerType !== 'Scheduled') return [];
  const props = asObj(asObj(trigger.triggerProperties)?.Scheduled);
  if (!props) return [];
  const out: FieldError[] = [];
  const timezone = props.timezone as string | undefined;
  let zoneOk = true;
  if (typeof timezone === 'string' && !isTimeZone(timezone)) {
    zoneOk = false;
    const suggestions = didYouMean(timezone, timeZones());
    out.push(
      problem(
        [...AT, 'timezone'],
        'INVALID_TIMEZONE',
        `"${timezone}" is not a time zone: use an IANA name such as America/New_York.${hint(suggestions)}`,
        suggestions,
      ),
    );
  }
  const expression = props.scheduleExpression;
  if (typeof expression === 'string' && expression) {
    const parsed = parseSchedule(expression, zoneOk ? timezone : undefined);
    if (typeof parsed === 'string') {
      out.push(
        problem(
          [...AT, 'scheduleExpression'],
          'INVALID_SCHEDULE_EXPRESSION',
          `Invalid schedule expression: ${parsed}.`,
        ),
      );
    } else if (source?.configuration) {
      const frequency = frequencyOf(parsed);
      const supported = asList(
        (source.configuration as ConnectorConfiguration).supportedSchedulingFrequencies,
      );
      if (!supported.includes(frequency)) {
        out.push(
          problem(
            [...AT, 'scheduleExpression'],
            'SCHEDULE_FREQUENCY_NOT_SUPPORTED',
            `${expression} runs ${frequency}, which source connector ${source.connectorType} does not support. Supported frequencies: ${supported.join(', ') || 'none'}.`,
          ),
        );
      }
    }
  }
  const start = millis(props.scheduleStartTime);
  const end = millis(props.scheduleEndTime);
  // A minute of slack for the time the request takes (AppFlow refuses a start in the past).
  if (start !== undefined && start < ctx.now - 60_000) {
    out.push(
      problem(
        [...AT, 'scheduleStartTime'],
        'SCHEDULE_START_IN_PAST',
        'scheduleStartTime is in the past: give a time from now on, or leave it out to start at once.',
      ),
    );
  }
  if (end !== undefined && end <= Math.max(start ?? ctx.now, ctx.now)) {
    out.push(
      problem(
        [...AT, 'scheduleEndTime'],
        'SCHEDULE_END_BEFORE_START',
        'scheduleEndTime must be after scheduleStartTime and after now.',
      ),
    );
  }
  const from = millis(props.firstExecutionFrom);
  if (from !== undefined && from > ctx.now) {
    out.push(
      problem(
        [...AT, 'firstExecutionFrom'],
        'FIRST_EXECUTION_FROM_IN_FUTURE',
        'firstExecutionFrom is where the first run starts pulling records that exist: give a time in the past.',
      ),
    );
  }
  return out;
}
