/** crm-service: the CRM of the suite, one feature package per aggregate. */
@NullMarked
package io.dealflow.crm;

import org.jspecify.annotations.NullMarked;
