/** The "objections from your calls" routes under /api/v1/scenarios/from-calls. */
@NullMarked
package io.dealflow.training.objection.web;

import org.jspecify.annotations.NullMarked;
