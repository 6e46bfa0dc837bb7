package io.dealflow.platform.servlet;

import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.request.BodyLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than the path's limit ({@link BodyLimits}) with 413 in the route's
 * family format: at once when {@code Content-Length} declares more, and otherwise (chunked bodies)
 * as soon as reading goes past the limit, so that no handler ever sees the rest. Runs before
 * security, so that a large anonymous body is not read either.
 *
 * <p>Multipart bodies are parsed by the servlet container from its own stream; a chunked multipart
 * body is bounded by {@code spring.servlet.multipart.max-request-size} instead.
 */
public class BodyLimitFilter extends OncePerRequestFilter {

  /**
   * Set on the request when its body went past the limit, for {@link ApiExceptionHandler}: a body
   * reader may wrap the refusal into a "malformed body" failure of its own.
   */
  static final String EXCEEDED = BodyLimitFilter.class.getName() + ".exceeded";

  private final BodyLimits limits;
  private final ErrorResponder errors;

  public BodyLimitFilter(BodyLimits limits, ErrorResponder errors) {
    this.limits = limits;
    this.errors = errors;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long max = limits.maxBytes(pathOf(request));
    long declared = request.getContentLengthLong();
    if (declared > max) {
      // Nothing of the body is read; the container discards it or closes the connection.
      response.setHeader("Connection", "close");
      errors.write(request, response, BodyLimits.tooLarge(max));
      return;
    }
    chain.doFilter(declared >= 0 ? request : new LimitedRequest(request, max), response);
  }

  private static String pathOf(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return context.isEmpty() ? uri : uri.substring(context.length());
  }

  /** A request whose body stream refuses to read past the limit. */
  private static final class LimitedRequest extends HttpServletRequestWrapper {

    private final long max;
    private @Nullable ServletInputStream stream;
    private @Nullable BufferedReader reader;

    LimitedRequest(HttpServletRequest request, long max) {
      super(request);
      this.max = max;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new LimitedInputStream(super.getInputStream(), max, this);
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      if (reader == null) {
        String encoding = getCharacterEncoding();
        Charset charset = encoding != null ? Charset.forName(encoding) : StandardCharsets.UTF_8;
        reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
      }
      return reader;
    }
  }

  /**
   * Counts what is read and throws {@link ApiException} (413) at the first byte past the limit, and
   * marks the request ({@link #EXCEEDED}) in case a body reader wraps the exception.
   */
  private static final class LimitedInputStream extends ServletInputStream {

    private final ServletInputStream in;
    private final long max;
    private final HttpServletRequest request;
    private long read;

    LimitedInputStream(ServletInputStream in, long max, HttpServletRequest request) {
      this.in = in;
      this.max = max;
      this.request = request;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > max) {
        request.setAttribute(EXCEEDED, max);
        throw new ApiException(BodyLimits.tooLarge(max));
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
