-- Change notifications for the sidecars' caches. Every committed change to something a decision
-- depends on sends a NOTIFY on channel keygate_changes; PostgreSQL delivers it only if the
-- transaction commits, and once per distinct payload per transaction.
--   k:<tenant_id>:<api_key_id>   one key (its row, a token or a secret of it) changed
--   t:<tenant_id>                tenant settings, a scope, a role or a principal changed
-- Usage bookkeeping (last_used_at, use_count) is not a change: caches do not hold it.

create function keygate_notify_key() returns trigger language plpgsql as $$
declare
    r record;
    tenant text;
    key_id text;
begin
    if tg_op = 'DELETE' then r := old; else r := new; end if;
    if tg_op = 'UPDATE'
        and (to_jsonb(new) - 'last_used_at' - 'use_count') = (to_jsonb(old) - 'last_used_at' - 'use_count') then
        return null;
    end if;
    if tg_table_name = 'api_keys' then
        tenant := r.tenant_id;
        key_id := r.id;
    elsif tg_table_name = 'tokens' then
        tenant := r.tenant_id;
        key_id := r.api_key_id;
    else
        select t.tenant_id, t.api_key_id into tenant, key_id from tokens t where t.id = r.token_id;
        if key_id is null then
            return null; -- the token went in the same statement; its own notification covers it
        end if;
    end if;
    perform pg_notify('keygate_changes', 'k:' || tenant || ':' || key_id);
    return null;
end
$$;

create function keygate_notify_tenant() returns trigger language plpgsql as $$
declare
    r record;
begin
    if tg_op = 'DELETE' then r := old; else r := new; end if;
    if tg_table_name = 'tenants' then
        perform pg_notify('keygate_changes', 't:' || r.id);
    else
        perform pg_notify('keygate_changes', 't:' || r.tenant_id);
    end if;
    return null;
end
$$;

create trigger api_keys_notify after insert or update or delete on api_keys
    for each row execute function keygate_notify_key();
create trigger tokens_notify after update or delete on tokens
    for each row execute function keygate_notify_key();
create trigger token_secrets_notify after update or delete on token_secrets
    for each row execute function keygate_notify_key();
create trigger tenants_notify after update or delete on tenants
    for each row execute function keygate_notify_tenant();
create trigger scopes_notify after update or delete on scopes
    for each row execute function keygate_notify_tenant();
create trigger roles_notify after update or delete on roles
    for each row execute function keygate_notify_tenant();
create trigger principals_notify after update or delete on principals
    for each row execute function keygate_notify_tenant();
