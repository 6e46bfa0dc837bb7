/**
 * The playbook coach: a rep's questions over the HelloSales {@code /ws} chat (relayed by
 * realtime-service), answered from what the rep is assigned — the strategy, its product and client
 * and their archetypes — by the platform's AI provider, or offline by retrieval over the strategy
 * and a built-in coaching library. Conversations and ratings are stored per organization and user.
 */
@NullMarked
package io.dealflow.playbook.coach;

import org.jspecify.annotations.NullMarked;
