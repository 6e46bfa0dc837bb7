package io.dealflow.training.prospect;

import io.dealflow.training.scoring.CallTurn;
import java.util.List;

/** The other side of the call. */
public interface Prospect {

  /** How the prospect picks up the call, before the rep has said anything. */
  ProspectReply open(Roleplay roleplay);

  /**
   * The prospect's answer to the rep's last turn.
   *
   * @param history the call so far, the rep's new turn last
   */
  ProspectReply reply(Roleplay roleplay, List<CallTurn> history);
}
