-- app_admin_audit is append-only: no row is changed or removed (cn.gov.reform.audit.AppendOnlyTrigger).
create trigger app_admin_audit_no_update before update on app_admin_audit for each row call 'cn.gov.reform.audit.AppendOnlyTrigger';
create trigger app_admin_audit_no_delete before delete on app_admin_audit for each row call 'cn.gov.reform.audit.AppendOnlyTrigger';
