package io.dealflow.training.session;

import java.util.UUID;

/** A transcript line with the session it belongs to. */
public record SessionTurn(UUID sessionId, Turn turn) {}
