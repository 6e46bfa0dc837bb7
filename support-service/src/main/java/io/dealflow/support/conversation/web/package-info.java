/** The HeliosCS session and message routes. */
@NullMarked
package io.dealflow.support.conversation.web;

import org.jspecify.annotations.NullMarked;
