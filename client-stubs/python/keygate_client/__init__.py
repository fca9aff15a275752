"""Python client for the Keygate sidecar.

The generated stubs live in ``keygate.v1`` (``authorizer_pb2``, ``authorizer_pb2_grpc``, ...);
this module adds a small client with Keygate's defaults: plaintext to ``$KEYGATE_ADDRESS`` or
127.0.0.1:7070 and a 250 ms deadline on Authorize. Pass ``credentials`` (``grpc.ssl_channel_credentials``)
for a Keygate served with TLS.
"""
import os

import grpc

from keygate.v1 import (api_keys_pb2_grpc, audit_pb2_grpc, authorizer_pb2, authorizer_pb2_grpc,
                        principals_pb2_grpc, roles_pb2_grpc, scopes_pb2_grpc, tenants_pb2_grpc)

DEFAULT_ADDRESS = "127.0.0.1:7070"
DEFAULT_TIMEOUT = 0.25


def api_key_metadata(secret):
    """Call metadata carrying ``secret`` the way the management API expects (``x-api-key``)."""
    return (("x-api-key", secret),)


class KeygateClient:
    """One channel to the sidecar, safe to share between threads. Use as a context manager or close()."""

    def __init__(self, target=None, timeout=DEFAULT_TIMEOUT, credentials=None):
        """``credentials``: None for plaintext (the sidecar on loopback), or ``grpc.ssl_channel_credentials(...)``."""
        self.target = target or os.environ.get("KEYGATE_ADDRESS") or DEFAULT_ADDRESS
        self.timeout = timeout
        self.channel = (grpc.insecure_channel(self.target) if credentials is None
                        else grpc.secure_channel(self.target, credentials))
        self.authorizer = authorizer_pb2_grpc.AuthorizerServiceStub(self.channel)
        self.api_keys = api_keys_pb2_grpc.ApiKeyServiceStub(self.channel)
        self.audit = audit_pb2_grpc.AuditServiceStub(self.channel)
        self.principals = principals_pb2_grpc.PrincipalServiceStub(self.channel)
        self.roles = roles_pb2_grpc.RoleServiceStub(self.channel)
        self.scopes = scopes_pb2_grpc.ScopeServiceStub(self.channel)
        self.tenants = tenants_pb2_grpc.TenantServiceStub(self.channel)

    def authorize(self, credential, client_ip="", resource="", action="", **fields):
        """Returns the AuthorizeResponse; denials are answers. Raises grpc.RpcError when Keygate cannot decide."""
        request = authorizer_pb2.AuthorizeRequest(credential=credential, client_ip=client_ip,
                                                  resource=resource, action=action, **fields)
        return self.authorizer.Authorize(request, timeout=self.timeout)

    def close(self):
        self.channel.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
