package io.dealflow.playbook;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/** The package boundaries of playbook-service. */
@AnalyzeClasses(
    packages = "io.dealflow.playbook",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule noCycles =
      slices().matching("io.dealflow.playbook.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule theDomainKnowsNoWebLayerNorIdentityService =
      noClasses()
          .that()
          .resideInAPackage("io.dealflow.playbook.sailwind")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.dealflow.playbook.sailwind.web..",
              "io.dealflow.playbook.sailwind.identity..",
              "io.dealflow.playbook.sailwind.demo..",
              "feign..",
              "org.springframework.cloud.openfeign..");

  @ArchTest
  static final ArchRule theCoachKnowsNoWebLayer =
      noClasses()
          .that()
          .resideInAPackage("io.dealflow.playbook.coach")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.dealflow.playbook.coach.web..", "io.dealflow.playbook.sailwind..");

  @ArchTest
  static final ArchRule controllersArePackagePrivateInWebPackages =
      classes()
          .that()
          .areAnnotatedWith(RestController.class)
          .should()
          .notBePublic()
          .andShould()
          .resideInAPackage("..web..");

  @ArchTest
  static final ArchRule repositoriesArePackagePrivate =
      classes().that().areAnnotatedWith(Repository.class).should().notBePublic();

  @ArchTest
  static final ArchRule onlyRepositoriesWriteSql =
      noClasses()
          .that()
          .areNotAnnotatedWith(Repository.class)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.springframework.jdbc.core..");

  @ArchTest
  static final ArchRule onlyTheIdentityPackageCallsIdentityService =
      classes()
          .that()
          .areAnnotatedWith(FeignClient.class)
          .should()
          .resideInAPackage("io.dealflow.playbook.sailwind.identity")
          .andShould()
          .notBePublic();
}
