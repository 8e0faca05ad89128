package io.lyncaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The registry is closed and complete: every constant has a renderer and every renderer a constant. */
class ReportFormatTest {

    @Test
    void everyConstantMakesARendererOfItsOwnName() {
        Set<String> extensions = new HashSet<>();
        for (ReportFormat f : ReportFormat.values()) {
            ReportRenderer r = f.renderer();
            assertEquals(f.formatName(), r.format(), f.name());
            assertTrue(extensions.add(r.extension()), "two formats write lyncaudit." + r.extension());
        }
    }

    @Test
    void everyRendererInTheCodeIsRegistered() {
        Set<String> implementations = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.lyncaudit")
                .stream()
                .filter(c -> c.isAssignableTo(ReportRenderer.class) && !c.isInterface()
                        && !c.getModifiers().contains(JavaModifier.ABSTRACT))
                .map(JavaClass::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> registered = Arrays.stream(ReportFormat.values())
                .map(f -> f.renderer().getClass().getName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(implementations, registered);
    }

    @Test
    void parsesNamesInAnyCase() {
        assertEquals(ReportFormat.XLSX, ReportFormat.parse(" XLSX "));
        assertEquals(ReportFormat.CONSOLE, ReportFormat.parse("console"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportFormat.parse("pdf"));
        assertEquals("unknown report format 'pdf' (console, json, xlsx, sarif, junit, md)", e.getMessage());
    }

    @Test
    void onlyXlsxIsBinary() {
        for (ReportFormat f : ReportFormat.values()) assertEquals(f == ReportFormat.XLSX, f.renderer().binary(), f.name());
    }
}
