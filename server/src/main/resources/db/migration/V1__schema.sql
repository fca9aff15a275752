-- Keygate schema, version 1. PostgreSQL is the source of truth; secrets are never stored, only
-- their SHA-256 digests (see io.keygate.keys.Secrets). Every row below tenants carries tenant_id,
-- and every query filters on it.

create table tenants (
    id                              text primary key,
    name                            text not null,
    is_system                       boolean not null default false,
    api_access_enabled              boolean not null default true,
    accepted_credentials            text not null default 'any'
        check (accepted_credentials in ('api_key_header', 'bearer', 'any')),
    ip_limit_requests               bigint not null default 1000 check (ip_limit_requests >= 0),
    ip_limit_window_seconds         integer not null default 900
        check (ip_limit_window_seconds between 1 and 86400),
    key_limit_per_minute            bigint not null default 100 check (key_limit_per_minute >= 0),
    key_limit_mode                  text not null default 'enforced'
        check (key_limit_mode in ('enforced', 'informational')),
    default_permissions             text[] not null default '{}',
    permission_source               text not null default 'key_role'
        check (permission_source in ('key_role', 'principal_role')),
    max_active_tokens_per_principal integer not null default 50
        check (max_active_tokens_per_principal >= 0),
    max_token_lifetime_amount       integer not null default 12 check (max_token_lifetime_amount >= 0),
    max_token_lifetime_unit         text not null default 'months'
        check (max_token_lifetime_unit in ('hours', 'days', 'weeks', 'months')),
    personal_keys_tenant_wide_only  boolean not null default false,
    created_at                      timestamptz not null default now(),
    updated_at                      timestamptz not null default now()
);

-- At most one system tenant (the one bootstrap creates).
create unique index tenants_one_system on tenants (is_system) where is_system;

create table scopes (
    id                 text primary key,
    tenant_id          text not null references tenants (id),
    parent_id          text references scopes (id),
    name               text not null,
    kind               text not null,
    api_access_enabled boolean not null default true,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now()
);
create unique index scopes_sibling_name on scopes (tenant_id, coalesce(parent_id, ''), name);
create index scopes_parent on scopes (tenant_id, parent_id);

create table roles (
    id          text primary key,
    tenant_id   text not null references tenants (id),
    name        text not null,
    description text not null default '',
    permissions text[] not null default '{}',
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    unique (tenant_id, name)
);

create table principals (
    id           text primary key,
    tenant_id    text not null references tenants (id),
    kind         text not null check (kind in ('user', 'service_account', 'agent')),
    display_name text not null,
    email        text not null default '',
    parent_id    text references principals (id),
    internal     boolean not null default false,
    role_id      text references roles (id),
    scope_id     text references scopes (id),
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    check ((kind = 'agent') = (parent_id is not null)),
    check (internal = false or kind = 'agent')
);
create index principals_tenant on principals (tenant_id, id);
create index principals_parent on principals (parent_id);

create table api_keys (
    id                   text primary key,
    tenant_id            text not null references tenants (id),
    owner_id             text not null references principals (id),
    scope_id             text references scopes (id),
    role_id              text references roles (id),
    name                 text not null,
    description          text not null default '',
    tags                 jsonb not null default '{}',
    rate_limit_per_minute bigint check (rate_limit_per_minute >= 0),
    rate_limit_mode      text check (rate_limit_mode in ('enforced', 'informational')),
    expires_at           timestamptz,
    revoked_at           timestamptz,
    last_used_at         timestamptz,
    use_count            bigint not null default 0,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);
create index api_keys_tenant on api_keys (tenant_id, id);
create index api_keys_owner on api_keys (owner_id);
create index api_keys_role on api_keys (role_id);
create index api_keys_scope on api_keys (scope_id);

create table tokens (
    id           text primary key,
    tenant_id    text not null references tenants (id),
    api_key_id   text not null references api_keys (id) on delete cascade,
    -- The principal whose active-token cap this token counts against (the key's owner).
    principal_id text not null references principals (id),
    name         text not null,
    description  text not null default '',
    tags         jsonb not null default '{}',
    access       text not null check (access in ('read_only', 'read_write')),
    hint         text not null,
    expires_at   timestamptz,
    rotated_at   timestamptz,
    last_used_at timestamptz,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);
create index tokens_key on tokens (api_key_id, id);
create index tokens_principal on tokens (principal_id);

-- The digests of valid secrets. A token has one current secret and, after a rotation with a
-- grace period, its previous one until valid_until. Lookups on the hot path go by digest only.
create table token_secrets (
    digest      bytea primary key check (octet_length(digest) = 32),
    token_id    text not null references tokens (id) on delete cascade,
    valid_until timestamptz,
    created_at  timestamptz not null default now()
);
create index token_secrets_token on token_secrets (token_id);

-- Append-only record of every management change. No secret, no digest.
create table audit_events (
    id                 bigserial primary key,
    tenant_id          text not null references tenants (id),
    actor_principal_id text not null,
    actor_api_key_id   text not null default '',
    action             text not null,
    target_type        text not null,
    target_id          text not null,
    client_ip          text not null default '',
    details            jsonb not null default '{}',
    occurred_at        timestamptz not null default now()
);
create index audit_events_tenant on audit_events (tenant_id, id desc);
create index audit_events_target on audit_events (tenant_id, target_id, id desc);
create index audit_events_actor on audit_events (tenant_id, actor_principal_id, id desc);
