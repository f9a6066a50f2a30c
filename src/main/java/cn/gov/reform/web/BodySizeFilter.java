package cn.gov.reform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over 1 MB with 413 before anything reads them. A body sent without a length
 * (chunked) is read here up to the limit and handed on from memory, so it cannot slip past.
 */
class BodySizeFilter extends OncePerRequestFilter {

  static final long MAX_BYTES = 1024 * 1024;

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > MAX_BYTES) {
      tooLarge(response);
      return;
    }
    if (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null) {
      byte[] body = request.getInputStream().readNBytes((int) MAX_BYTES + 1);
      if (body.length > MAX_BYTES) {
        tooLarge(response);
        return;
      }
      chain.doFilter(new BufferedBody(request, body), response);
      return;
    }
    chain.doFilter(request, response);
  }

  private static void tooLarge(HttpServletResponse response) throws IOException {
    response.setStatus(413);
    response.setHeader("Connection", "close");
    response.setContentType("application/problem+json;charset=UTF-8");
    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"请求体过大\",\"status\":413,"
        + "\"detail\":\"请求体不能超过1MB\"}");
  }

  /** The request with its (already read, within the limit) body served from memory. */
  private static final class BufferedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() {
      return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
          java.nio.charset.Charset.forName(getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding())));
    }
  }
}
