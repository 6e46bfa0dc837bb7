package io.dealflow.support.knowledge;

/** Which index a search asks: both, fused (the default), or one of them alone (for comparison). */
public enum SearchMode {
  HYBRID,
  FULL_TEXT,
  EMBEDDINGS
}
