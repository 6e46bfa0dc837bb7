/**
 * Organizations on the wire: VectorOS workspaces ({@code /api/v1/workspaces}) and HelloSales's list
 * of the caller's organizations ({@code /api/v1/orgs}).
 */
@NullMarked
package io.dealflow.identity.organization.web;

import org.jspecify.annotations.NullMarked;
