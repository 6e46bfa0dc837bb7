/** The CSV connector: leads and deals from a file sent with the sync request. */
@NullMarked
package io.dealflow.crm.integration.csv;

import org.jspecify.annotations.NullMarked;
