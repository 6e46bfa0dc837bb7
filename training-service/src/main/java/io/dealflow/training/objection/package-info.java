/**
 * Objections from the team's own calls: prospects' objections heard in crm's transcripts, grouped
 * into themes per organization, and the scenario proposed from them that an admin may publish.
 */
@NullMarked
package io.dealflow.training.objection;

import org.jspecify.annotations.NullMarked;
