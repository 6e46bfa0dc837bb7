/**
 * Spotlight OS conversations with their transcripts and recordings; completing one computes its
 * score and sentiment from what was said, when the client gave none.
 */
@NullMarked
package io.dealflow.crm.conversation;

import org.jspecify.annotations.NullMarked;
