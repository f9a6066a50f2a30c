package cn.gov.reform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.reform.support.Http;

/**
 * The Camunda webapps speak Chinese: every label of the en.json files Camunda ships has a zh-CN entry,
 * so a Camunda upgrade that adds labels fails the build (with the missing keys and their English text)
 * instead of showing English to officials.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebappLocalesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** {{ name }} placeholders, moment's %d/%s, the bare {} of a few Cockpit labels. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|\\{}|%[ds]");
  /** HTML the labels carry (links, line breaks, emphasis); "<null>" and the like are text, not tags. */
  private static final Pattern TAG = Pattern.compile("</?(a|b|br|code|em|i|p|span|strong)\\b[^>]*>");

  @LocalServerPort int port;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void shouldServeAChineseEntryForEveryLabelCamundaShips(String app) {
    JsonNode en = served("/camunda/app/" + app + "/locales/en.json");
    JsonNode zh = served("/camunda/app/" + app + "/locales/zh-CN.json");

    List<String> problems = new ArrayList<>();
    compare("", en, zh, problems);

    assertThat(problems)
        .as("%s: zh-CN.json must translate every label of Camunda's en.json (add these to"
            + " src/main/resources/META-INF/resources/webjars/camunda/app/%s/locales/zh-CN.json)", app, app)
        .isEmpty();
    assertThat(en.get("labels").size()).as("labels Camunda ships for %s", app).isGreaterThan(100);
    assertThat(zh.get("labels").size()).isEqualTo(en.get("labels").size());
  }

  @Test
  void shouldSpeakTheOfficialsLanguageInTasklist() {
    JsonNode labels = served("/camunda/app/tasklist/locales/zh-CN.json").get("labels");
    assertThat(labels.get("CLAIM_TASK").asText()).isEqualTo("认领");
    assertThat(labels.get("COMPLETE").asText()).isEqualTo("完成");
    assertThat(labels.get("DUE_DATE").asText()).isEqualTo("截止日期");
    assertThat(labels.get("FOLLOW_UP_DATE").asText()).isEqualTo("跟进日期");
    assertThat(labels.get("PAGE_LOGIN_SIGN_IN_ACTION").asText()).isEqualTo("登录");
    assertThat(labels.get("CAM_WIDGET_STRING_DIALOG_TITLE").asText()).isEqualTo("查看变量“{{ name }}”");
    JsonNode dates = served("/camunda/app/tasklist/locales/zh-CN.json").get("dateLocales");
    assertThat(dates.get("months").get(0).asText()).isEqualTo("一月");
    assertThat(dates.get("longDateFormat").get("LLL").asText()).isEqualTo("YYYY年M月D日 LT");
    JsonNode cockpit = served("/camunda/app/cockpit/locales/zh-CN.json").get("labels");
    assertThat(cockpit.get("DASHBOARD_OPEN_INCIDENTS").asText()).isEqualTo("未解决的故障");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void shouldMakeChineseTheDefaultAndShowTheAppsName(String app) {
    Http.Answer config = http.get("/camunda/app/" + app + "/scripts/config.js", null);
    assertThat(config.status()).isEqualTo(200);
    String js = config.raw().body();
    assertThat(js)
        .as("our config.js, not the webjar's")
        .contains("vendor: '乡镇改革方案审批'")
        .contains(": {availableLocales: ['zh-CN'], fallbackLocale: 'zh-CN'}")
        .contains("? {availableLocales: ['en', 'zh-CN'], fallbackLocale: 'en'}")
        .contains("get('locale')")
        .contains("document.documentElement.lang = english ? 'en' : 'zh-CN';")
        .contains("export default {");
    assertThat(js.indexOf("export default")).isEqualTo(js.lastIndexOf("export default"));

    Http.Answer css = http.get("/camunda/app/" + app + "/styles/user-styles.css", null);
    assertThat(css.status()).isEqualTo(200);
    assertThat(css.raw().body()).containsPattern("\\.ce-eol-banner \\{\\s*display: none;");
    assertThat(served("/camunda/app/" + app + "/locales/zh-CN.json").get("labels").get("BANNER_CE_EOL_TEXT").asText())
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void shouldNotAskForTheStandaloneDistributionsWelcomePage(String app) {
    assertThat(http.get("/camunda/app/" + app + "/scripts/config.js", null).raw().body()).contains("disableWelcomeMessage: true,");
    assertThat(http.get("/camunda-welcome", null).status()).as("not served by this app").isEqualTo(404);
  }

  @Test
  void shouldKeepTasklistsShortcutsWithChineseDescriptions() {
    String js = http.get("/camunda/app/tasklist/scripts/config.js", null).raw().body();
    assertThat(js).contains("name: '待办任务'", "key: 'ctrl+alt+c'", "description: '认领当前选中的任务'", "key: 'ctrl+alt+p'")
        .doesNotContain("claims the currently selected task");
  }

  private JsonNode served(String path) {
    Http.Answer answer = http.get(path, null);
    assertThat(answer.status()).as(path).isEqualTo(200);
    String body = answer.raw().body();
    try {
      // Camunda's en.json files start with a byte-order mark
      return JSON.readTree(body.startsWith("\uFEFF") ? body.substring(1) : body);
    } catch (IOException e) {
      throw new AssertionError(path + " is not JSON", e);
    }
  }

  private static void compare(String path, JsonNode en, JsonNode zh, List<String> problems) {
    if (zh == null || zh.isMissingNode() || zh.isNull()) {
      problems.add(path + " missing (en: " + en + ")");
    } else if (en.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = en.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        compare(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), zh.get(field.getKey()), problems);
      }
    } else if (en.isArray()) {
      if (!zh.isArray() || zh.size() != en.size()) {
        problems.add(path + " should be a list of " + en.size());
      } else {
        for (int i = 0; i < en.size(); i++) {
          compare(path + "[" + i + "]", en.get(i), zh.get(i), problems);
        }
      }
    } else if (en.isTextual()) {
      String english = en.asText();
      String chinese = zh.asText();
      if (chinese.isBlank() && !mayBeEmpty(path, english)) {
        problems.add(path + " empty (en: " + english + ")");
      }
      if (!path.endsWith("BANNER_CE_EOL_TEXT")) {
        if (!all(PLACEHOLDER, english).equals(all(PLACEHOLDER, chinese))) {
          problems.add(path + " placeholders " + all(PLACEHOLDER, english) + " became " + all(PLACEHOLDER, chinese));
        }
        if (!all(TAG, english).equals(all(TAG, chinese))) {
          problems.add(path + " markup " + all(TAG, english) + " became " + all(TAG, chinese));
        }
      }
    } else if (!en.equals(zh)) {
      problems.add(path + " should be " + en + " (a number, as in en.json)");
    }
  }

  /** The end-of-life banner is dropped; English plural endings ("s") have no Chinese counterpart. */
  private static boolean mayBeEmpty(String path, String english) {
    return path.endsWith("BANNER_CE_EOL_TEXT") || english.isBlank() || english.equals("s");
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group().replace(" ", ""));
    }
    found.sort(null);
    return found;
  }
}
