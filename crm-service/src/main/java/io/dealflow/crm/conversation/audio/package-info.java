/**
 * Audio kept in the service's own database: conversation recordings and assistant voice samples,
 * checked by their content (not only their declared format) and size, and served back only to their
 * organization.
 */
@NullMarked
package io.dealflow.crm.conversation.audio;

import org.jspecify.annotations.NullMarked;
