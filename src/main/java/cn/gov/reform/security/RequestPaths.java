package cn.gov.reform.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/** The path a request is dispatched on, as the container decoded and normalized it. */
final class RequestPaths {

  private RequestPaths() {}

  static String of(HttpServletRequest request) {
    String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
    String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
    return (servletPath + pathInfo).replaceAll("/{2,}", "/");
  }

  /**
   * The path below one engine of engine REST ({@code /task/count}) for {@code /engine-rest/…},
   * {@code /engine-rest/engine/{name}/…} and the webapps' {@code <app>/api/engine/engine/{name}/…};
   * {@code null} for any other request.
   */
  static String engineResource(HttpServletRequest request, String applicationPath) {
    String path = of(request);
    Matcher m = Pattern.compile("^/engine-rest(?:/engine/[^/]+)?(/.*)$").matcher(path);
    if (m.matches()) {
      return m.group(1);
    }
    m = Pattern.compile("^" + Pattern.quote(applicationPath) + "/api/engine/engine/[^/]+(/.*)$").matcher(path);
    return m.matches() ? m.group(1) : null;
  }
}
