package cn.gov.reform.identity;

/**
 * What a procedure asks of identity: its process definition key and the role that starts it. Each procedure
 * declares one as a bean; the {@link IdentitySeeder} grants every role group read access to the definition,
 * the starting role the right to start it, and supervisors the right to watch its instances in Cockpit.
 */
public record ProcedureAccess(String processKey, Role starter) {}
