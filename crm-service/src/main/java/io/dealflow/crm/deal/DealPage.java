package io.dealflow.crm.deal;

import java.util.List;

/**
 * One page of a workspace's deals and how many deals the whole list has.
 *
 * @param deals the deals on this page
 * @param total how many deals match the filter
 */
public record DealPage(List<Deal> deals, long total) {

  public DealPage {
    deals = List.copyOf(deals);
  }
}
