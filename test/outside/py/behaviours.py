"""The documented behaviours, through boto3: StartFlow, StopFlow, CancelFlowExecutions,
ResetConnectorMetadataCache's connectorType/profile rule, idempotent clientToken, timestamps."""

import copy
from datetime import datetime, timedelta, timezone

from common import SHAPES, advance, client, emit, error_of, observe, timestamp

af = client()
profile = SHAPES["salesforceProfile"]
on_demand = SHAPES["onDemandFlow"]
scheduled = SHAPES["scheduledFlow"]
event = SHAPES["eventFlow"]
FLOW = on_demand["flowName"]
af.create_connector_profile(**profile)


def start_flow():
    af.create_flow(**on_demand)
    af.create_flow(**scheduled)
    af.create_flow(**event)
    ran = af.start_flow(flowName=FLOW)
    activated = af.start_flow(flowName=scheduled["flowName"])
    event_activated = af.start_flow(flowName=event["flowName"])
    records = af.describe_flow_execution_records(flowName=FLOW)["flowExecutions"]
    return {
        "onDemand": {"executionId": ran.get("executionId"), "status": ran["flowStatus"]},
        "onDemandRun": [r["executionStatus"] for r in records],
        "scheduled": {"executionId": activated.get("executionId"), "status": activated["flowStatus"]},
        "event": {"executionId": event_activated.get("executionId"), "status": event_activated["flowStatus"]},
        "scheduledRuns": len(
            af.describe_flow_execution_records(flowName=scheduled["flowName"])["flowExecutions"]
        ),
    }


def stop_flow():
    stopped = af.stop_flow(flowName=scheduled["flowName"])
    return {
        "scheduled": stopped["flowStatus"],
        "described": af.describe_flow(flowName=scheduled["flowName"])["flowStatus"],
        "onDemand": error_of(af.stop_flow, flowName=FLOW),
    }


def cancel():
    second = af.start_flow(flowName=FLOW)["executionId"]
    everything = af.cancel_flow_executions(flowName=FLOW)
    right_after = {
        r["executionId"]: r["executionStatus"]
        for r in af.describe_flow_execution_records(flowName=FLOW)["flowExecutions"]
    }
    advance(5)
    later = {
        r["executionId"]: r["executionStatus"]
        for r in af.describe_flow_execution_records(flowName=FLOW)["flowExecutions"]
    }
    again = af.cancel_flow_executions(flowName=FLOW, executionIds=[second])
    return {
        "invalidWhenAllActive": everything.get("invalidExecutions", []),
        "rightAfter": sorted(right_after.values()),
        "later": sorted(later.values()),
        "finishedCannotBeCancelled": again.get("invalidExecutions", []) == [second],
    }


def reset_rule():
    return {
        "s3ByType": error_of(af.reset_connector_metadata_cache, connectorType="S3"),
        "eventBridgeByType": error_of(af.reset_connector_metadata_cache, connectorType="EventBridge"),
        "salesforceByType": error_of(af.reset_connector_metadata_cache, connectorType="Salesforce"),
        "salesforceByProfile": error_of(
            af.reset_connector_metadata_cache, connectorProfileName=profile["connectorProfileName"]
        ),
        "neither": error_of(af.reset_connector_metadata_cache),
    }


def idempotency():
    flow = {**on_demand, "flowName": "idempotent-flow", "clientToken": "boto3-create-1"}
    first = af.create_flow(**flow)
    retry = af.create_flow(**flow)
    changed = error_of(af.create_flow, **{**flow, "description": "something else"})
    run_a = af.start_flow(flowName="idempotent-flow", clientToken="boto3-start-1")
    run_b = af.start_flow(flowName="idempotent-flow", clientToken="boto3-start-1")
    # Different parameters, same token: an on-demand flow just runs.
    other_on_demand = error_of(af.start_flow, flowName=FLOW, clientToken="boto3-start-1")
    af.start_flow(flowName=event["flowName"], clientToken="boto3-start-2")
    other_event = error_of(af.start_flow, flowName=scheduled["flowName"], clientToken="boto3-start-2")
    return {
        "sameArn": first["flowArn"] == retry["flowArn"],
        "flowsNamedSo": [f["flowName"] for f in af.list_flows()["flows"]].count("idempotent-flow"),
        "changedInput": changed,
        "sameExecution": run_a["executionId"] == run_b["executionId"],
        "otherOnDemandFlow": other_on_demand,
        "otherScheduledFlow": other_event,
    }


def timestamps():
    start = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(days=2)
    flow = {**copy.deepcopy(scheduled), "flowName": "timestamps-flow"}
    flow["triggerConfig"]["triggerProperties"]["Scheduled"]["scheduleStartTime"] = start
    af.create_flow(**flow)
    described = af.describe_flow(flowName="timestamps-flow")
    echoed = described["triggerConfig"]["triggerProperties"]["Scheduled"]["scheduleStartTime"]
    record = af.describe_flow_execution_records(flowName=FLOW)["flowExecutions"][0]
    listed = next(f for f in af.list_flows()["flows"] if f["flowName"] == FLOW)
    return {
        "createdAt": timestamp(described["createdAt"]),
        "createdAtNearNow": abs((described["createdAt"] - datetime.now(timezone.utc)).total_seconds()) < 600,
        "scheduleStartTime": timestamp(echoed),
        "scheduleStartTimeRoundTrips": echoed == start,
        "startedAt": timestamp(record["startedAt"]),
        "lastUpdatedAt": timestamp(record["lastUpdatedAt"]),
        "mostRecentExecutionTime": timestamp(
            listed.get("lastRunExecutionDetails", {}).get("mostRecentExecutionTime")
        ),
    }


observe("startFlow", start_flow)
observe("stopFlow", stop_flow)
observe("cancel", cancel)
observe("resetRule", reset_rule)
observe("idempotency", idempotency)
observe("timestamps", timestamps)
emit()
