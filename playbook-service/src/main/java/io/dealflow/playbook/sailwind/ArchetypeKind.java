package io.dealflow.playbook.sailwind;

import java.util.Locale;

/** What an archetype describes: a kind of client (buyer) or a kind of product. */
public enum ArchetypeKind {
  CLIENT,
  PRODUCT;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** For people: "Client archetype", "Product archetype". */
  public String label() {
    return this == CLIENT ? "Client archetype" : "Product archetype";
  }
}
