/**
 * The organization's knowledge: sources (written or uploaded documents), cut into passages that are
 * indexed twice, by PostgreSQL full text and by sentence embeddings, and the hybrid search over
 * both that answers cite.
 */
@NullMarked
package io.dealflow.support.knowledge;

import org.jspecify.annotations.NullMarked;
