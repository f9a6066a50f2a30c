-- app_admin_audit is append-only: no row is changed or removed, whoever connects (README "Security").
create function app_admin_audit_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'app_admin_audit is append-only: % refused', tg_op;
end
$$;
create trigger app_admin_audit_no_change before update or delete on app_admin_audit
  for each row execute function app_admin_audit_append_only();
create trigger app_admin_audit_no_truncate before truncate on app_admin_audit
  for each statement execute function app_admin_audit_append_only();
