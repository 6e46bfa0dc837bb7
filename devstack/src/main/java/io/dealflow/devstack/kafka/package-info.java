/**
 * Finds a Kafka broker: configured bootstrap servers, local broker, Testcontainers, else an in-JVM
 * KRaft one.
 */
@NullMarked
package io.dealflow.devstack.kafka;

import org.jspecify.annotations.NullMarked;
