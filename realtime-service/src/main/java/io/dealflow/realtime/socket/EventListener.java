package io.dealflow.realtime.socket;

import io.dealflow.platform.events.ReceivedEvent;

/** Runs for each event before it is handed to the sockets (e.g. to keep a replay buffer). */
public interface EventListener {

  void before(ReceivedEvent event);
}
