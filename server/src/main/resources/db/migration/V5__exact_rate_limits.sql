-- Whether a tenant's rate limits are counted request by request in Redis (true) or leased in slices
-- spent by each sidecar (false, the default: no over-admission either way; issue 18).
alter table tenants
    add column exact_rate_limits boolean not null default false;
