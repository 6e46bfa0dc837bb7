/**
 * The VectorOS integration endpoints: camelCase JSON, errors as {@code {"error","code","details"}}.
 */
@NullMarked
package io.dealflow.crm.integration.web;

import org.jspecify.annotations.NullMarked;
