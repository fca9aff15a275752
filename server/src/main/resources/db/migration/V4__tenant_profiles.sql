-- Tenant settings that let one deployment host each seed product side by side (issue 15):
-- whether the deployment's failed-authentication guard blocks the tenant's valid keys, who may
-- issue tokens and for whom, which resources count as managing tokens, and the tenant's own routes.
alter table tenants
    add column auth_failure_guard_blocks_valid_keys boolean not null default true,
    add column token_issuers text not null default 'users_and_admin_service_accounts'
        check (token_issuers in ('users_and_admin_service_accounts', 'users_only')),
    add column token_owners text not null default 'any_covered'
        check (token_owners in ('any_covered', 'self_and_managed_agents')),
    add column token_management_resources text[] not null default '{api-keys,tokens}'
        check (cardinality(token_management_resources) between 1 and 16),
    add column routes text check (length(routes) <= 65536);
