/** The HelloSales message protocol on {@code /ws}. */
@NullMarked
package io.dealflow.realtime.socket.hellosales;

import org.jspecify.annotations.NullMarked;
