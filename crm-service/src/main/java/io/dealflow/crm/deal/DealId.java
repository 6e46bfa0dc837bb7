package io.dealflow.crm.deal;

import java.util.UUID;

/** A deal's id. */
public record DealId(UUID value) {

  public static DealId of(UUID value) {
    return new DealId(value);
  }

  public static DealId random() {
    return new DealId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
