/**
 * Events that are never lost: a transactional outbox and its Kafka relay for producers, consumers
 * that apply each event once, dead letters that an operator can list and replay.
 */
@NullMarked
package io.dealflow.platform.events;

import org.jspecify.annotations.NullMarked;
