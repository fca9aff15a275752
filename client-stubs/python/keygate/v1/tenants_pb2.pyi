from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from keygate.v1 import common_pb2 as _common_pb2
from keygate.v1 import principals_pb2 as _principals_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor
TOKEN_ISSUERS_UNSPECIFIED: TokenIssuers
TOKEN_ISSUERS_USERS_AND_ADMIN_SERVICE_ACCOUNTS: TokenIssuers
TOKEN_ISSUERS_USERS_ONLY: TokenIssuers
TOKEN_OWNERS_ANY_COVERED: TokenOwners
TOKEN_OWNERS_SELF_AND_MANAGED_AGENTS: TokenOwners
TOKEN_OWNERS_UNSPECIFIED: TokenOwners

class CreateTenantRequest(_message.Message):
    __slots__ = ["admin_display_name", "admin_email", "name", "settings"]
    ADMIN_DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    ADMIN_EMAIL_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SETTINGS_FIELD_NUMBER: _ClassVar[int]
    admin_display_name: str
    admin_email: str
    name: str
    settings: TenantSettings
    def __init__(self, name: _Optional[str] = ..., settings: _Optional[_Union[TenantSettings, _Mapping]] = ..., admin_display_name: _Optional[str] = ..., admin_email: _Optional[str] = ...) -> None: ...

class CreateTenantResponse(_message.Message):
    __slots__ = ["admin_api_key_id", "admin_principal", "admin_secret", "tenant"]
    ADMIN_API_KEY_ID_FIELD_NUMBER: _ClassVar[int]
    ADMIN_PRINCIPAL_FIELD_NUMBER: _ClassVar[int]
    ADMIN_SECRET_FIELD_NUMBER: _ClassVar[int]
    TENANT_FIELD_NUMBER: _ClassVar[int]
    admin_api_key_id: str
    admin_principal: _principals_pb2.Principal
    admin_secret: str
    tenant: Tenant
    def __init__(self, tenant: _Optional[_Union[Tenant, _Mapping]] = ..., admin_principal: _Optional[_Union[_principals_pb2.Principal, _Mapping]] = ..., admin_api_key_id: _Optional[str] = ..., admin_secret: _Optional[str] = ...) -> None: ...

class GetTenantRequest(_message.Message):
    __slots__ = ["tenant_id"]
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: str
    def __init__(self, tenant_id: _Optional[str] = ...) -> None: ...

class GetTenantResponse(_message.Message):
    __slots__ = ["tenant"]
    TENANT_FIELD_NUMBER: _ClassVar[int]
    tenant: Tenant
    def __init__(self, tenant: _Optional[_Union[Tenant, _Mapping]] = ...) -> None: ...

