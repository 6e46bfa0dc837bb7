package io.dealflow.platform.events;

import io.dealflow.platform.tracing.Traces;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import net.ttddyy.observation.tracing.DataSourceBaseContext;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events for every service with a database: the outbox, its relay, the consumers declared as {@link
 * EventSubscription} beans, dead letters, and their metrics.
 */
@AutoConfiguration(
    after = DataSourceTransactionManagerAutoConfiguration.class,
    afterName = "io.dealflow.platform.tracing.TracingAutoConfiguration")
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(prefix = "dealflow.events", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(EventsProperties.class)
public class EventsAutoConfiguration {

  @Bean
  EventsSchema dealflowEventsSchema(DataSource dataSource) {
    return new EventsSchema(dataSource);
  }

  @Bean
  KafkaSettings dealflowKafkaSettings(EventsProperties properties, Environment environment) {
    return KafkaSettings.of(properties, environment);
  }

  @Bean
  OutboxRelay dealflowOutboxRelay(
      EventsSchema schema,
      DataSource dataSource,
      PlatformTransactionManager transactionManager,
      KafkaSettings kafka,
      EventsProperties properties,
      ObjectProvider<Traces> traces) {
    Map<String, Object> config = new HashMap<>(kafka.producerConfig());
    config.put(ProducerConfig.CLIENT_ID_CONFIG, kafka.clientId("outbox-relay"));
    return new OutboxRelay(
        JdbcClient.create(dataSource),
        new TransactionTemplate(transactionManager),
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()),
        properties.relay(),
        traces.getIfAvailable(() -> Traces.OFF));
  }

  @Bean
  Outbox dealflowOutbox(
      EventsSchema schema,
      JdbcClient jdbc,
      KafkaSettings kafka,
      OutboxRelay relay,
      ObjectProvider<Traces> traces) {
    return new JdbcOutbox(
        jdbc,
        kafka.source(),
        Clock.systemUTC(),
        relay::wakeUp,
        traces.getIfAvailable(() -> Traces.OFF));
  }

  @Bean
  DeadLetters dealflowDeadLetters(
      EventsSchema schema,
      JdbcClient jdbc,
      PlatformTransactionManager transactionManager,
      KafkaSettings kafka,
      OutboxRelay relay) {
    Map<String, Object> config = new HashMap<>(kafka.producerConfig());
    config.put(ProducerConfig.CLIENT_ID_CONFIG, kafka.clientId("dead-letters"));
    return new DeadLetters(
        jdbc,
        new TransactionTemplate(transactionManager),
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()),
        relay::wakeUp);
  }

  @Bean
  EventConsumers dealflowEventConsumers(
      EventsSchema schema,
      ObjectProvider<EventSubscription> subscriptions,
      DataSource dataSource,
      PlatformTransactionManager transactionManager,
      KafkaSettings kafka,
      DeadLetters deadLetters,
      EventsProperties properties,
      ObjectProvider<MeterRegistry> meters,
      ObjectProvider<Traces> traces) {
    List<EventSubscription> all = subscriptions.orderedStream().toList();
    return new EventConsumers(
        all,
        JdbcClient.create(dataSource),
        new TransactionTemplate(transactionManager),
        kafka,
        deadLetters,
        properties.consumer(),
        meters.getIfAvailable(SimpleMeterRegistry::new),
        traces.getIfAvailable(() -> Traces.OFF));
  }

  @Bean
  EventReplay dealflowEventReplay(
      ObjectProvider<EventSubscription> subscriptions,
      KafkaSettings kafka,
      PlatformTransactionManager transactionManager) {
    return new EventReplay(
        subscriptions.orderedStream().toList(), kafka, new TransactionTemplate(transactionManager));
  }

  @Bean
  EventConsumersHealth eventConsumersHealthIndicator(EventConsumers consumers) {
    return new EventConsumersHealth(consumers);
  }

  @Bean
  EventMetrics dealflowEventMetrics(EventsSchema schema, JdbcClient jdbc) {
    return new EventMetrics(jdbc);
  }

  @Bean
  DeadLettersEndpoint deadLettersEndpoint(DeadLetters deadLetters) {
    return new DeadLettersEndpoint(deadLetters);
  }

  /**
   * With tracing on, a JDBC call is a span only inside a trace (a request, an event being applied):
   * the relay's and the pollers' rounds every second would otherwise each be a trace of its own.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "net.ttddyy.observation.tracing.DataSourceBaseContext")
  @ConditionalOnBean(Tracer.class)
  static class JdbcSpansInTracesOnly {
    @Bean
    ObservationPredicate dealflowJdbcSpansInTracesOnly(Tracer tracer) {
      return (name, context) ->
          !(context instanceof DataSourceBaseContext) || tracer.currentSpan() != null;
    }
  }
}
