/**
 * Plain-text tools shared by search, answers and the classifier: words that carry meaning, and
 * sentences. Pure: no Spring, no I/O.
 */
@NullMarked
package io.dealflow.support.text;

import org.jspecify.annotations.NullMarked;
