package io.dealflow.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.commons.logging.impl.Log4jApiLogFactory;
import org.junit.jupiter.api.Test;

/**
 * Spring logs through commons-logging, and Spring Security builds a debug message for every path
 * matcher of every request. commons-logging's own SLF4J adapter renders such a message even when
 * debug is off; platform-core selects the Log4j API adapter (bridged to SLF4J), which asks the
 * level first. On the gateway this was most of the allocation per request.
 */
class CommonsLoggingTest {

  @Test
  void springLogsThroughTheAdapterThatChecksTheLevelFirst() {
    assertThat(LogFactory.getFactory()).isInstanceOf(Log4jApiLogFactory.class);
  }

  @Test
  void disabledDebugMessagesAreNeverRendered() {
    Log log = LogFactory.getLog("io.dealflow.platform.logging.quiet");
    AtomicInteger rendered = new AtomicInteger();
    Object message =
        new Object() {
          @Override
          public String toString() {
            rendered.incrementAndGet();
            return "expensive";
          }
        };

    log.debug(message);

    assertThat(log.isDebugEnabled()).isFalse();
    assertThat(rendered).hasValue(0);
  }
}
