/**
 * Support chat sessions and their messages: who may see them, their states (active, ended,
 * escalated to a person), every message masked before it is stored, and the ratings of answers.
 */
@NullMarked
package io.dealflow.support.conversation;

import org.jspecify.annotations.NullMarked;
