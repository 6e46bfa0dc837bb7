package io.dealflow.platform.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/**
 * The package rules every domain service keeps (CONVENTIONS.md), for a service's ArchUnit test to
 * name beside its own: {@code @ArchTest static final ArchRule x = ServiceArchitecture.RULE;}.
 */
public final class ServiceArchitecture {

  /** Data access stays inside its feature package. */
  public static final ArchRule REPOSITORIES_ARE_PACKAGE_PRIVATE =
      classes().that().areAnnotatedWith(Repository.class).should().notBePublic();

  /** SQL is written by repositories only. */
  public static final ArchRule ONLY_REPOSITORIES_WRITE_SQL =
      noClasses()
          .that()
          .areNotAnnotatedWith(Repository.class)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.springframework.jdbc.core..");

  /** HTTP endpoints live in {@code web} packages and are reached through Spring only. */
  public static final ArchRule CONTROLLERS_ARE_PACKAGE_PRIVATE_IN_WEB_PACKAGES =
      classes()
          .that()
          .areAnnotatedWith(RestController.class)
          .should()
          .notBePublic()
          .andShould()
          .resideInAPackage("..web..");

  private ServiceArchitecture() {}
}
