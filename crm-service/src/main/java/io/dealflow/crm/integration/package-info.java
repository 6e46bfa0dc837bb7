/**
 * Integrations of a workspace with other CRMs (HubSpot) and files (CSV): connecting them with their
 * credentials encrypted at rest, and syncs that bring their records in as leads and deals.
 */
@NullMarked
package io.dealflow.crm.integration;

import org.jspecify.annotations.NullMarked;
