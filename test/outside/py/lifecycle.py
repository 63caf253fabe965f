"""Every AppFlow operation once, through boto3: connectors, profiles, flows, tags, entities, runs."""

from common import SHAPES, advance, client, emit, observe, timestamp

af = client()
profile = SHAPES["salesforceProfile"]
on_demand = SHAPES["onDemandFlow"]
scheduled = SHAPES["scheduledFlow"]
PROFILE = profile["connectorProfileName"]
FLOW = on_demand["flowName"]
LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:acme-inventory"


def connectors():
    registered = af.register_connector(
        connectorLabel="acme_inventory",
        connectorProvisioningType="LAMBDA",
        connectorProvisioningConfig={"lambda": {"lambdaArn": LAMBDA}},
    )
    listed = af.list_connectors()["connectors"]
    described = af.describe_connector(connectorType="CustomConnector", connectorLabel="acme_inventory")
    af.update_connector_registration(
        connectorLabel="acme_inventory",
        description="Inventory v2",
        connectorProvisioningConfig={"lambda": {"lambdaArn": LAMBDA + "-v2"}},
    )
    catalog = af.describe_connectors(connectorTypes=["Salesforce", "S3"])
    af.unregister_connector(connectorLabel="acme_inventory")
    return {
        "arn": registered["connectorArn"],
        "listed": [c["connectorLabel"] for c in listed],
        "describedLabel": described["connectorConfiguration"]["connectorLabel"],
        "registeredAt": timestamp(described["connectorConfiguration"].get("registeredAt")),
        "catalog": sorted(catalog["connectorConfigurations"].keys()),
        "afterUnregister": [c["connectorLabel"] for c in af.list_connectors()["connectors"]],
    }


def profiles():
    arn = af.create_connector_profile(**profile)["connectorProfileArn"]
    af.update_connector_profile(
        connectorProfileName=PROFILE,
        connectionMode="Private",
        connectorProfileConfig={
            "connectorProfileProperties": profile["connectorProfileConfig"]["connectorProfileProperties"]
        },
    )
    details = af.describe_connector_profiles(connectorProfileNames=[PROFILE])["connectorProfileDetails"]
    return {
        "arn": arn,
        "connectionMode": details[0]["connectionMode"],
        "credentialsArn": details[0].get("credentialsArn"),
        "credentialsEchoed": "dummyAccessToken" in repr(details),
        "createdAt": timestamp(details[0]["createdAt"]),
    }


def flows():
    created = af.create_flow(**on_demand)
    af.update_flow(**{**on_demand, "description": "updated through boto3"})
    described = af.describe_flow(flowName=FLOW)
    af.tag_resource(resourceArn=created["flowArn"], tags={"team": "data", "env": "test"})
    af.untag_resource(resourceArn=created["flowArn"], tagKeys=["env"])
    return {
        "status": created["flowStatus"],
        "description": described.get("description"),
        "tasks": len(described["tasks"]),
        "createdAt": timestamp(described["createdAt"]),
        "lastUpdatedAt": timestamp(described["lastUpdatedAt"]),
        "tags": af.list_tags_for_resource(resourceArn=created["flowArn"])["tags"],
        "listed": [f["flowName"] for f in af.list_flows()["flows"]],
    }


def entities():
    listed = af.list_connector_entities(connectorProfileName=PROFILE)["connectorEntityMap"]
    account = af.describe_connector_entity(connectorEntityName="Account", connectorProfileName=PROFILE)
    af.reset_connector_metadata_cache(connectorProfileName=PROFILE, connectorEntityName="Account")
    return {
        "names": sorted(e["name"] for group in listed.values() for e in group),
        "fields": len(account["connectorEntityFields"]),
    }


def runs():
    started = af.start_flow(flowName=FLOW)
    cancelled = af.cancel_flow_executions(flowName=FLOW)
    advance(5)
    records = af.describe_flow_execution_records(flowName=FLOW)["flowExecutions"]
    af.create_flow(**scheduled)
    activated = af.start_flow(flowName=scheduled["flowName"])
    stopped = af.stop_flow(flowName=scheduled["flowName"])
    return {
        "executionId": started.get("executionId"),
        "invalidExecutions": cancelled.get("invalidExecutions", []),
        "records": [
            {
                "executionId": r["executionId"],
                "status": r["executionStatus"],
                "startedAt": timestamp(r.get("startedAt")),
                "lastUpdatedAt": timestamp(r.get("lastUpdatedAt")),
            }
            for r in records
        ],
        "activated": {"status": activated["flowStatus"], "executionId": activated.get("executionId")},
        "stopped": stopped["flowStatus"],
    }


def deletes():
    af.delete_flow(flowName=FLOW)
    af.delete_flow(flowName=scheduled["flowName"])
    af.delete_connector_profile(connectorProfileName=PROFILE)
    return {
        "flows": af.list_flows()["flows"],
        "profiles": af.describe_connector_profiles()["connectorProfileDetails"],
    }


observe("connectors", connectors)
observe("profiles", profiles)
observe("flows", flows)
observe("entities", entities)
observe("runs", runs)
observe("deletes", deletes)
emit()
