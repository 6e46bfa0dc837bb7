package io.dealflow.playbook;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.dealflow.platform.test.ServiceArchitecture;
import org.springframework.cloud.openfeign.FeignClient;

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
      ServiceArchitecture.CONTROLLERS_ARE_PACKAGE_PRIVATE_IN_WEB_PACKAGES;

  @ArchTest
  static final ArchRule repositoriesArePackagePrivate =
      ServiceArchitecture.REPOSITORIES_ARE_PACKAGE_PRIVATE;

  @ArchTest
  static final ArchRule onlyRepositoriesWriteSql = ServiceArchitecture.ONLY_REPOSITORIES_WRITE_SQL;

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
