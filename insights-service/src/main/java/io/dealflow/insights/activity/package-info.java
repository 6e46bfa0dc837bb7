/**
 * The read model of sales activity beside the pipeline: leads and their follow-up, reps' training,
 * integrations' syncs and support escalations, from the catalogue's events.
 */
@NullMarked
package io.dealflow.insights.activity;

import org.jspecify.annotations.NullMarked;
