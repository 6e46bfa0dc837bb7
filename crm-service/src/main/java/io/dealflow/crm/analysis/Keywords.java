package io.dealflow.crm.analysis;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The keywords of a line: its words without stop words (function words, greetings, fillers), words
 * shorter than three letters and numbers, ranked by how often they occur and then by where they
 * first occur; the first five.
 */
public final class Keywords {

  public static final int LIMIT = 5;

  private static final Set<String> STOP_WORDS =
      Stream.of(
              "a about above after again against all also am an and any are aren't as at be"
                  + " because been before being below between both but by can can't cannot could"
                  + " couldn't did didn't do does doesn't doing don't down during each few for from"
                  + " further get gets got had hadn't has hasn't have haven't having he he'd he'll"
                  + " he's her here here's hers herself him himself his how how's i i'd i'll i'm"
                  + " i've if in into is isn't it it's its itself just let's like me more most"
                  + " mustn't my myself no nor not now of off on once only or other ought our ours"
                  + " ourselves out over own same shan't she she'd she'll she's should shouldn't so"
                  + " some such than that that's the their theirs them themselves then there"
                  + " there's these they they'd they'll they're they've this those through to too"
                  + " under until up us very was wasn't we we'd we'll we're we've were weren't what"
                  + " what's when when's where where's which while who who's whom why why's will"
                  + " with won't would wouldn't you you'd you'll you're you've your yours yourself"
                  + " yourselves yes yeah yep okay ok sure well um uh hmm oh hello hi hey thanks"
                  + " thank please really one two also much many lot lots going gonna want wanna"
                  + " know think see say said tell told make made take thing things way")
          .flatMap(words -> Stream.of(words.split("\\s+")))
          .collect(Collectors.toUnmodifiableSet());

  private Keywords() {}

  public static List<String> of(String text) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String word : Words.of(text)) {
      if (word.length() >= 3
          && !STOP_WORDS.contains(word)
          && !word.chars().allMatch(Character::isDigit)) {
        counts.merge(word, 1, Integer::sum);
      }
    }
    List<String> inOrder = List.copyOf(counts.keySet());
    return counts.entrySet().stream()
        .sorted(
            Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                .reversed()
                .thenComparingInt(e -> inOrder.indexOf(e.getKey())))
        .limit(LIMIT)
        .map(Map.Entry::getKey)
        .toList();
  }
}
