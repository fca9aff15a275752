from keygate.v1 import common_pb2 as _common_pb2
from keygate.v1 import principals_pb2 as _principals_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DECISION_ALLOW: Decision
DECISION_DENY: Decision
DECISION_UNSPECIFIED: Decision
DESCRIPTOR: _descriptor.FileDescriptor
RATE_LIMIT_SCOPE_IP: RateLimitScope
RATE_LIMIT_SCOPE_KEY: RateLimitScope
RATE_LIMIT_SCOPE_UNSPECIFIED: RateLimitScope
REASON_AGENT_CANNOT_MANAGE_TOKENS: Reason
REASON_CREDENTIAL_EXPIRED: Reason
REASON_CREDENTIAL_IN_QUERY: Reason
REASON_CREDENTIAL_MALFORMED: Reason
REASON_CREDENTIAL_MISSING: Reason
REASON_CREDENTIAL_REVOKED: Reason
REASON_CREDENTIAL_UNKNOWN: Reason
REASON_IP_RATE_LIMITED: Reason
REASON_KEY_RATE_LIMITED: Reason
REASON_MULTIPLE_CREDENTIALS: Reason
REASON_NO_ROUTE: Reason
REASON_OK: Reason
REASON_PERMISSION_DENIED: Reason
REASON_RATE_LIMITER_UNAVAILABLE: Reason
REASON_READ_ONLY_TOKEN: Reason
REASON_REQUEST_INVALID: Reason
REASON_SCOPE_API_DISABLED: Reason
REASON_SCOPE_FORBIDDEN: Reason
REASON_TENANT_API_DISABLED: Reason
REASON_TRANSPORT_NOT_ACCEPTED: Reason
REASON_UNSPECIFIED: Reason
TOKEN_ACCESS_READ_ONLY: TokenAccess
TOKEN_ACCESS_READ_WRITE: TokenAccess
TOKEN_ACCESS_UNSPECIFIED: TokenAccess

class AuthorizeRequest(_message.Message):
    __slots__ = ["action", "client_ip", "credential", "credential_transport", "headers", "method", "path", "resource", "scope_id"]
    class HeadersEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ACTION_FIELD_NUMBER: _ClassVar[int]
    CLIENT_IP_FIELD_NUMBER: _ClassVar[int]
    CREDENTIAL_FIELD_NUMBER: _ClassVar[int]
    CREDENTIAL_TRANSPORT_FIELD_NUMBER: _ClassVar[int]
    HEADERS_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_FIELD_NUMBER: _ClassVar[int]
    SCOPE_ID_FIELD_NUMBER: _ClassVar[int]
    action: str
    client_ip: str
    credential: str
    credential_transport: _common_pb2.CredentialTransport
    headers: _containers.ScalarMap[str, str]
    method: str
    path: str
    resource: str
    scope_id: str
    def __init__(self, credential: _Optional[str] = ..., credential_transport: _Optional[_Union[_common_pb2.CredentialTransport, str]] = ..., headers: _Optional[_Mapping[str, str]] = ..., client_ip: _Optional[str] = ..., resource: _Optional[str] = ..., action: _Optional[str] = ..., method: _Optional[str] = ..., path: _Optional[str] = ..., scope_id: _Optional[str] = ...) -> None: ...

class AuthorizeResponse(_message.Message):
    __slots__ = ["decision", "http_status", "identity", "message", "rate_limit", "reason", "response_headers"]
    class ResponseHeadersEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    DECISION_FIELD_NUMBER: _ClassVar[int]
    HTTP_STATUS_FIELD_NUMBER: _ClassVar[int]
    IDENTITY_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    RESPONSE_HEADERS_FIELD_NUMBER: _ClassVar[int]
    decision: Decision
    http_status: int
    identity: Identity
    message: str
    rate_limit: RateLimitStatus
    reason: Reason
    response_headers: _containers.ScalarMap[str, str]
    def __init__(self, decision: _Optional[_Union[Decision, str]] = ..., http_status: _Optional[int] = ..., reason: _Optional[_Union[Reason, str]] = ..., message: _Optional[str] = ..., identity: _Optional[_Union[Identity, _Mapping]] = ..., rate_limit: _Optional[_Union[RateLimitStatus, _Mapping]] = ..., response_headers: _Optional[_Mapping[str, str]] = ...) -> None: ...

class Identity(_message.Message):
    __slots__ = ["api_key_id", "parent_principal_id", "permissions", "principal_id", "principal_kind", "role_id", "role_name", "scope_id", "tenant_id", "token_access", "token_id"]
    API_KEY_ID_FIELD_NUMBER: _ClassVar[int]
    PARENT_PRINCIPAL_ID_FIELD_NUMBER: _ClassVar[int]
    PERMISSIONS_FIELD_NUMBER: _ClassVar[int]
    PRINCIPAL_ID_FIELD_NUMBER: _ClassVar[int]
    PRINCIPAL_KIND_FIELD_NUMBER: _ClassVar[int]
    ROLE_ID_FIELD_NUMBER: _ClassVar[int]
    ROLE_NAME_FIELD_NUMBER: _ClassVar[int]
    SCOPE_ID_FIELD_NUMBER: _ClassVar[int]
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    TOKEN_ACCESS_FIELD_NUMBER: _ClassVar[int]
    TOKEN_ID_FIELD_NUMBER: _ClassVar[int]
    api_key_id: str
    parent_principal_id: str
    permissions: _containers.RepeatedScalarFieldContainer[str]
    principal_id: str
    principal_kind: _principals_pb2.PrincipalKind
    role_id: str
    role_name: str
    scope_id: str
    tenant_id: str
    token_access: TokenAccess
    token_id: str
    def __init__(self, tenant_id: _Optional[str] = ..., api_key_id: _Optional[str] = ..., token_id: _Optional[str] = ..., principal_id: _Optional[str] = ..., principal_kind: _Optional[_Union[_principals_pb2.PrincipalKind, str]] = ..., parent_principal_id: _Optional[str] = ..., role_id: _Optional[str] = ..., role_name: _Optional[str] = ..., permissions: _Optional[_Iterable[str]] = ..., token_access: _Optional[_Union[TokenAccess, str]] = ..., scope_id: _Optional[str] = ...) -> None: ...

class RateLimitStatus(_message.Message):
    __slots__ = ["informational", "limit", "remaining", "reset_seconds", "retry_after_seconds", "scope", "window_seconds"]
    INFORMATIONAL_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    REMAINING_FIELD_NUMBER: _ClassVar[int]
    RESET_SECONDS_FIELD_NUMBER: _ClassVar[int]
    RETRY_AFTER_SECONDS_FIELD_NUMBER: _ClassVar[int]
    SCOPE_FIELD_NUMBER: _ClassVar[int]
    WINDOW_SECONDS_FIELD_NUMBER: _ClassVar[int]
    informational: bool
    limit: int
    remaining: int
    reset_seconds: int
    retry_after_seconds: int
    scope: RateLimitScope
    window_seconds: int
    def __init__(self, scope: _Optional[_Union[RateLimitScope, str]] = ..., limit: _Optional[int] = ..., remaining: _Optional[int] = ..., reset_seconds: _Optional[int] = ..., retry_after_seconds: _Optional[int] = ..., window_seconds: _Optional[int] = ..., informational: bool = ...) -> None: ...

class Decision(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class Reason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class TokenAccess(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class RateLimitScope(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
