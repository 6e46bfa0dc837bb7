package io.dealflow.crm.integration;

/**
 * Reads the records of one provider. It only reads: the sync writes what it returns, in one
 * transaction, after it returns, so that no database transaction waits on another system.
 */
public interface Connector {

  Provider provider();

  /**
   * Everything the source holds that the integration syncs.
   *
   * @throws SyncFailure when the source cannot be read, or its content is not acceptable
   */
  Pulled pull(SyncSource source);
}
