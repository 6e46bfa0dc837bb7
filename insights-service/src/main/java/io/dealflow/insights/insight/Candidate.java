package io.dealflow.insights.insight;

import io.dealflow.insights.insight.Insight.Subject;
import io.dealflow.insights.rules.Finding;
import java.util.List;

/**
 * An insight a rule would raise.
 *
 * @param cause what makes it this insight and no other: a cause raises at most one insight, ever
 * @param finding what the rule found
 * @param subjects the records it is about
 */
record Candidate(String cause, Finding finding, List<Subject> subjects) {

  Candidate {
    subjects = List.copyOf(subjects);
  }
}
