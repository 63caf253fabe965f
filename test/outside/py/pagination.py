"""boto3's paginators (from the vendored paginators.json) over the emulator's pages."""

from common import client, control, emit, observe

af = client()
control("POST", "/seed", {"generate": {"flows": 25, "profiles": 12, "executionsPerFlow": 7}})
for i in range(7):
    af.register_connector(
        connectorLabel=f"connector_{i}",
        connectorProvisioningType="LAMBDA",
        connectorProvisioningConfig={
            "lambda": {"lambdaArn": f"arn:aws:lambda:us-east-1:123456789012:function:connector-{i}"}
        },
    )
first_flow = af.list_flows(maxResults=1)["flows"][0]["flowName"]


IDENTITIES = ("flowName", "connectorProfileName", "executionId", "connectorLabel")


def identity(item):
    """What names an item of a page (a map's items are its keys)."""
    if isinstance(item, dict):
        return next(item[k] for k in IDENTITIES if k in item)
    return item


def pages(operation, result_key, page_size, **kwargs):
    paginator = af.get_paginator(operation)
    sizes, items = [], []
    for page in paginator.paginate(PaginationConfig={"PageSize": page_size}, **kwargs):
        got = page.get(result_key, [])
        sizes.append(len(got))
        items.extend(got if isinstance(got, list) else list(got.keys()))
    return {"pageSizes": sizes, "total": len(items), "items": [identity(i) for i in items]}


def unpaginated_total(operation, result_key, **kwargs):
    """Every item, following nextToken by hand with the largest page."""
    call, token, total = getattr(af, operation), None, 0
    while True:
        page = call(maxResults=100, **({"nextToken": token} if token else {}), **kwargs)
        total += len(page.get(result_key, []))
        token = page.get("nextToken")
        if not token:
            return total


def max_items_then_resume():
    paginator = af.get_paginator("list_flows")
    first = paginator.paginate(PaginationConfig={"MaxItems": 10, "PageSize": 4}).build_full_result()
    rest = paginator.paginate(
        PaginationConfig={"StartingToken": first["NextToken"], "PageSize": 4}
    ).build_full_result()
    names = [f["flowName"] for f in first["flows"] + rest["flows"]]
    return {"first": len(first["flows"]), "rest": len(rest["flows"]), "unique": len(set(names))}


observe(
    "canPaginate",
    lambda: {
        op: af.can_paginate(op)
        for op in [
            "list_flows",
            "describe_connector_profiles",
            "describe_flow_execution_records",
            "describe_connectors",
            "list_connectors",
        ]
    },
)
observe("listFlows", lambda: {**pages("list_flows", "flows", 10), "expected": unpaginated_total("list_flows", "flows")})
observe(
    "describeConnectorProfiles",
    lambda: {
        **pages("describe_connector_profiles", "connectorProfileDetails", 5),
        "expected": unpaginated_total("describe_connector_profiles", "connectorProfileDetails"),
    },
)
observe(
    "describeFlowExecutionRecords",
    lambda: {**pages("describe_flow_execution_records", "flowExecutions", 3, flowName=first_flow), "expected": 7},
)
observe(
    "describeConnectors",
    lambda: {
        **pages("describe_connectors", "connectorConfigurations", 5),
        "expected": unpaginated_total("describe_connectors", "connectorConfigurations"),
    },
)
observe("listConnectors", lambda: {**pages("list_connectors", "connectors", 3), "expected": 7})
observe("maxItemsThenResume", max_items_then_resume)
emit()
