/** Pipeline chat: questions about a workspace answered from its own figures. */
@NullMarked
package io.dealflow.insights.chat;

import org.jspecify.annotations.NullMarked;
