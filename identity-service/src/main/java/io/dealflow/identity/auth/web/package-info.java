/**
 * The sign-in endpoints: Trainer/HeliosCS {@code /api/v1/auth/**} (snake_case, the union {@code
 * /me}) and Spotlight's {@code /users/sign_in} (JSON:API).
 */
@NullMarked
package io.dealflow.identity.auth.web;

import org.jspecify.annotations.NullMarked;
