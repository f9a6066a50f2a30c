package cn.gov.reform.plan;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import cn.gov.reform.security.WebappSession;

/**
 * The managers' dashboard (管理驾驶舱): a static page whose data comes from {@code /api/stats} and
 * {@code /api/plans}. Served only to a browser logged in to the Camunda webapps (the same session as
 * Tasklist and Cockpit); anyone else is sent to its login page, which logs in through the webapps' own
 * login endpoint. Its 退出登录 uses the webapps' logout endpoint.
 */
@Controller
class DashboardController {

  static final String LOGIN_PAGE = "/dashboard/login.html";

  private final Resource page = new ClassPathResource("dashboard/index.html");
  private final String engineName;

  DashboardController(ProcessEngine engine) {
    this.engineName = engine.getName();
  }

  @GetMapping({"/dashboard", "/dashboard/"})
  ResponseEntity<Resource> dashboard(HttpServletRequest request) {
    if (WebappSession.user(request, engineName).isEmpty()) {
      return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(LOGIN_PAGE)).build();
    }
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore()).body(page);
  }

  /**
   * The session's CSRF token for the dashboard's login and logout, in the header Camunda uses. Camunda's filter
   * sends that header only with the response that makes the token, later only its cookie, scoped to
   * {@code /camunda}, which a page at {@code /dashboard} cannot read. Other sites cannot read it either: the
   * browser shows response headers to pages of this origin only.
   */
  @GetMapping("/dashboard/csrf-token")
  ResponseEntity<Void> csrfToken(HttpServletRequest request) {
    ResponseEntity.HeadersBuilder<?> answer = ResponseEntity.noContent().cacheControl(CacheControl.noStore());
    WebappSession.csrfToken(request).ifPresent(token -> answer.header(WebappSession.CSRF_HEADER, token));
    return answer.build();
  }
}
