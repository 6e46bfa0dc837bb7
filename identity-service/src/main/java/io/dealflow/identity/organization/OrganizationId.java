package io.dealflow.identity.organization;

import java.util.UUID;

/** An organization's id, which is also its VectorOS workspace id and HeliosCS tenant id. */
public record OrganizationId(UUID value) {

  public static OrganizationId of(UUID value) {
    return new OrganizationId(value);
  }

  public static OrganizationId random() {
    return new OrganizationId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
