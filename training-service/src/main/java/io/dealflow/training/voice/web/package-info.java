/** The voice routes of the Voice Sales Trainer API. */
@NullMarked
package io.dealflow.training.voice.web;

import org.jspecify.annotations.NullMarked;
