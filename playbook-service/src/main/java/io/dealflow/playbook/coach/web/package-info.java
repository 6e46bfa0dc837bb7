/** The playbook coach's HTTP endpoints (HelloSales family). */
@NullMarked
package io.dealflow.playbook.coach.web;

import org.jspecify.annotations.NullMarked;
