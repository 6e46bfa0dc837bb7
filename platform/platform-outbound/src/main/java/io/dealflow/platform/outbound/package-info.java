/**
 * Calls to URLs that users give: which addresses they may reach, and a client that connects only to
 * the addresses that were checked.
 */
@NullMarked
package io.dealflow.platform.outbound;

import org.jspecify.annotations.NullMarked;
