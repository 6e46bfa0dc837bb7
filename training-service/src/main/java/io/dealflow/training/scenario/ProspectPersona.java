package io.dealflow.training.scenario;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who the rep talks to in a scenario. The scripted prospect answers discovery questions from its
 * pain points, in order.
 *
 * @param name the prospect's full name; the rep earns rapport by using it
 * @param title job title
 * @param company the prospect's company
 * @param painPoints what hurts, most important first
 * @param personality e.g. analytical, driver, amiable, expressive
 * @param communicationStyle e.g. direct, detailed, friendly
 */
public record ProspectPersona(
    String name,
    @Nullable String title,
    @Nullable String company,
    List<String> painPoints,
    @Nullable String personality,
    @Nullable String communicationStyle) {

  public ProspectPersona {
    painPoints = List.copyOf(painPoints);
  }

  /** The name the rep would use: the first word of the full name. */
  public String firstName() {
    String trimmed = name.strip();
    int space = trimmed.indexOf(' ');
    return space < 0 ? trimmed : trimmed.substring(0, space);
  }
}
