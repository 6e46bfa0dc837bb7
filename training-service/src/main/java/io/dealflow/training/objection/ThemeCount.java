package io.dealflow.training.objection;

import java.util.List;

/**
 * How often an organization's prospects raised objections of one theme.
 *
 * @param theme the theme
 * @param count the objections of that theme kept
 * @param examples up to three distinct lines, the most frequent first, then the newest
 */
public record ThemeCount(ObjectionTheme theme, int count, List<String> examples) {

  public ThemeCount {
    examples = List.copyOf(examples);
  }
}
