/** The VectorOS users API ({@code /api/v1/users}): members as admins and colleagues see them. */
@NullMarked
package io.dealflow.identity.member.web;

import org.jspecify.annotations.NullMarked;
