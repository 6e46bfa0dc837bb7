/**
 * Meaning computed from what was said, offline and explainable: lexicon-based sentiment, keyword
 * extraction, and the score of a conversation from its transcripts.
 */
@NullMarked
package io.dealflow.crm.analysis;

import org.jspecify.annotations.NullMarked;
