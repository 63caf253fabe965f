"""Errors as boto3 surfaces them: each one a modelled exception class on client.exceptions."""

import botocore
from botocore.config import Config
from botocore.exceptions import ClientError

from common import SHAPES, URL, client, control, emit, observe

af = client()
profile = SHAPES["salesforceProfile"]
on_demand = SHAPES["onDemandFlow"]


def caught(call, exceptions=af.exceptions, **kwargs):
    """Call, catch the modelled exception class (of the calling client) the error code names."""
    try:
        call(**kwargs)
    except ClientError as e:
        code = e.response["Error"]["Code"]
        modelled = getattr(exceptions, code, None)
        return {
            "error": code,
            "class": type(e).__name__,
            "modelledClass": modelled is not None and isinstance(e, modelled),
            "status": e.response["ResponseMetadata"]["HTTPStatusCode"],
            "message": e.response["Error"].get("Message", ""),
        }
    return {"error": None}


def not_found():
    try:
        af.describe_flow(flowName="no-such-flow")
    except af.exceptions.ResourceNotFoundException as e:
        return {"caughtAs": "ResourceNotFoundException", "message": e.response["Error"]["Message"]}
    return {"caughtAs": None}


def conflict():
    af.create_connector_profile(**profile)
    return caught(af.create_connector_profile, **profile)


def unsupported():
    af.create_flow(**on_demand)
    return caught(af.stop_flow, flowName=on_demand["flowName"])


def fault(kind, **extra):
    def run():
        control("POST", "/faults", {"operation": "ListFlows", "type": kind, "count": 1, **extra})
        return caught(af.list_flows)

    return run


def unsigned():
    anonymous = botocore.session.get_session().create_client(
        "appflow",
        endpoint_url=URL,
        region_name="us-east-1",
        config=Config(signature_version=botocore.UNSIGNED, retries={"total_max_attempts": 1}),
    )
    return caught(anonymous.list_flows, anonymous.exceptions)


def unregistered_label():
    # AppFlow: a label that is not registered is a ValidationException.
    return caught(
        af.create_connector_profile,
        connectorProfileName="unregistered-label",
        connectorType="CustomConnector",
        connectorLabel="not_registered",
        connectionMode="Public",
        connectorProfileConfig={
            "connectorProfileProperties": {"CustomConnector": {"profileProperties": {}}},
            "connectorProfileCredentials": {
                "CustomConnector": {"authenticationType": "APIKEY", "apiKey": {"apiKey": "fake-key-for-tests"}}
            },
        },
    )


observe("notFound", not_found)
observe("notFoundCaught", lambda: caught(af.describe_flow, flowName="no-such-flow"))
observe("validation", lambda: caught(af.describe_flow, flowName="has spaces"))
observe("conflict", conflict)
observe("unsupported", unsupported)
observe("throttling", fault("throttle"))
observe("internal", fault("error"))
observe("connectorAuthentication", fault("error", errorType="ConnectorAuthenticationException"))
observe("accessDenied", unsigned)
observe("unregisteredLabel", unregistered_label)
emit()
