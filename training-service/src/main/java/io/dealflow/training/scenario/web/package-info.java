/** The scenario routes of the Voice Sales Trainer API and their wire records. */
@NullMarked
package io.dealflow.training.scenario.web;

import org.jspecify.annotations.NullMarked;
