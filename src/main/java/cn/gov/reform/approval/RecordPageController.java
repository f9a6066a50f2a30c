package cn.gov.reform.approval;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

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
 * The record page (审批记录, {@code /dashboard/record.html?process=…&id=…}), a static page whose data comes from
 * {@code /api/records}. Like the dashboard, served only to a browser logged in to the Camunda webapps; anyone else is
 * sent to the dashboard's login page, which brings them back here (its {@code next}). Without that, the page's first
 * read of {@code /api} would meet HTTP Basic's challenge, and the browser would ask for a password in a dialog.
 */
@Controller
class RecordPageController {

  static final String PATH = "/dashboard/record.html";
  static final String LOGIN_PAGE = "/dashboard/login.html";

  private final Resource page = new ClassPathResource("dashboard/record.html");
  private final String engineName;

  RecordPageController(ProcessEngine engine) {
    this.engineName = engine.getName();
  }

  @GetMapping(PATH)
  ResponseEntity<Resource> page(HttpServletRequest request) {
    if (WebappSession.user(request, engineName).isEmpty()) {
      String here = PATH + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
      return ResponseEntity.status(HttpStatus.FOUND)
          .location(URI.create(LOGIN_PAGE + "?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8))).build();
    }
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore()).body(page);
  }
}
