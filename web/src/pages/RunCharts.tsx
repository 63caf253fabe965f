/** A flow's run statistics (Flow.runStats): totals, and per-day runs, failures and records. */
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { type ChartSeries, TimeChart } from '../components/chart';
import { RequestError } from '../components/errors';
import { formatTime } from '../components/status';
import { FlowRunChartsDocument } from '../gql/graphql';

const seconds = (s: number | null | undefined) => (s == null ? '–' : `${s.toFixed(1)} s`);

export function RunCharts({ flowName }: { flowName: string }) {
  const [{ data, error }] = useQuery({ query: FlowRunChartsDocument, variables: { flowName } });
  const stats = data?.flow?.runStats;
  const days = useMemo(() => stats?.daily.map((d) => d.date) ?? [], [stats]);
  const runSeries = useMemo<ChartSeries[]>(
    () => [
      {
        label: 'runs',
        color: '#2563eb',
        values: stats?.daily.map((d) => d.runs) ?? [],
        bars: true,
      },
      { label: 'failures', color: '#dc2626', values: stats?.daily.map((d) => d.failures) ?? [] },
    ],
    [stats],
  );
  const recordSeries = useMemo<ChartSeries[]>(
    () => [
      {
        label: 'records',
        color: '#059669',
        values: stats?.daily.map((d) => d.records) ?? [],
        bars: true,
      },
    ],
    [stats],
  );
  if (error) return <RequestError error={error} />;
  if (!stats) return null;
  return (
    <section>
      <h2>Runs over time</h2>
      <div className="stats" data-testid="run-stats">
        <div>
          <b>{stats.runs}</b> runs{stats.truncated ? ' (newest only)' : ''}
        </div>
        <div>
          <b>{stats.successRate == null ? '–' : `${Math.round(stats.successRate * 100)}%`}</b>{' '}
          successful
        </div>
        <div>
          <b>{stats.failures}</b> failed
        </div>
        <div>
          <b>{stats.cancellations}</b> canceled
        </div>
        <div>
          <b>{seconds(stats.duration.p50)}</b> median duration
        </div>
        <div>
          <b>{seconds(stats.duration.p95)}</b> p95 duration
        </div>
        <div>
          <b>{Math.round(stats.records.total)}</b> records
        </div>
        {stats.lastError ? (
          <div className="error">
            Last error {formatTime(stats.lastError.at)}: {stats.lastError.message}
          </div>
        ) : null}
      </div>
      {days.length ? (
        <div className="charts">
          <TimeChart
            title="Runs and failures per day"
            days={days}
            series={runSeries}
            testId="chart-runs"
          />
          <TimeChart
            title="Records per day"
            days={days}
            series={recordSeries}
            testId="chart-records"
          />
        </div>
      ) : (
        <p className="muted">No runs to chart yet.</p>
      )}
    </section>
  );
}
