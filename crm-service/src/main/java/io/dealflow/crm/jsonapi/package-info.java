/**
 * The Spotlight OS wire format shared by its resources: JSON:API documents, pagination with {@code
 * meta.pagination} and RFC 8288 {@code Link} headers, query parameters and request checks, the
 * caller's organization, and the organization-scoped SQL their lists are read with.
 */
@NullMarked
package io.dealflow.crm.jsonapi;

import org.jspecify.annotations.NullMarked;
