/** What every route of training-service shares on the web: the public address of the suite. */
@NullMarked
package io.dealflow.training.web;

import org.jspecify.annotations.NullMarked;
