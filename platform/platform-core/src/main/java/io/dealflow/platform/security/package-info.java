/** Token rules every service applies: Keycloak-issued JWTs, realm roles, the caller's tenant. */
@NullMarked
package io.dealflow.platform.security;

import org.jspecify.annotations.NullMarked;
