"""Shared by the boto3 scenarios (run by test/outside/boto3.test.ts with Debian's python3).

Each scenario reads {"url": ..., "shapes": {...}} as JSON on stdin, records what it observes
with observe(), and prints one JSON document: the observations and the operations the emulator
answered successfully. The TypeScript test asserts on them, so a failure reads as a diff there.
"""

import json
import sys
import traceback
import urllib.request
from datetime import datetime

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

REQUEST = json.load(sys.stdin)
URL = REQUEST["url"]
SHAPES = REQUEST.get("shapes", {})

_answered = set()
_observations = {}


def client():
    """A boto3 AppFlow client for the emulator: one attempt, dummy credentials."""
    c = boto3.client(
        "appflow",
        endpoint_url=URL,
        region_name="us-east-1",
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="not-a-real-secret",
        # total_max_attempts counts the first attempt; max_attempts would count retries only.
        config=Config(retries={"total_max_attempts": 1, "mode": "standard"}),
    )

    def record(http_response, model, **_):
        if http_response.status_code < 300:
            _answered.add(model.name)

    c.meta.events.register("after-call.appflow", record)
    return c


def control(method, path, body=None):
    """The emulator's control API (/_emulator/...)."""
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(
        f"{URL}/_emulator{path}",
        data=data,
        method=method,
        headers={"content-type": "application/json"} if data else {},
    )
    with urllib.request.urlopen(req) as res:
        return json.load(res)


def advance(seconds):
    return control("POST", "/clock/advance", {"seconds": seconds})


def error_of(call, *args, **kwargs):
    """The ClientError a call raises, as data; {'error': None} if it succeeded."""
    try:
        call(*args, **kwargs)
    except ClientError as e:
        return {
            "error": e.response["Error"]["Code"],
            "class": type(e).__name__,
            "message": e.response["Error"].get("Message", ""),
            "status": e.response["ResponseMetadata"]["HTTPStatusCode"],
        }
    return {"error": None}


def timestamp(value):
    """How boto3 handed a timestamp over: a timezone-aware datetime, and its ISO form."""
    return {
        "datetime": isinstance(value, datetime),
        "aware": isinstance(value, datetime) and value.tzinfo is not None,
        "iso": value.isoformat() if isinstance(value, datetime) else repr(value),
    }


def observe(name, fn):
    """Record fn()'s result under name; an unexpected exception is recorded, not fatal."""
    try:
        _observations[name] = fn()
    except Exception as e:  # noqa: BLE001 - reported to the TypeScript side
        _observations[name] = {
            "raised": f"{type(e).__name__}: {e}",
            "traceback": traceback.format_exc(limit=3),
        }


def emit():
    print(json.dumps({"observations": _observations, "answered": sorted(_answered)}, default=str))
