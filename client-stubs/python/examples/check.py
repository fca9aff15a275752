"""Asks a running Keygate a fixed set of questions and prints one line per answer.

Used by PolyglotClientsIT, which runs the same cases in every language and compares the lines.
Input (stdin, JSON): {"cases": [{"name", "credential", "resource", "action"}], "admin_secret": "lk_..."}
Output: "authorize <name> <decision> <http> <reason> <api_key_id or ->" per case, then
"keys <sorted key ids of ListApiKeys>".
"""
import json
import sys

from keygate.v1 import api_keys_pb2
from keygate.v1 import authorizer_pb2
from keygate_client import KeygateClient, api_key_metadata


def main():
    spec = json.load(sys.stdin)
    with KeygateClient(timeout=5) as keygate:
        for case in spec["cases"]:
            r = keygate.authorize(case["credential"], "127.0.0.1", case["resource"], case["action"])
            print("authorize", case["name"], authorizer_pb2.Decision.Name(r.decision), r.http_status,
                  authorizer_pb2.Reason.Name(r.reason), r.identity.api_key_id or "-")
        keys = keygate.api_keys.ListApiKeys(api_keys_pb2.ListApiKeysRequest(page_size=100),
                                            metadata=api_key_metadata(spec["admin_secret"]), timeout=5)
        print("keys", ",".join(sorted(k.id for k in keys.api_keys)))


if __name__ == "__main__":
    main()
