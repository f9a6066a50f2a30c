package cn.gov.reform.security;

import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cockpit asks the webapps' engine API for every version of a definition without a page size ("all process
 * definitions of this key"), which the engine's hardening (query-max-results-limit) refuses with 400 "An
 * unbound number of results is forbidden!" on every process-definition page. For that one request — a
 * {@code GET} of the definition list by key from the webapps, no {@code maxResults} — the page size is the
 * limit itself, so the page works and nothing unbounded reaches the engine. Engine REST clients still page.
 */
final class DefinitionVersionsFilter extends OncePerRequestFilter {

  private final Pattern path;
  private final String limit;

  DefinitionVersionsFilter(String applicationPath, int limit) {
    this.path = Pattern.compile(Pattern.quote(applicationPath) + "/api/engine/engine/[^/]+/(process|decision)-definition/?");
    this.limit = String.valueOf(limit);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod()) || !path.matcher(request.getRequestURI()).matches()
        || request.getParameter("key") == null || request.getParameter("maxResults") != null;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Map<String, String[]> parameters = new HashMap<>(request.getParameterMap());
    parameters.put("maxResults", new String[] {limit});
    chain.doFilter(new HttpServletRequestWrapper(request) {
      @Override
      public String getParameter(String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[0];
      }

      @Override
      public Map<String, String[]> getParameterMap() {
        return Collections.unmodifiableMap(parameters);
      }

      @Override
      public java.util.Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters.keySet());
      }

      @Override
      public String[] getParameterValues(String name) {
        return parameters.get(name);
      }

      @Override
      public String getQueryString() {
        String query = super.getQueryString();
        return (query == null || query.isEmpty() ? "" : query + "&") + "maxResults=" + limit;
      }
    }, response);
  }
}
