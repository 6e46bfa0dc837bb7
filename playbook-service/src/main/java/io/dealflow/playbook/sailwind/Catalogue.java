package io.dealflow.playbook.sailwind;

import io.dealflow.platform.error.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an organization sells and to whom: client and product archetypes, clients and products.
 * Every method takes the caller's organization; another organization's record is not found. Clients
 * and products are archived, never deleted: strategies and assignments keep pointing to them.
 */
@Service
public class Catalogue {

  private static final Logger log = LoggerFactory.getLogger(Catalogue.class);

  private final Archetypes archetypes;
  private final Clients clients;
  private final Products products;

  Catalogue(Archetypes archetypes, Clients clients, Products products) {
    this.archetypes = archetypes;
    this.clients = clients;
    this.products = products;
  }

  @Transactional(readOnly = true)
  public List<Archetype> archetypes(UUID orgId, ArchetypeKind kind) {
    return archetypes.list(orgId, kind);
  }

  @Transactional
  public Archetype createArchetype(
      UUID orgId, UUID createdBy, ArchetypeKind kind, String name, @Nullable String description) {
    Instant now = Rows.now();
    Archetype archetype =
        new Archetype(UUID.randomUUID(), orgId, kind, name, description, now, now);
    archetypes.insert(archetype, createdBy, false);
    log.info("{} {} created in organization {}", kind.label(), archetype.id(), orgId);
    return archetype;
  }

  /** Creates the archetype with this id unless it exists (demo data); true if created. */
  @Transactional
  public boolean ensureArchetype(Archetype archetype) {
    return archetypes.insert(archetype, null, true);
  }

  @Transactional(readOnly = true)
  public List<Client> clients(UUID orgId, boolean includeArchived) {
    return clients.list(orgId, includeArchived);
  }

  @Transactional(readOnly = true)
  public Client client(UUID orgId, UUID id) {
    return clients.find(orgId, id, false).orElseThrow(() -> ApiException.notFound("Client"));
  }

  @Transactional
  public Client createClient(UUID orgId, Client.Draft draft) {
    requireArchetype(orgId, ArchetypeKind.CLIENT, draft.clientArchetypeId());
    Instant now = Rows.now();
    Client client =
        new Client(
            UUID.randomUUID(),
            orgId,
            draft.name(),
            draft.industry(),
            draft.clientArchetypeId(),
            draft.archived(),
            now,
            now);
    clients.insert(client, false);
    log.info("Client {} created in organization {}", client.id(), orgId);
    return client;
  }

  /** Changes a client; {@code change} turns the client as it is now into what it should be. */
  @Transactional
  public Client reviseClient(UUID orgId, UUID id, UnaryOperator<Client.Draft> change) {
    Client current =
        clients.find(orgId, id, true).orElseThrow(() -> ApiException.notFound("Client"));
    Client.Draft draft = change.apply(current.draft());
    if (draft.equals(current.draft())) {
      return current;
    }
    if (draft.clientArchetypeId() != null
        && !draft.clientArchetypeId().equals(current.clientArchetypeId())) {
      requireArchetype(orgId, ArchetypeKind.CLIENT, draft.clientArchetypeId());
    }
    Client revised = current.revise(draft, Rows.now());
    clients.update(revised);
    if (revised.archived() != current.archived()) {
      log.info("Client {} {}", id, revised.archived() ? "archived" : "restored");
    }
    return revised;
  }

  /** Creates the client with this id unless it exists (demo data); true if created. */
  @Transactional
  public boolean ensureClient(Client client) {
    return clients.insert(client, true);
  }

  @Transactional(readOnly = true)
  public List<Product> products(UUID orgId, boolean includeArchived) {
    return products.list(orgId, includeArchived);
  }

  @Transactional(readOnly = true)
  public Product product(UUID orgId, UUID id) {
    return products.find(orgId, id, false).orElseThrow(() -> ApiException.notFound("Product"));
  }

  @Transactional
  public Product createProduct(UUID orgId, Product.Draft draft) {
    requireArchetype(orgId, ArchetypeKind.PRODUCT, draft.productArchetypeId());
    Instant now = Rows.now();
    Product product =
        new Product(
            UUID.randomUUID(),
            orgId,
            draft.name(),
            draft.productArchetypeId(),
            draft.archived(),
            now,
            now);
    products.insert(product, false);
    log.info("Product {} created in organization {}", product.id(), orgId);
    return product;
  }

  /** Changes a product; {@code change} turns the product as it is now into what it should be. */
  @Transactional
  public Product reviseProduct(UUID orgId, UUID id, UnaryOperator<Product.Draft> change) {
    Product current =
        products.find(orgId, id, true).orElseThrow(() -> ApiException.notFound("Product"));
    Product.Draft draft = change.apply(current.draft());
    if (draft.equals(current.draft())) {
      return current;
    }
    if (draft.productArchetypeId() != null
        && !draft.productArchetypeId().equals(current.productArchetypeId())) {
      requireArchetype(orgId, ArchetypeKind.PRODUCT, draft.productArchetypeId());
    }
    Product revised = current.revise(draft, Rows.now());
    products.update(revised);
    if (revised.archived() != current.archived()) {
      log.info("Product {} {}", id, revised.archived() ? "archived" : "restored");
    }
    return revised;
  }

  /** Creates the product with this id unless it exists (demo data); true if created. */
  @Transactional
  public boolean ensureProduct(Product product) {
    return products.insert(product, true);
  }

  private void requireArchetype(UUID orgId, ArchetypeKind kind, @Nullable UUID id) {
    if (id != null && archetypes.find(orgId, kind, id).isEmpty()) {
      throw ApiException.notFound(kind.label());
    }
  }
}
