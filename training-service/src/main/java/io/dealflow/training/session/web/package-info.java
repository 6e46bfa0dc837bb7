/** The session routes of the Voice Sales Trainer API and their wire records. */
@NullMarked
package io.dealflow.training.session.web;

import org.jspecify.annotations.NullMarked;
