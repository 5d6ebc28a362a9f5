package org.trialdex.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The directions of {@code ../shared/ARCHITECTURE.md}, checked on the bytecode of every module's main
 * code (this module's tests see all of them). Maven already keeps a module from compiling against one
 * it does not declare; these rules hold what Maven cannot see: JDK packages such as JDBC, libraries
 * that arrive transitively, package-private doors, and cycles between the packages of one module.
 * A failure names each offending class and the dependency, as "Method <...> calls method <...>".
 */
class ArchitectureTest {

  /** Main code only: no test classes, and none of the modules' test jars (SharedData, the store contract). */
  private static final ImportOption MAIN_CODE = new ImportOption() {
    private final Pattern testJar = Pattern.compile(".*-tests\\.jar!/.*");

    @Override
    public boolean includes(Location location) {
      return !location.contains("/test-classes/") && !location.matches(testJar);
    }
  };

  private static final String[] HEAVY_FORMAT_LIBRARIES = {
      "org.apache.lucene..", "io.javalin..", "org.jsoup..", "gg.jte..", "picocli..", "org.apache.commons.compress.."};
  private static final String[] JDBC_AND_MIGRATIONS = {
      "java.sql..", "javax.sql..", "org.sqlite..", "org.postgresql..", "org.flywaydb.."};

  private static JavaClasses classes;

  @BeforeAll
  static void importEveryModulesMainCode() {
    classes = new ClassFileImporter().withImportOption(MAIN_CODE).importPackages("org.trialdex");
  }

  @Test
  void modulesDependOnlyInTheDirectionsOfTheModuleTable() {
    // Bench is not on this module's classpath (it depends on app); a dependency on it is still seen
    // by the target's package name.
    ArchRule rule = layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("core").definedBy("org.trialdex.core..")
        .layer("ingest").definedBy("org.trialdex.ingest..")
        .layer("store").definedBy("org.trialdex.store..")
        .layer("search").definedBy("org.trialdex.search..")
        .layer("app").definedBy("org.trialdex.app..")
        .optionalLayer("bench").definedBy("org.trialdex.bench..")
        .whereLayer("core").mayNotAccessAnyLayer()
        .whereLayer("ingest").mayOnlyAccessLayers("core")
        .whereLayer("store").mayOnlyAccessLayers("core")
        .whereLayer("search").mayOnlyAccessLayers("core")
        .whereLayer("app").mayNotBeAccessedByAnyLayer()
        .whereLayer("bench").mayNotBeAccessedByAnyLayer()
        .because("every arrow goes one way: core knows no other module, ingest, store and search know only"
            + " core, app wires them all, and nothing depends on app or bench");
    rule.check(classes);
  }

  @Test
  void coreUsesNoHeavyFormatLibraryNorJdbcNorMigrations() {
    noClasses().that().resideInAPackage("org.trialdex.core..")
        .should().dependOnClassesThat().resideInAnyPackage(HEAVY_FORMAT_LIBRARIES)
        .orShould().dependOnClassesThat().resideInAnyPackage(JDBC_AND_MIGRATIONS)
        .because("heavy format libraries live at the edges, never in core (JDK, Jackson and small pure"
            + " libraries only)")
        .check(classes);
  }

  @Test
  void theStoreKnowsNothingOfLucene() {
    noClasses().that().resideInAPackage("org.trialdex.store..")
        .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..")
        .because("the index is derived from the store and can always be rebuilt; the store knows nothing of it")
        .check(classes);
  }

  @Test
  void searchKnowsNeitherTheStoreNorJdbc() {
    noClasses().that().resideInAPackage("org.trialdex.search..")
        .should().dependOnClassesThat().resideInAPackage("org.trialdex.store..")
        .orShould().dependOnClassesThat().resideInAnyPackage(JDBC_AND_MIGRATIONS)
        .because("the index is built from studies handed to it, not by reading the database")
        .check(classes);
  }

  @Test
  void theFacesDoNotReachIntoTheStoresImplementation() {
    noClasses().that().resideInAnyPackage("org.trialdex.app.cli..", "org.trialdex.app.http..", "org.trialdex.app.web..")
        .should().dependOnClassesThat().haveNameMatching("org\\.trialdex\\.store\\.(JdbcStudyStore|Database)(\\$.*)?")
        .because("the faces only call services and the StudyStore interface; tables and transactions are the"
            + " store's")
        .check(classes);
  }

  @Test
  void thePackagesOfCoreAreFreeOfCycles() {
    slices().matching("org.trialdex.core.(*)..").namingSlices("core.$1")
        .should().beFreeOfCycles()
        .because("a package of core is a room with one door; rooms that need each other are one concept")
        .check(classes);
  }

  /**
   * The packages under app (cli, http, web; not the root package, whose {@code Main} calls the CLI by
   * design) do not need one another in a circle.
   */
  @Test
  @Disabled("lead enables it after the service layer lands")
  void theFacesOfAppAreFreeOfCycles() {
    slices().matching("org.trialdex.app.(*)..").namingSlices("app.$1")
        .should().beFreeOfCycles()
        .because("cli, http and web each call services; none calls another face")
        .check(classes);
  }
}
