"""AppFlow rules the emulator follows (each observation below is one), plus the
members botocore 1.43 added to the model (Snowflake key pairs, PKCE), through boto3."""

import copy
from datetime import datetime, timedelta, timezone

from common import SHAPES, advance, client, control, emit, error_of, observe

af = client()
scheduled = SHAPES["scheduledWithoutStart"]
salesforce = SHAPES["salesforceProfile"]
snowflake = SHAPES["snowflakeProfile"]


def scheduled_flow(name, **trigger):
    flow = copy.deepcopy(scheduled)
    flow["flowName"] = name
    flow["triggerConfig"]["triggerProperties"]["Scheduled"].update(trigger)
    return flow


def runs_of(name):
    records = af.describe_flow_execution_records(flowName=name)["flowExecutions"]
    return sorted(records, key=lambda r: r["startedAt"])


# AppFlow: a rate() flow runs once when it is activated.
def rate_runs_at_activation():
    af.create_flow(**scheduled_flow("rate-at-activation"))
    af.start_flow(flowName="rate-at-activation")
    advance(2)
    return {"runs": len(runs_of("rate-at-activation"))}


# AppFlow: the first run of an incremental schedule pulls the past
# 30 days, or from firstExecutionFrom when it is given.
def first_pull_window(name, **trigger):
    def run():
        af.create_flow(**scheduled_flow(name, dataPullMode="Incremental", **trigger))
        af.start_flow(flowName=name)
        # Past the first fire time, whether or not the schedule also runs at activation.
        advance(6 * 3600 + 60)
        first = runs_of(name)[0]
        expected = trigger.get("firstExecutionFrom")
        return {
            "pullDays": (first["dataPullEndTime"] - first["dataPullStartTime"]).total_seconds() / 86400,
            "pullStart": first["dataPullStartTime"].isoformat(),
            "expectedStart": expected.isoformat() if expected else None,
        }

    return run


# AppFlow: an unknown time zone is refused at CreateFlow.
def invalid_timezone():
    return error_of(af.create_flow, **scheduled_flow("bad-timezone", timezone="Mars/Olympus_Mons"))


# AppFlow: without connectorEntityName only the cached entity names
# are reset; cached entity details stay.
def reset_keeps_entity_details():
    af.create_connector_profile(**salesforce)
    name = salesforce["connectorProfileName"]
    af.list_connector_entities(connectorProfileName=name)
    af.describe_connector_entity(connectorProfileName=name, connectorEntityName="Account")
    before = control("GET", "/metadata-cache")["entries"]
    af.reset_connector_metadata_cache(connectorProfileName=name)
    after = control("GET", "/metadata-cache")["entries"]
    return {
        "before": len(before),
        "after": len(after),
        "accountDetailsKept": any("Account" in key for key in after),
    }


def snowflake_with(credentials, name):
    profile = copy.deepcopy(snowflake)
    profile["connectorProfileName"] = name
    profile["connectorProfileConfig"]["connectorProfileCredentials"] = {"Snowflake": credentials}
    return profile


def snowflake_key_pair():
    af.create_connector_profile(
        **snowflake_with({"username": "APPFLOW_USER", "privateKey": "fake-private-key-for-tests"}, "snowflake-key-pair")
    )
    details = af.describe_connector_profiles(connectorProfileNames=["snowflake-key-pair"])
    return {"created": True, "keyEchoed": "fake-private-key" in repr(details)}


# AppFlow: Snowflake needs a password or a private key.
def snowflake_without_secret():
    return error_of(af.create_connector_profile, **snowflake_with({"username": "APPFLOW_USER"}, "snowflake-no-secret"))


def pkce_code_verifier():
    profile = copy.deepcopy(salesforce)
    profile["connectorProfileName"] = "salesforce-pkce"
    profile["connectorProfileConfig"]["connectorProfileCredentials"]["Salesforce"]["oAuthRequest"] = {
        "authCode": "fake-auth-code-for-tests",
        "redirectUri": "https://login.salesforce.com/services/oauth2/success",
        "codeVerifier": "fake-code-verifier-for-tests-0123456789-abcdefghijklmnop",
    }
    af.create_connector_profile(**profile)
    return {"created": True}


def botocore_model():
    model = af.meta.service_model
    return {
        "operations": len(model.operation_names),
        "snowflakeMembers": sorted(model.shape_for("SnowflakeConnectorProfileCredentials").members),
        "oauthMembers": sorted(model.shape_for("ConnectorOAuthRequest").members),
    }


observe("botocoreModel", botocore_model)
observe("rateRunsAtActivation", rate_runs_at_activation)
observe("firstPullDefault", first_pull_window("first-pull-default"))
seven_days_ago = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(days=7)
observe("firstPullFrom", first_pull_window("first-pull-from", firstExecutionFrom=seven_days_ago))
observe("invalidTimezone", invalid_timezone)
observe("resetKeepsEntityDetails", reset_keeps_entity_details)
observe("snowflakeKeyPair", snowflake_key_pair)
observe("snowflakeWithoutSecret", snowflake_without_secret)
observe("pkceCodeVerifier", pkce_code_verifier)
emit()
