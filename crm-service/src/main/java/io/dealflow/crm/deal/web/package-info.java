/** The VectorOS deal endpoints: camelCase JSON, errors as {@code {"error","code","details"}}. */
@NullMarked
package io.dealflow.crm.deal.web;

import org.jspecify.annotations.NullMarked;
