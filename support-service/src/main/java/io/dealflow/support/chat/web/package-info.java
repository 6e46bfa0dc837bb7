/** The HeliosCS {@code chat/process} route. */
@NullMarked
package io.dealflow.support.chat.web;

import org.jspecify.annotations.NullMarked;
