package cn.gov.reform.security;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.reform.web.Problems;

/**
 * With the password policy on, the engine refuses a weak password with a bare 500 ("Password does not
 * match policy"). Creating a user or setting a password over engine REST or the Admin webapp is checked
 * here first and refused with 400 naming the field and every rule the password breaks.
 */
class PasswordPolicyGuard extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CREATE = Pattern.compile("^/user/create/?$");
  private static final Pattern CREDENTIALS = Pattern.compile("^/user/([^/]+)/credentials/?$");

  private final IdentityService identity;
  private final boolean policyEnabled;
  private final String applicationPath;

  PasswordPolicyGuard(IdentityService identity, boolean policyEnabled, String applicationPath) {
    this.identity = identity;
    this.policyEnabled = policyEnabled;
    this.applicationPath = applicationPath;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String resource = RequestPaths.engineResource(request, applicationPath);
    return resource == null
        || !(("POST".equalsIgnoreCase(request.getMethod()) && CREATE.matcher(resource).matches())
            || ("PUT".equalsIgnoreCase(request.getMethod()) && CREDENTIALS.matcher(resource).matches()));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<BufferedBody> body = BufferedBody.read(request);
    if (body.isEmpty()) {
      BodySizeFilter.tooLarge(response);
      return;
    }
    JsonNode root = parse(body.get().bytes());
    if (root != null && policyEnabled) {
      Matcher credentials = CREDENTIALS.matcher(RequestPaths.engineResource(request, applicationPath));
      String field = credentials.matches() ? "password" : "credentials.password";
      JsonNode password = credentials.matches() ? root.get("password") : root.path("credentials").get("password");
      if (password != null && password.isTextual()) {
        User user = credentials.matches() ? new UserEntity(credentials.group(1)) : profileOf(root.path("profile"));
        PasswordPolicyResult result = identity.checkPasswordAgainstPolicy(password.asText(), user);
        if (!result.isValid()) {
          String message = PasswordPolicyMessages.describe(result.getViolatedRules());
          Problems.write(response, 400, "密码不符合密码策略", message, field, message);
          return;
        }
      }
    }
    chain.doFilter(body.get(), response);
  }

  private static JsonNode parse(byte[] body) {
    try {
      return body.length == 0 ? null : JSON.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
  }

  private static User profileOf(JsonNode profile) {
    UserEntity user = new UserEntity(profile.path("id").asText(null));
    user.setFirstName(profile.path("firstName").asText(null));
    user.setLastName(profile.path("lastName").asText(null));
    user.setEmail(profile.path("email").asText(null));
    return user;
  }
}
