package io.dealflow.devstack.launch;

/**
 * The stack did not come up. The message is the report for a person: which component failed, how,
 * and the end of its log.
 */
public class StackStartException extends RuntimeException {

  public StackStartException(String message) {
    super(message);
  }
}
