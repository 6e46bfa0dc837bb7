package io.dealflow.support.knowledge;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A passage that search found, with its source and how well it matches.
 *
 * @param confidence the re-ranked match, 0-1: mostly the passage's cosine similarity to the
 *     question, partly the share of the question's terms it contains ({@link KnowledgeSearch})
 * @param semantic the cosine similarity of the passage's and the question's embeddings
 * @param lexical the share of the question's terms the passage contains
 */
public record Passage(
    UUID chunkId,
    UUID sourceId,
    String sourceName,
    @Nullable String url,
    @Nullable String category,
    String content,
    double confidence,
    double semantic,
    double lexical) {}
