package io.dealflow.support.text;

/**
 * A user's search text as a SQL {@code LIKE} pattern that matches it anywhere, wildcards escaped.
 */
public final class SearchPattern {

  private SearchPattern() {}

  public static String containing(String search) {
    return "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
