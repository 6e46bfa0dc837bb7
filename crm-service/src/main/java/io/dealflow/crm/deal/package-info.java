/**
 * VectorOS deals: the sales pipeline of a workspace, its stages, and the events a deal's changes
 * cause ({@code deal.created}, {@code deal.stage.changed}, {@code deal.won}, {@code deal.lost}).
 */
@NullMarked
package io.dealflow.crm.deal;

import org.jspecify.annotations.NullMarked;
