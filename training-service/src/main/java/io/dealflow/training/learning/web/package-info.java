/** The learning analytics routes of the Voice Sales Trainer API and their wire records. */
@NullMarked
package io.dealflow.training.learning.web;

import org.jspecify.annotations.NullMarked;
