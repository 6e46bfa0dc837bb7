/**
 * The HubSpot connector: reads contacts (as leads) and deals through the HubSpot CRM v3 objects API
 * with a private app token.
 */
@NullMarked
package io.dealflow.crm.integration.hubspot;

import org.jspecify.annotations.NullMarked;
