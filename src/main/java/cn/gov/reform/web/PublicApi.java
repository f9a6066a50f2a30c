package cn.gov.reform.web;

/**
 * The one part of {@code /api} open without login: what a procedure publishes to everybody (a township's power catalogue
 * in force) under {@value #PREFIX}. Only GET is served there, and nothing that is not published; every other {@code /api}
 * path still needs HTTP Basic (or a webapp session for reading). The API description lists these operations without
 * the 401 answer and without a security requirement.
 */
public final class PublicApi {

  public static final String PREFIX = "/api/public/";

  private PublicApi() {}

  /** Whether a request path (as the container decoded and normalized it) is public. */
  public static boolean covers(String path) {
    return path != null && path.startsWith(PREFIX);
  }
}
