package io.dealflow.devstack;

/**
 * Infrastructure could not be provided. The message is meant for a person: it says what was tried,
 * what is missing and how to provide it.
 */
public class DevstackException extends IllegalStateException {

  public DevstackException(String message) {
    super(message);
  }

  public DevstackException(String message, Throwable cause) {
    super(message, cause);
  }
}
