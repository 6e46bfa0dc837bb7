/**
 * HelloSales Sailwind: archetypes, clients, products, strategies, rep assignments and practice
 * sessions of an organization, and the events their changes cause.
 */
@NullMarked
package io.dealflow.playbook.sailwind;

import org.jspecify.annotations.NullMarked;
