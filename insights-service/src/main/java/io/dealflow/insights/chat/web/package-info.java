/** The VectorOS chat route. */
@NullMarked
package io.dealflow.insights.chat.web;

import org.jspecify.annotations.NullMarked;
