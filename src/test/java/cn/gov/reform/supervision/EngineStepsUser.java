package cn.gov.reform.supervision;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;

import cn.gov.reform.support.EngineSteps;

/** A test official in a group that a campaign created on demand. */
final class EngineStepsUser {

  private EngineStepsUser() {}

  static void ensure(ProcessEngine engine, String user, String group) {
    EngineSteps.ensureUsers(engine, Map.of(user, group), SupervisionFixtures.PASSWORD);
  }
}
