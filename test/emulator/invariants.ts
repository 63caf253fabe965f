/**
 * The invariants of an AppFlow account as a client sees them through the API, for live,
 * seeded and generated data alike. Returns every violation found (empty = consistent).
 */
import {
  type AppflowClient,
  DescribeFlowCommand,
  paginateDescribeConnectorProfiles,
  paginateDescribeFlowExecutionRecords,
  paginateListFlows,
} from '@aws-sdk/client-appflow';
import { enumValues } from '../../src/model/model.js';

const ACTIVE_RUN = new Set(['InProgress', 'CancelStarted']);
const FINAL_RUN = new Set(['Successful', 'Error', 'Canceled']);

export async function accountViolations(client: AppflowClient, nowMs: number): Promise<string[]> {
  const out: string[] = [];
  const fail = (what: string) => out.push(what);
  const ms = (d: Date | undefined) => d?.getTime();

  const profiles = new Map<string, { createdAt: number }>();
  for await (const page of paginateDescribeConnectorProfiles({ client }, {})) {
    for (const p of page.connectorProfileDetails ?? []) {
      const name = p.connectorProfileName!;
      const created = ms(p.createdAt)!;
      profiles.set(name, { createdAt: created });
      if (ms(p.lastUpdatedAt)! < created) fail(`profile ${name}: lastUpdatedAt before createdAt`);
      if (created > nowMs) fail(`profile ${name}: created in the future`);
    }
  }

  const statuses = new Set(enumValues('ExecutionStatus'));
  for await (const page of paginateListFlows({ client }, {})) {
    for (const summary of page.flows ?? []) {
      const name = summary.flowName!;
      const flow = await client.send(new DescribeFlowCommand({ flowName: name }));
      const created = ms(flow.createdAt)!;
      if (ms(flow.lastUpdatedAt)! < created) fail(`flow ${name}: lastUpdatedAt before createdAt`);
      if (created > nowMs) fail(`flow ${name}: created in the future`);
      if (flow.triggerConfig?.triggerType === 'OnDemand' && flow.flowStatus !== 'Active') {
        fail(`flow ${name}: an on-demand flow is ${flow.flowStatus}, not Active`);
      }
      if ((flow.destinationFlowConfigList ?? []).length !== 1) {
        fail(`flow ${name}: ${(flow.destinationFlowConfigList ?? []).length} destinations`);
      }
      const used = [
        flow.sourceFlowConfig?.connectorProfileName,
        ...(flow.destinationFlowConfigList ?? []).map((d) => d.connectorProfileName),
      ].filter((n): n is string => !!n);
      for (const p of used) {
        const profile = profiles.get(p);
        if (profile && profile.createdAt > created)
          fail(`flow ${name}: older than its profile ${p}`);
      }
      const runs = [];
      for await (const r of paginateDescribeFlowExecutionRecords({ client }, { flowName: name })) {
        runs.push(...(r.flowExecutions ?? []));
      }
      for (let i = 0; i < runs.length; i++) {
        const r = runs[i];
        const at = `flow ${name} run ${r.executionId}`;
        const started = ms(r.startedAt)!;
        if (!statuses.has(r.executionStatus!)) fail(`${at}: unknown status ${r.executionStatus}`);
        if (started < created) fail(`${at}: started before the flow was created`);
        if (started > nowMs) fail(`${at}: started in the future`);
        if (ms(r.lastUpdatedAt)! < started) fail(`${at}: lastUpdatedAt before startedAt`);
        if (i > 0 && started > ms(runs[i - 1].startedAt)!) fail(`${at}: not newest first`);
        const from = ms(r.dataPullStartTime);
        const to = ms(r.dataPullEndTime);
        if (from === undefined || to === undefined) fail(`${at}: no data pull window`);
        else if (from > to || to > started) fail(`${at}: data pull window out of order`);
        const result = r.executionResult;
        if (FINAL_RUN.has(r.executionStatus!) || ACTIVE_RUN.has(r.executionStatus!)) {
          if (!result) fail(`${at}: no executionResult`);
        }
        if (r.executionStatus === 'Successful' && result?.errorInfo)
          fail(`${at}: success with errorInfo`);
        if (r.executionStatus === 'Error' && !result?.errorInfo)
          fail(`${at}: error without errorInfo`);
      }
      const last = flow.lastRunExecutionDetails;
      const newest = runs[0];
      if (!newest) {
        if (last) fail(`flow ${name}: lastRunExecutionDetails without any run`);
        continue;
      }
      if (!last) {
        fail(`flow ${name}: runs but no lastRunExecutionDetails`);
        continue;
      }
      if (last.mostRecentExecutionStatus !== newest.executionStatus) {
        fail(
          `flow ${name}: lastRunExecutionDetails says ${last.mostRecentExecutionStatus}, the newest run is ${newest.executionStatus}`,
        );
      }
      if (ms(last.mostRecentExecutionTime) !== ms(newest.lastUpdatedAt)) {
        fail(`flow ${name}: mostRecentExecutionTime is not the newest run's lastUpdatedAt`);
      }
      if (ms(last.mostRecentExecutionTime)! < created)
        fail(`flow ${name}: last run older than the flow`);
      const needsMessage =
        newest.executionStatus === 'Error' || newest.executionStatus === 'Canceled';
      if (needsMessage !== !!last.mostRecentExecutionMessage) {
        fail(`flow ${name}: mostRecentExecutionMessage does not fit ${newest.executionStatus}`);
      }
    }
  }
  return out;
}
