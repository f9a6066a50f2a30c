package cn.gov.reform.catalogue;

import static cn.gov.reform.catalogue.CatalogueFixtures.countyCatalogue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.plan.PlanFixtures;
import cn.gov.reform.support.Clocks;
import cn.gov.reform.support.Http;

/**
 * The campaign's deadline per province (Gansu: 2020-12-31, 通办发〔2020〕6号 二(四)8) and the stages' due dates in working
 * days: a first catalogue still under way after its province's deadline is overdue — in the API, on the dashboard's list
 * and in the metrics — and its tasks are due as the time limits say. The clock is moved, never waited for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // one application context for the whole suite
class CatalogueDeadlineTest {

  @LocalServerPort int port;
  @Autowired CatalogueFixtures support;
  @Autowired ProcessEngine engine;
  @Autowired WorkingDayCalendar calendar;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldFlagAGansuCatalogueOverdueOnceTheProvincesDeadlineHasPassed() {
    Clocks.at("2020-12-30T09:00:00");
    CatalogueView c = support.submitted("tongwei", countyCatalogue("621121103"));
    assertThat(c.deadline()).isEqualTo(LocalDate.of(2020, 12, 31));
    assertThat(c.overdue()).isFalse();
    assertThat(http.get("/api/catalogues?overdue=true&townshipCode=621121103", "tongwei").json().get("total").asLong()).isZero();

    // the legal review is due at the end of its 10th working day (2021-01-01 is a holiday), its follow-up then too
    Task review = support.task(c.processInstanceId(), CatalogueKeys.LEGAL_REVIEW);
    assertThat(review.getDueDate()).isEqualTo(calendar.after(10)).isEqualTo(review.getFollowUpDate());
    assertThat(review.getDueDate().toInstant().atZone(WorkingDayCalendar.ZONE).toLocalDate()).isEqualTo(LocalDate.of(2021, 1, 14));

    Clocks.at("2021-01-01T00:00:01");
    assertThat(support.view(c.id()).overdue()).isTrue();
    JsonNode overdue = http.get("/api/catalogues?overdue=true&townshipCode=621121103", "dingxiapprover").json();
    assertThat(overdue.get("total").asLong()).as("the city sees its counties' catalogues").isEqualTo(1);
    assertThat(overdue.get("items").get(0).get("overdue").asBoolean()).isTrue();
    assertThat(http.get("/api/catalogues?overdue=true&townshipCode=621121103", "ningyang").json().get("total").asLong())
        .as("another province's county").isZero();
    assertThat(http.get("/api/catalogues?overdue=false&townshipCode=621121103", "tongwei").json().get("total").asLong()).isZero();
    assertThat(prometheus()).containsPattern("reform_catalogues_overdue\\S* [1-9]")
        .contains("reform_catalogues{application=\"township-reform-approval\",status=\"IN_REVIEW\"}");

    // published, it is done: no longer overdue
    support.approve("tongweilegal", c.processInstanceId(), CatalogueKeys.LEGAL_REVIEW);
    support.approve("tongweigov", c.processInstanceId(), CatalogueKeys.COUNTY_APPROVAL);
    assertThat(support.view(c.id()).status()).isEqualTo(CatalogueStatus.PUBLISHED);
    assertThat(support.view(c.id()).overdue()).isFalse();
    assertThat(http.get("/api/catalogues?overdue=true&townshipCode=621121103", "tongwei").json().get("total").asLong()).isZero();
  }

  @Test
  void shouldSetNoDeadlineWhereTheProvinceHasNone() {
    CatalogueView c = support.submitted("xintai", countyCatalogue("370982112"));
    assertThat(c.deadline()).isNull();
    assertThat(c.overdue()).isFalse();
  }

  private String prometheus() {
    return http.get("/actuator/prometheus", PlanFixtures.ADMIN).raw().body();
  }
}
