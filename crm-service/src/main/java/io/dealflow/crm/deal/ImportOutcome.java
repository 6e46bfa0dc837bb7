package io.dealflow.crm.deal;

/** What a sync did to one record it brought in. */
public enum ImportOutcome {
  CREATED,
  UPDATED,
  /** The record was there already with the same data: nothing was written. */
  UNCHANGED
}
