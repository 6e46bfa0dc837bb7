/** playbook-service: sales playbooks, one feature package per concern. */
@NullMarked
package io.dealflow.playbook;

import org.jspecify.annotations.NullMarked;
