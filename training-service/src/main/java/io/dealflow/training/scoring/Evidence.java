package io.dealflow.training.scoring;

import java.util.List;

/**
 * Why a metric has its value: the turns (by {@code seq}) it was computed from and the rule, with
 * the numbers, in words.
 */
public record Evidence(List<Integer> turns, String explanation) {

  public Evidence {
    turns = List.copyOf(turns);
  }
}
