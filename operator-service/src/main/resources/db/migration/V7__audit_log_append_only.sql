-- The audit log is evidence: nobody changes an entry, and nobody removes one before it is a year old (the
-- retention purge, configured at a year or more, is the only deleter). Enforced by the database itself, so neither
-- a bug nor a stolen service account can rewrite what happened.
create function audit_log_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        if old.at < now() - interval '365 days' then
            return old;
        end if;
    end if;
    raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_log_no_update before update on audit_log for each row execute function audit_log_guard();
create trigger audit_log_no_delete before delete on audit_log for each row execute function audit_log_guard();

create function audit_log_no_truncate() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: TRUNCATE refused' using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_log_no_truncate before truncate on audit_log for each statement
    execute function audit_log_no_truncate();
