-- The change log: every committed transaction that changes something a decision depends on gets one
-- sequence number, in commit order, and one row per changed object. It replaces V2's bare
-- notifications, which said what changed but not when relative to a cached read:
--   * a cache stamps what it reads with the sequence visible to that read (change_clock.seq, read in
--     the same statement), so a notification of a change the read already saw evicts nothing;
--   * a listener that was away replays the rows it missed instead of dropping its whole cache.
--
-- Commit order without gaps: the sequence is taken at commit time, by deferred constraint triggers,
-- with `update change_clock set seq = seq + 1`. The row lock serialises committing writers from that
-- point to their commit (the last thing they do), so seq n+1 is only handed out once seq n has
-- committed, and a transaction that rolls back gives its number back. Every other lock a writer
-- needs was taken before, so waiting for the clock cannot deadlock.
--
-- Notifications (channel keygate_changes) carry the same content as the rows:
--   <seq>:k:<tenant_id>:<api_key_id>   one key (its row, a token or a secret of it) changed
--   <seq>:t:<tenant_id>                tenant settings, a scope, a role or a principal changed
-- Usage bookkeeping (last_used_at, use_count) is not a change.

drop trigger api_keys_notify on api_keys;
drop trigger tokens_notify on tokens;
drop trigger token_secrets_notify on token_secrets;
drop trigger tenants_notify on tenants;
drop trigger scopes_notify on scopes;
drop trigger roles_notify on roles;
drop trigger principals_notify on principals;
drop function keygate_notify_key();
drop function keygate_notify_tenant();

create table change_clock (
    only_row boolean primary key default true check (only_row),
    seq      bigint not null
);
insert into change_clock values (true, 0);

create table change_log (
    seq          bigint not null,
    kind         char(1) not null check (kind in ('k', 't')),
    tenant_id    text not null,
    api_key_id   text not null default '',
    committed_at timestamptz not null default now(),
    primary key (seq, kind, tenant_id, api_key_id)
);
create index change_log_committed on change_log (committed_at);

-- The sequence of the current transaction, taken on first use (see above) and kept in a
-- transaction-local setting, which reverts when the transaction ends.
create function keygate_change_seq() returns bigint language plpgsql as $$
declare
    held text := current_setting('keygate.change_seq', true);
    taken bigint;
begin
    if held is not null and held <> '' then
        return held::bigint;
    end if;
    update change_clock set seq = seq + 1 returning seq into taken;
    perform set_config('keygate.change_seq', taken::text, true);
    return taken;
end
$$;

create function keygate_log_change(change_kind char, tenant text, key_id text) returns void language plpgsql as $$
declare
    seq bigint := keygate_change_seq();
begin
    insert into change_log (seq, kind, tenant_id, api_key_id) values (seq, change_kind, tenant, coalesce(key_id, ''))
        on conflict do nothing;
    perform pg_notify('keygate_changes', seq || ':' || change_kind || ':' || tenant
        || case when change_kind = 'k' then ':' || key_id else '' end);
end
$$;

create function keygate_log_key() returns trigger language plpgsql as $$
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
            return null; -- the token went in the same transaction; its own row is logged
        end if;
    end if;
    perform keygate_log_change('k', tenant, key_id);
    return null;
end
$$;

create function keygate_log_tenant() returns trigger language plpgsql as $$
declare
    r record;
begin
    if tg_op = 'DELETE' then r := old; else r := new; end if;
    if tg_table_name = 'tenants' then
        perform keygate_log_change('t', r.id, null);
    else
        perform keygate_log_change('t', r.tenant_id, null);
    end if;
    return null;
end
$$;

-- The changes of the current transaction, firing its deferred triggers first: what a writer tells
-- its own cache right after it commits (read-your-writes), exactly as the log tells everyone else.
create function keygate_transaction_changes() returns setof change_log language plpgsql as $$
declare
    held text;
begin
    set constraints all immediate;
    held := current_setting('keygate.change_seq', true);
    if held is null or held = '' then
        return;
    end if;
    return query select * from change_log where seq = held::bigint;
end
$$;

create constraint trigger api_keys_log after insert or update or delete on api_keys
    deferrable initially deferred for each row execute function keygate_log_key();
create constraint trigger tokens_log after update or delete on tokens
    deferrable initially deferred for each row execute function keygate_log_key();
create constraint trigger token_secrets_log after update or delete on token_secrets
    deferrable initially deferred for each row execute function keygate_log_key();
create constraint trigger tenants_log after update or delete on tenants
    deferrable initially deferred for each row execute function keygate_log_tenant();
create constraint trigger scopes_log after update or delete on scopes
    deferrable initially deferred for each row execute function keygate_log_tenant();
create constraint trigger roles_log after update or delete on roles
    deferrable initially deferred for each row execute function keygate_log_tenant();
create constraint trigger principals_log after update or delete on principals
    deferrable initially deferred for each row execute function keygate_log_tenant();
