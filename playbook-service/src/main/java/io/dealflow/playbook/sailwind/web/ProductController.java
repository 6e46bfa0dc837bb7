package io.dealflow.playbook.sailwind.web;

import io.dealflow.platform.security.Tenant;
import io.dealflow.playbook.sailwind.Catalogue;
import io.dealflow.playbook.sailwind.Product;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Sailwind products. Another organization's product answers 404. */
@RestController
@RequestMapping("/api/v1/sailwind/products")
@Tag(name = "Sailwind products (HelloSales)")
@SecurityRequirement(name = "bearer")
class ProductController {

  private final Catalogue catalogue;

  ProductController(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  @GetMapping
  @Operation(
      summary = "The organization's products, oldest first",
      description = "Archived ones only with `include_archived=true`.")
  List<ProductResponse> list(
      Tenant caller,
      @RequestParam(name = "include_archived", defaultValue = "false") boolean includeArchived) {
    return catalogue.products(Callers.organization(caller), includeArchived).stream()
        .map(ProductResponse::of)
        .toList();
  }

  @PostMapping
  @Operation(
      summary = "Create a product",
      description = "201 with the product. A product archetype of another organization: 404.")
  ResponseEntity<ProductResponse> create(
      Tenant caller, @Valid @RequestBody CreateProductRequest request) {
    Product product =
        catalogue.createProduct(
            Callers.organization(caller),
            new Product.Draft(request.name().strip(), request.productArchetypeId(), false));
    return ResponseEntity.created(URI.create("/api/v1/sailwind/products/" + product.id()))
        .body(ProductResponse.of(product));
  }

  @GetMapping("/{productId}")
  @Operation(summary = "A product of the organization, archived or not")
  ProductResponse get(Tenant caller, @PathVariable UUID productId) {
    return ProductResponse.of(catalogue.product(Callers.organization(caller), productId));
  }

  @PatchMapping("/{productId}")
  @Operation(
      summary = "Change a product",
      description =
          "Send only the fields to change; null clears `productArchetypeId`. `archived` archives"
              + " (true) or restores (false).")
  ProductResponse update(
      Tenant caller,
      @PathVariable UUID productId,
      @RequestBody @Schema(implementation = UpdateProductRequest.class) JsonNode body) {
    Patch patch = Patch.of(body);
    String name = patch.requiredText("name", Patch.MAX_NAME);
    UUID archetype = patch.optionalId("productArchetypeId");
    Boolean archived = patch.flag("archived");
    patch.validate();
    return ProductResponse.of(
        catalogue.reviseProduct(
            Callers.organization(caller),
            productId,
            current ->
                new Product.Draft(
                    Objects.requireNonNullElse(name, current.name()),
                    patch.has("productArchetypeId") ? archetype : current.productArchetypeId(),
                    Objects.requireNonNullElse(archived, current.archived()))));
  }

  @DeleteMapping("/{productId}")
  @Operation(
      summary = "Archive a product (soft delete)",
      description = "204. It stays readable by id and with `include_archived=true`.")
  ResponseEntity<Void> archive(Tenant caller, @PathVariable UUID productId) {
    catalogue.reviseProduct(
        Callers.organization(caller),
        productId,
        current -> new Product.Draft(current.name(), current.productArchetypeId(), true));
    return ResponseEntity.noContent().build();
  }

  @Schema(name = "SailwindProductCreate")
  record CreateProductRequest(
      @NotBlank @Size(max = Patch.MAX_NAME) String name, @Nullable UUID productArchetypeId) {}

  @Schema(name = "SailwindProductUpdate")
  record UpdateProductRequest(
      @Nullable String name, @Nullable UUID productArchetypeId, @Nullable Boolean archived) {}

  @Schema(name = "SailwindProduct")
  record ProductResponse(
      UUID id,
      String name,
      @Nullable UUID productArchetypeId,
      UUID organizationId,
      Instant createdAt,
      Instant updatedAt,
      boolean archived) {

    static ProductResponse of(Product product) {
      return new ProductResponse(
          product.id(),
          product.name(),
          product.productArchetypeId(),
          product.orgId(),
          product.createdAt(),
          product.updatedAt(),
          product.archived());
    }
  }
}
