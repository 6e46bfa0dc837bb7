/**
 * Spotlight OS leads: their pipeline status, their explainable score (budget, authority, need,
 * timeline, engagement) and their qualification.
 */
@NullMarked
package io.dealflow.crm.lead;

import org.jspecify.annotations.NullMarked;
