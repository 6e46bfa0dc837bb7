package io.dealflow.devstack;

/**
 * A Kafka cluster.
 *
 * @param bootstrapServers host:port pairs, comma-separated, as {@code bootstrap.servers} takes them
 */
public record Kafka(String bootstrapServers, Source source) {}
