package io.lyncaudit;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The compiled main code, imported once per test JVM for the architecture and convention tests. */
final class MainCode {
    /** Where the build puts the classes it generates from the DRL files (see the kie-maven-plugin in the pom). */
    static final String GENERATED_RULES = "io.lyncaudit.rules..";

    private static JavaClasses all;

    private MainCode() {}

    /** Every main class, including the classes the build generates from the DRL files. */
    static synchronized JavaClasses all() {
        if (all == null) {
            all = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("io.lyncaudit");
        }
        return all;
    }

    /** The hand-written main classes: everything but the generated rule classes. */
    static JavaClasses handWritten() {
        return all().that(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(GENERATED_RULES)));
    }
}
