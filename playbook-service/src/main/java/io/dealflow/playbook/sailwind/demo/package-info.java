/**
 * Demo Sailwind data of the demo organization, seeded at start when {@code
 * dealflow.playbook.demo.enabled} is on (the dev profile).
 */
@NullMarked
package io.dealflow.playbook.sailwind.demo;

import org.jspecify.annotations.NullMarked;
