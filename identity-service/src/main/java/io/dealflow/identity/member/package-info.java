/**
 * Members as organizations' admins manage them (the VectorOS users API): adding people to an
 * organization, and seeing or changing the users one shares an organization with.
 */
@NullMarked
package io.dealflow.identity.member;

import org.jspecify.annotations.NullMarked;
