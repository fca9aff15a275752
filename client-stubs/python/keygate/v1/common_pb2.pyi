from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

ACCEPTED_CREDENTIALS_ANY: AcceptedCredentials
ACCEPTED_CREDENTIALS_API_KEY_HEADER: AcceptedCredentials
ACCEPTED_CREDENTIALS_BEARER: AcceptedCredentials
ACCEPTED_CREDENTIALS_UNSPECIFIED: AcceptedCredentials
CREDENTIAL_TRANSPORT_API_KEY_HEADER: CredentialTransport
CREDENTIAL_TRANSPORT_BEARER: CredentialTransport
CREDENTIAL_TRANSPORT_UNSPECIFIED: CredentialTransport
DESCRIPTOR: _descriptor.FileDescriptor
LIFETIME_UNIT_DAYS: LifetimeUnit
LIFETIME_UNIT_HOURS: LifetimeUnit
LIFETIME_UNIT_MONTHS: LifetimeUnit
LIFETIME_UNIT_UNSPECIFIED: LifetimeUnit
LIFETIME_UNIT_WEEKS: LifetimeUnit
PERMISSION_SOURCE_KEY_ROLE: PermissionSource
PERMISSION_SOURCE_PRINCIPAL_ROLE: PermissionSource
PERMISSION_SOURCE_UNSPECIFIED: PermissionSource
RATE_LIMIT_MODE_ENFORCED: RateLimitMode
RATE_LIMIT_MODE_INFORMATIONAL: RateLimitMode
RATE_LIMIT_MODE_UNSPECIFIED: RateLimitMode

class Expiration(_message.Message):
    __slots__ = ["after", "at", "never"]
    AFTER_FIELD_NUMBER: _ClassVar[int]
    AT_FIELD_NUMBER: _ClassVar[int]
    NEVER_FIELD_NUMBER: _ClassVar[int]
    after: Lifetime
    at: _timestamp_pb2.Timestamp
    never: bool
    def __init__(self, at: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., after: _Optional[_Union[Lifetime, _Mapping]] = ..., never: bool = ...) -> None: ...

class Lifetime(_message.Message):
    __slots__ = ["amount", "unit"]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    amount: int
    unit: LifetimeUnit
    def __init__(self, amount: _Optional[int] = ..., unit: _Optional[_Union[LifetimeUnit, str]] = ...) -> None: ...

class StringList(_message.Message):
    __slots__ = ["values"]
    VALUES_FIELD_NUMBER: _ClassVar[int]
    values: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, values: _Optional[_Iterable[str]] = ...) -> None: ...

class Tags(_message.Message):
    __slots__ = ["values"]
    class ValuesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    VALUES_FIELD_NUMBER: _ClassVar[int]
    values: _containers.ScalarMap[str, str]
    def __init__(self, values: _Optional[_Mapping[str, str]] = ...) -> None: ...

class LifetimeUnit(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class RateLimitMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class AcceptedCredentials(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class CredentialTransport(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class PermissionSource(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
