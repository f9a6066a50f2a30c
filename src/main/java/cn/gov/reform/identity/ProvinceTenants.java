package cn.gov.reform.identity;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One Camunda tenant per province (tenant id = the province's 6-digit code): every procedure's process
 * instance belongs to its item's province, while the process and decision definitions stay shared.
 * Each role group is a member of its province's tenant (see {@link IdentitySeeder}), so engine REST,
 * Cockpit and history queries of a Shandong official never return a Jilin plan. camunda-admin is not
 * tenant-checked.
 */
@Component
public class ProvinceTenants extends AbstractProcessEnginePlugin implements TenantIdProvider {

  private final RegionDirectory regions;
  private final ObjectProvider<JdbcTemplate> jdbc;

  public ProvinceTenants(RegionDirectory regions, ObjectProvider<JdbcTemplate> jdbc) {
    this.regions = regions;
    this.jdbc = jdbc;
  }

  /** The tenant of a region code: its province. */
  public static String of(String regionCode) {
    return regionCode.substring(0, 2) + "0000";
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(this);
  }

  /** The start variable in which a procedure that registers its item before starting names the item's province. */
  public static final String PROVINCE_VARIABLE = "provinceCode";

  /**
   * The province of the item a process instance starts for, from its start variables: the province a procedure names
   * ({@value #PROVINCE_VARIABLE}), or the county ({@code countyCode}), region of any level
   * ({@code regionCode}) or township ({@code townshipCode}) a start form names;
   * a plan started over /api is found by its id.
   */
  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
    Object province = ctx.getVariables().get(PROVINCE_VARIABLE);
    if (province instanceof String code && regions.province(code).isPresent()) {
      return code;
    }
    Object planId = ctx.getVariables().get("planId");
    if (planId instanceof String id) {
      return jdbc.getObject().queryForList("select province_code from app_plan where id = ?", String.class, id)
          .stream().findFirst().orElse(null);
    }
    Object county = ctx.getVariables().get("countyCode");
    if (county instanceof String code && code.matches("[0-9]{6}")) {
      return regions.county(code).map(c -> c.provinceCode()).orElse(null);
    }
    Object region = ctx.getVariables().get("regionCode");
    if (region instanceof String code && code.matches("[0-9]{6}") && regions.province(of(code)).isPresent()) {
      return of(code); // a start form naming a region of any level (a supervision campaign's)
    }
    Object township = ctx.getVariables().get("townshipCode");
    if (township instanceof String code && code.matches("[0-9]{9}")) {
      return regions.countyOfTownship(code).flatMap(regions::county).map(c -> c.provinceCode()).orElse(null);
    }
    return null;
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
    return null;
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
    DelegateExecution execution = ctx.getExecution();
    return execution == null ? null : execution.getTenantId();
  }
}
