/**
 * People: the profile data of every user (Keycloak keeps their credentials), and the creation of
 * accounts in Keycloak and the database together.
 */
@NullMarked
package io.dealflow.identity.user;

import org.jspecify.annotations.NullMarked;
