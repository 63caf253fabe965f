"""Apache Airflow's AppFlow operators, through boto3: the call sequences of apache/airflow's
providers/amazon/.../hooks/appflow.py (AppflowHook.run_flow, update_flow_filter) and
operators/appflow.py (AppflowRunFull/After/Before/DailyOperator and
AppflowRecordsShortCircuitOperator), restated here (facts, not their code): DescribeFlow's own
dicts go back into UpdateFlow, and `del response["triggerConfig"]["triggerProperties"]` is a
KeyError when DescribeFlow leaves that key out."""

from datetime import datetime, timedelta, timezone

from common import SHAPES, advance, client, emit, observe

af = client()
af.create_connector_profile(**SHAPES["salesforceProfile"])
PROFILE = SHAPES["salesforceProfile"]["connectorProfileName"]
FLOW = "airflow-boto3"
af.create_flow(
    flowName=FLOW,
    triggerConfig={"triggerType": "OnDemand"},
    sourceFlowConfig={
        "connectorType": "Salesforce",
        "connectorProfileName": PROFILE,
        "sourceConnectorProperties": {"Salesforce": {"object": "Account"}},
    },
    destinationFlowConfigList=[
        {
            "connectorType": "S3",
            "destinationConnectorProperties": {"S3": {"bucketName": "airflow-bucket"}},
        }
    ],
    tasks=[
        {"taskType": "Filter", "sourceFields": ["Id", "Name"], "connectorOperator": {"Salesforce": "PROJECTION"}},
        {"taskType": "Map", "sourceFields": ["Id"], "destinationField": "Id", "connectorOperator": {"Salesforce": "NO_OP"}},
        {"taskType": "Map", "sourceFields": ["Name"], "destinationField": "Name", "connectorOperator": {"Salesforce": "NO_OP"}},
    ],
)


def epoch_ms(dt):
    return int(dt.timestamp() * 1000)


def update_flow_filter(filter_tasks):
    """AppflowHook.update_flow_filter(flow, filter_tasks, set_trigger_ondemand=True)."""
    response = af.describe_flow(flowName=FLOW)
    connector_type = response["sourceFlowConfig"]["connectorType"]
    tasks = [
        t
        for t in response["tasks"]
        if not (t["taskType"] == "Filter" and t.get("connectorOperator", {}).get(connector_type) != "PROJECTION")
    ]
    tasks += filter_tasks
    del response["triggerConfig"]["triggerProperties"]
    af.update_flow(
        flowName=response["flowName"],
        destinationFlowConfigList=response["destinationFlowConfigList"],
        sourceFlowConfig=response["sourceFlowConfig"],
        triggerConfig=response["triggerConfig"],
        description=response.get("description", "Flow description."),
        tasks=tasks,
    )


def run_flow():
    """AppflowHook.run_flow, with the emulator's clock advanced instead of sleeping."""
    execution_id = af.start_flow(flowName=FLOW)["executionId"]
    details = af.describe_flow(flowName=FLOW)["lastRunExecutionDetails"]
    while details.get("mostRecentExecutionStatus", "InProgress") == "InProgress":
        advance(301)
        details = af.describe_flow(flowName=FLOW)["lastRunExecutionDetails"]
    return execution_id, details["mostRecentExecutionStatus"]


def records_processed(execution_id):
    """AppflowRecordsShortCircuitOperator._has_new_records_func."""
    args = {"flowName": FLOW, "maxResults": 100}
    response = {}
    while True:
        if "nextToken" in response:
            response = af.describe_flow_execution_records(nextToken=response["nextToken"], **args)
        else:
            response = af.describe_flow_execution_records(**args)
        record = next((r for r in response["flowExecutions"] if r.get("executionId") == execution_id), None)
        if record:
            return record["executionResult"]["recordsProcessed"]
        if "nextToken" not in response:
            raise RuntimeError(f"Flow ({execution_id}) without recordsProcessed info.")


def operator(filter_tasks):
    described = af.describe_flow(flowName=FLOW)
    assert described["sourceFlowConfig"]["connectorType"].lower() == "salesforce"
    update_flow_filter(filter_tasks)
    execution_id, status = run_flow()
    return {"status": status, "records": records_processed(execution_id)}


def date_filter(op, **props):
    return {
        "taskType": "Filter",
        "connectorOperator": {"Salesforce": op},
        "sourceFields": ["LastModifiedDate"],
        "taskProperties": {"DATA_TYPE": "datetime", **{k: str(v) for k, v in props.items()}},
    }


now = datetime.now(timezone.utc)
ten_days_ago = (now - timedelta(days=10)).replace(hour=0, minute=0, second=0, microsecond=0)

observe("triggerProperties", lambda: af.describe_flow(flowName=FLOW)["triggerConfig"])
observe("full", lambda: operator([]))
observe("triggerPropertiesAfterUpdate", lambda: af.describe_flow(flowName=FLOW)["triggerConfig"])
observe("afterTomorrow", lambda: operator([date_filter("GREATER_THAN", VALUE=epoch_ms(now + timedelta(days=1)))]))
observe("beforeTomorrow", lambda: operator([date_filter("LESS_THAN", VALUE=epoch_ms(now + timedelta(days=1)))]))
observe("beforeLastMonth", lambda: operator([date_filter("LESS_THAN", VALUE=epoch_ms(now - timedelta(days=40)))]))
observe(
    "daily",
    lambda: operator(
        [
            date_filter(
                "BETWEEN",
                LOWER_BOUND=epoch_ms(ten_days_ago - timedelta(milliseconds=1)),
                UPPER_BOUND=epoch_ms(ten_days_ago + timedelta(days=1)),
            )
        ]
    ),
)
observe("fullAgain", lambda: operator([]))
emit()
