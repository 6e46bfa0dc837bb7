/**
 * The HelloSales Sailwind endpoints under {@code /api/v1/sailwind}: camelCase JSON, errors as
 * {@code {"detail": {"code", "message"}}}.
 */
@NullMarked
package io.dealflow.playbook.sailwind.web;

import org.jspecify.annotations.NullMarked;
