package io.dealflow.identity.user;

import io.dealflow.identity.keycloak.AccountExistsException;
import io.dealflow.identity.keycloak.KeycloakUsers;
import io.dealflow.identity.keycloak.NewAccount;
import io.dealflow.platform.error.ApiException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The users of the suite: reading and changing profiles, and creating accounts, which live in two
 * systems (Keycloak and this database) kept consistent by compensation.
 */
@Service
public class UserDirectory {

  private static final Logger log = LoggerFactory.getLogger(UserDirectory.class);
  private static final int UPDATE_ATTEMPTS = 3;

  private final Users users;
  private final KeycloakUsers keycloak;
  private final TransactionTemplate transaction;

  UserDirectory(Users users, KeycloakUsers keycloak, PlatformTransactionManager transactions) {
    this.users = users;
    this.keycloak = keycloak;
    this.transaction = new TransactionTemplate(transactions);
  }

  public Optional<User> find(UserId id) {
    return users.find(id);
  }

  public User get(UserId id) {
    return users.find(id).orElseThrow(() -> ApiException.notFound("User"));
  }

  public Map<UserId, User> findAll(Collection<UserId> ids) {
    return users.findAll(ids.stream().map(UserId::value).toList()).stream()
        .collect(Collectors.toMap(User::id, Function.identity()));
  }

  /**
   * Creates the account in Keycloak, then its row and whatever {@code alongside} adds (its
   * memberships) in one database transaction. If the database part fails, the Keycloak user is
   * deleted again, so a failed creation leaves no half-made account behind.
   *
   * @throws AccountExistsException when the email is taken, in Keycloak or in the database
   */
  public User createAccount(
      NewAccount account, @Nullable String company, Consumer<User> alongside) {
    UUID id = keycloak.create(account);
    try {
      return transaction.execute(
          status -> {
            UserId userId = UserId.of(id);
            users.insert(userId, account.email(), account.firstName(), account.lastName(), company);
            User user = users.find(userId).orElseThrow();
            alongside.accept(user);
            return user;
          });
    } catch (RuntimeException failure) {
      compensate(id, failure);
      if (failure instanceof DuplicateKeyException) {
        log.error(
            "User row with the email of new Keycloak user {} already exists under another id;"
                + " the row is stale and needs an operator",
            id);
        throw new AccountExistsException();
      }
      throw failure;
    }
  }

  private void compensate(UUID id, RuntimeException failure) {
    // The failure itself is not logged here: constraint messages quote the row, email included.
    log.warn(
        "Creating user {} failed in the database ({}), deleting it from Keycloak",
        id,
        failure.getClass().getSimpleName());
    try {
      keycloak.delete(id);
    } catch (RuntimeException deletion) {
      failure.addSuppressed(deletion);
      log.error("Could not delete Keycloak user {} after a failed creation", id, deletion);
    }
  }

  /**
   * Makes sure a user Keycloak authenticated has a row, e.g. one created in Keycloak directly.
   * Keycloak has just proven that this id owns the email, so a row holding it under another id is
   * stale and gives way.
   */
  public User ensure(UserId id, String email, String firstName, String lastName) {
    Optional<User> existing = users.find(id);
    if (existing.isPresent()) {
      return existing.get();
    }
    transaction.executeWithoutResult(
        status -> users.upsertFromIdentityProvider(id, email, firstName, lastName));
    return get(id);
  }

  /**
   * The user a validated token names, with a row made from the token's claims if it has none yet (a
   * user created in Keycloak directly). Unlike {@link #ensure}, nothing existing gives way: a token
   * is not proof that its email is still the user's.
   */
  public Optional<User> adopt(
      UserId id, @Nullable String email, String firstName, String lastName) {
    Optional<User> existing = users.find(id);
    if (existing.isPresent() || email == null || email.isBlank()) {
      return existing;
    }
    users.insertIfAbsent(id, email, firstName, lastName);
    return users.find(id);
  }

  /** Inserts or refreshes the row of a user as Keycloak knows it (names and email). */
  public User synchronize(UserId id, String email, String firstName, String lastName) {
    transaction.executeWithoutResult(
        status -> users.upsertFromIdentityProvider(id, email, firstName, lastName));
    return get(id);
  }

  public void recordSignIn(UserId id) {
    users.recordLogin(id);
  }

  /**
   * Locks the user's row for the rest of the caller's transaction, so that changes that are
   * computed from the database and written to Keycloak (the user's organizations) are made one at a
   * time.
   */
  public void lock(UserId id) {
    if (!users.lock(id)) {
      throw ApiException.notFound("User");
    }
  }

  /**
   * Changes profile fields; new names go to Keycloak too, in the same transaction, so a Keycloak
   * failure leaves the profile unchanged. A concurrent change of the same row is re-applied on the
   * fresh row rather than lost.
   */
  public User update(UserId id, ProfileChange change) {
    for (int attempt = 1; attempt <= UPDATE_ATTEMPTS; attempt++) {
      User current = get(id);
      User next = current.apply(change);
      if (next.equals(current)) {
        return current;
      }
      Boolean written =
          transaction.execute(
              status -> {
                if (!users.update(next)) {
                  return false;
                }
                if (!next.sameNamesAs(current)) {
                  keycloak.rename(id.value(), next.firstName(), next.lastName());
                }
                return true;
              });
      if (Boolean.TRUE.equals(written)) {
        return get(id);
      }
    }
    throw ApiException.conflict(
        "CONCURRENT_UPDATE", "The profile is being changed by another request, try again");
  }
}
