/**
 * Web pieces the feature controllers share: pagination, the Spotlight user resource, errors of the
 * Keycloak adapter in each family's terms, and bearer-token handling on public paths.
 */
@NullMarked
package io.dealflow.identity.web;

import org.jspecify.annotations.NullMarked;
