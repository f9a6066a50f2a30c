package cn.gov.reform.security;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.reform.web.Problems;

/**
 * Closes CVE-2026-109432: expressions hidden in a task query's {@code orQueries} slip past
 * {@code enableExpressionsInAdhocQueries=false} and run code. Every ad-hoc task query — {@code /task},
 * {@code /task/count} and a stored filter's extending query ({@code /filter/{id}/list|count|singleResult}),
 * on engine REST and on the webapps' engine API — is refused with 400 if a query parameter or any string
 * in its JSON body, at any nesting level, carries an expression ({@code ${…}} or {@code #{…}}, also
 * URL-encoded). Stored filters keep their expressions ({@code ${currentUser()}}); creating or changing a
 * filter whose query carries one is for {@code camunda-admin} only (403).
 */
class QueryExpressionGuard extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(QueryExpressionGuard.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern AD_HOC_QUERY =
      Pattern.compile("^/(task(/count)?|filter/[^/]+/(list|count|singleResult))/?$");
  private static final Pattern FILTER_CREATE = Pattern.compile("^/filter/create/?$");
  private static final Pattern FILTER_UPDATE = Pattern.compile("^/filter/[^/]+/?$");

  private final IdentityService identity;
  private final String applicationPath;

  QueryExpressionGuard(IdentityService identity, String applicationPath) {
    this.identity = identity;
    this.applicationPath = applicationPath;
  }

  private enum Kind { AD_HOC_QUERY, STORED_FILTER }

  private Optional<Kind> kind(HttpServletRequest request) {
    String resource = RequestPaths.engineResource(request, applicationPath);
    if (resource == null) {
      return Optional.empty();
    }
    if (AD_HOC_QUERY.matcher(resource).matches()) {
      return Optional.of(Kind.AD_HOC_QUERY);
    }
    String method = request.getMethod();
    if ((FILTER_CREATE.matcher(resource).matches() && "POST".equalsIgnoreCase(method))
        || (FILTER_UPDATE.matcher(resource).matches() && "PUT".equalsIgnoreCase(method))) {
      return Optional.of(Kind.STORED_FILTER);
    }
    return Optional.empty();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return kind(request).isEmpty();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Kind kind = kind(request).orElseThrow();
    if (kind == Kind.AD_HOC_QUERY) {
      Optional<String> field = expressionInQueryString(request.getQueryString());
      if (field.isPresent()) {
        refuseAdHoc(request, response, field.get());
        return;
      }
    }
    Optional<BufferedBody> body = BufferedBody.read(request);
    if (body.isEmpty()) {
      BodySizeFilter.tooLarge(response);
      return;
    }
    Optional<String> field = expressionInBody(body.get().bytes(), kind == Kind.STORED_FILTER ? "query" : null);
    if (field.isPresent()) {
      if (kind == Kind.AD_HOC_QUERY) {
        refuseAdHoc(request, response, field.get());
        return;
      }
      if (!isAdministrator(request)) {
        LOG.warn("Refused a stored filter with an expression in {} from {}", field.get(), request.getRemoteAddr());
        Problems.write(response, 403, "不允许保存含表达式的过滤器",
            "只有管理员（camunda-admin）可以保存含表达式的任务过滤器：" + field.get(), field.get(), "只有管理员可以使用表达式");
        return;
      }
    }
    chain.doFilter(body.get(), response);
  }

  private static void refuseAdHoc(HttpServletRequest request, HttpServletResponse response, String field) throws IOException {
    LOG.warn("Refused a task query with an expression in {} from {}", field, request.getRemoteAddr());
    Problems.write(response, 400, "查询中不允许使用表达式",
        "任务查询不得包含表达式（${…} 或 #{…}）：" + field, field, "不允许使用表达式");
  }

  /** The name of the first query parameter whose name or value carries an expression. */
  static Optional<String> expressionInQueryString(String queryString) {
    if (queryString == null || queryString.isEmpty()) {
      return Optional.empty();
    }
    for (String pair : queryString.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      if (carriesExpression(pair)) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  /**
   * The path ({@code orQueries[0].assigneeExpression}) of the first string in the JSON body, below
   * {@code under} if given, that carries an expression; a body that is not JSON is searched as text.
   */
  static Optional<String> expressionInBody(byte[] body, String under) {
    if (body.length == 0) {
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException notJson) {
      return carriesExpression(new String(body, StandardCharsets.UTF_8)) ? Optional.of("body") : Optional.empty();
    }
    if (root == null) {
      return Optional.empty();
    }
    if (under != null) {
      JsonNode part = root.get(under);
      return part == null ? Optional.empty() : find(part, under);
    }
    return find(root, "");
  }

  private static Optional<String> find(JsonNode node, String path) {
    if (node.isTextual()) {
      return carriesExpression(node.asText()) ? Optional.of(path.isEmpty() ? "body" : path) : Optional.empty();
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Optional<String> found = find(node.get(i), path + "[" + i + "]");
        if (found.isPresent()) {
          return found;
        }
      }
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        if (carriesExpression(e.getKey())) {
          return Optional.of(child);
        }
        Optional<String> found = find(e.getValue(), child);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /** {@code ${} or {@code #{}, as given or URL-decoded once or twice. */
  static boolean carriesExpression(String value) {
    String s = value;
    for (int round = 0; round < 3; round++) {
      if (s.contains("${") || s.contains("#{")) {
        return true;
      }
      String decoded = decode(s);
      if (decoded.equals(s)) {
        return false;
      }
      s = decoded;
    }
    return false;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return s;
    }
  }

  /** Engine REST: the authentication the HTTP Basic filter set; webapps: the session's login. */
  private boolean isAdministrator(HttpServletRequest request) {
    Authentication current = identity.getCurrentAuthentication();
    if (current != null && current.getGroupIds() != null && current.getGroupIds().contains(Groups.CAMUNDA_ADMIN)) {
      return true;
    }
    return WebappSession.groups(request).contains(Groups.CAMUNDA_ADMIN);
  }
}
