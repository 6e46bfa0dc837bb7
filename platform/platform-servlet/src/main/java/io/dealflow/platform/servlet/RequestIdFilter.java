package io.dealflow.platform.servlet;

import io.dealflow.platform.request.RequestIds;
import io.dealflow.platform.request.TraceContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when well formed), returns it on the
 * response and puts it in the logging context so every log line of the request carries it. The
 * request's W3C trace context (continued from the caller's {@code traceparent}, else new) goes
 * there too, so that the events the request causes carry its trace.
 */
public class RequestIdFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String id = RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
    request.setAttribute(RequestIds.MDC_KEY, id);
    response.setHeader(RequestIds.HEADER, id);
    String traceparent = TraceContext.continueOrStart(request.getHeader(TraceContext.HEADER));
    MDC.put(RequestIds.MDC_KEY, id);
    MDC.put(TraceContext.MDC_KEY, traceparent);
    MDC.put(TraceContext.TRACE_ID_MDC_KEY, TraceContext.traceId(traceparent));
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(RequestIds.MDC_KEY);
      MDC.remove(TraceContext.MDC_KEY);
      MDC.remove(TraceContext.TRACE_ID_MDC_KEY);
    }
  }
}
