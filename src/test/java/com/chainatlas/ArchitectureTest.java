package com.chainatlas;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package-by-feature structure, checked so it cannot rot quietly. */
@AnalyzeClasses(packages = "com.chainatlas", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Features may use each other, but never in a circle. */
    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("com.chainatlas.(*)..").should().beFreeOfCycles();

    /** The shared basics (embedded database, errors, paging) know no feature. */
    @ArchTest
    static final ArchRule systemKnowsNoFeature = noClasses().that().resideInAPackage("com.chainatlas.system..")
            .should().dependOnClassesThat().resideInAnyPackage("com.chainatlas.chain..", "com.chainatlas.enterprise..",
                    "com.chainatlas.innovation..", "com.chainatlas.analysis..", "com.chainatlas.targeting..",
                    "com.chainatlas.ingest..", "com.chainatlas.demo..", "com.chainatlas.region..");

    /** Controllers are a feature's entry, not its API: nothing else calls them. */
    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes().that().haveSimpleNameEndingWith("Controller")
            .should().notBePublic();
}