class ListTenantsRequest(_message.Message):
    __slots__ = ["page_size", "page_token"]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListTenantsResponse(_message.Message):
    __slots__ = ["next_page_token", "tenants"]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TENANTS_FIELD_NUMBER: _ClassVar[int]
    next_page_token: str
    tenants: _containers.RepeatedCompositeFieldContainer[Tenant]
    def __init__(self, tenants: _Optional[_Iterable[_Union[Tenant, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class Tenant(_message.Message):
    __slots__ = ["create_time", "id", "name", "settings", "system", "update_time"]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SETTINGS_FIELD_NUMBER: _ClassVar[int]
    SYSTEM_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    create_time: _timestamp_pb2.Timestamp
    id: str
    name: str
    settings: TenantSettings
    system: bool
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., settings: _Optional[_Union[TenantSettings, _Mapping]] = ..., system: bool = ..., create_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class TenantSettings(_message.Message):
    __slots__ = ["accepted_credentials", "api_access_enabled", "auth_failure_guard_blocks_valid_keys", "default_permissions", "exact_rate_limits", "ip_limit_requests", "ip_limit_window", "key_limit_mode", "key_limit_per_minute", "max_active_tokens_per_principal", "max_token_lifetime", "permission_source", "personal_keys_tenant_wide_only", "routes", "token_issuers", "token_management_resources", "token_owners"]
    ACCEPTED_CREDENTIALS_FIELD_NUMBER: _ClassVar[int]
    API_ACCESS_ENABLED_FIELD_NUMBER: _ClassVar[int]
    AUTH_FAILURE_GUARD_BLOCKS_VALID_KEYS_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_PERMISSIONS_FIELD_NUMBER: _ClassVar[int]
    EXACT_RATE_LIMITS_FIELD_NUMBER: _ClassVar[int]
    IP_LIMIT_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    IP_LIMIT_WINDOW_FIELD_NUMBER: _ClassVar[int]
    KEY_LIMIT_MODE_FIELD_NUMBER: _ClassVar[int]
    KEY_LIMIT_PER_MINUTE_FIELD_NUMBER: _ClassVar[int]
    MAX_ACTIVE_TOKENS_PER_PRINCIPAL_FIELD_NUMBER: _ClassVar[int]
    MAX_TOKEN_LIFETIME_FIELD_NUMBER: _ClassVar[int]
    PERMISSION_SOURCE_FIELD_NUMBER: _ClassVar[int]
    PERSONAL_KEYS_TENANT_WIDE_ONLY_FIELD_NUMBER: _ClassVar[int]
    ROUTES_FIELD_NUMBER: _ClassVar[int]
    TOKEN_ISSUERS_FIELD_NUMBER: _ClassVar[int]
    TOKEN_MANAGEMENT_RESOURCES_FIELD_NUMBER: _ClassVar[int]
    TOKEN_OWNERS_FIELD_NUMBER: _ClassVar[int]
    accepted_credentials: _common_pb2.AcceptedCredentials
    api_access_enabled: bool
    auth_failure_guard_blocks_valid_keys: bool
    default_permissions: _common_pb2.StringList
    exact_rate_limits: bool
    ip_limit_requests: int
    ip_limit_window: _duration_pb2.Duration
    key_limit_mode: _common_pb2.RateLimitMode
    key_limit_per_minute: int
    max_active_tokens_per_principal: int
    max_token_lifetime: _common_pb2.Lifetime
    permission_source: _common_pb2.PermissionSource
    personal_keys_tenant_wide_only: bool
    routes: str
    token_issuers: TokenIssuers
    token_management_resources: _common_pb2.StringList
    token_owners: TokenOwners
    def __init__(self, api_access_enabled: bool = ..., accepted_credentials: _Optional[_Union[_common_pb2.AcceptedCredentials, str]] = ..., ip_limit_requests: _Optional[int] = ..., ip_limit_window: _Optional[_Union[_duration_pb2.Duration, _Mapping]] = ..., key_limit_per_minute: _Optional[int] = ..., key_limit_mode: _Optional[_Union[_common_pb2.RateLimitMode, str]] = ..., default_permissions: _Optional[_Union[_common_pb2.StringList, _Mapping]] = ..., permission_source: _Optional[_Union[_common_pb2.PermissionSource, str]] = ..., max_active_tokens_per_principal: _Optional[int] = ..., max_token_lifetime: _Optional[_Union[_common_pb2.Lifetime, _Mapping]] = ..., personal_keys_tenant_wide_only: bool = ..., auth_failure_guard_blocks_valid_keys: bool = ..., token_issuers: _Optional[_Union[TokenIssuers, str]] = ..., token_owners: _Optional[_Union[TokenOwners, str]] = ..., token_management_resources: _Optional[_Union[_common_pb2.StringList, _Mapping]] = ..., routes: _Optional[str] = ..., exact_rate_limits: bool = ...) -> None: ...

class UpdateTenantRequest(_message.Message):
    __slots__ = ["name", "settings", "tenant_id"]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SETTINGS_FIELD_NUMBER: _ClassVar[int]
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    settings: TenantSettings
    tenant_id: str
    def __init__(self, tenant_id: _Optional[str] = ..., name: _Optional[str] = ..., settings: _Optional[_Union[TenantSettings, _Mapping]] = ...) -> None: ...

class UpdateTenantResponse(_message.Message):
    __slots__ = ["tenant"]
    TENANT_FIELD_NUMBER: _ClassVar[int]
    tenant: Tenant
    def __init__(self, tenant: _Optional[_Union[Tenant, _Mapping]] = ...) -> None: ...

class TokenIssuers(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class TokenOwners(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
