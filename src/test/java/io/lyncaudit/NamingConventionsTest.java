package io.lyncaudit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import io.lyncaudit.cli.Main;
import io.lyncaudit.importer.Importer;
import io.lyncaudit.importer.Importers;
import io.lyncaudit.report.ReportRenderer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Names say the role (STYLE.md, point 8) and registries are closed (point 7): importers end in
 * {@code Importer} and are all in {@link Importers#ALL}, renderers end in {@code Renderer}, commands
 * end in {@code Command} and are all subcommands of {@link Main}.
 *
 * <p>That every renderer is registered in {@code ReportFormat} is {@code report.ReportFormatTest}'s job.
 */
class NamingConventionsTest {

    private static List<JavaClass> implementationsOf(Class<?> type) {
        return MainCode.handWritten().stream()
                .filter(c -> c.isAssignableTo(type) && !c.isInterface())
                .toList();
    }

    private static boolean isAbstract(JavaClass c) {
        return c.getModifiers().contains(JavaModifier.ABSTRACT);
    }

    @Test
    void everyImporterEndsInImporter() {
        List<JavaClass> importers = implementationsOf(Importer.class).stream().filter(c -> !isAbstract(c)).toList();
        assertFalse(importers.isEmpty(), "no Importer implementation found: is the class import broken?");
        List<String> misnamed = importers.stream().map(JavaClass::getName).filter(n -> !n.endsWith("Importer")).toList();
        assertEquals(List.of(), misnamed, "Importer implementations must be named *Importer");
    }

    @Test
    void everyImporterIsRegistered() {
        Set<String> implementations = implementationsOf(Importer.class).stream()
                .filter(c -> !isAbstract(c))
                .map(JavaClass::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> registered = Importers.ALL.stream()
                .map(i -> i.getClass().getName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(implementations, registered, "every Importer implementation belongs in Importers.ALL, and only those");
        assertEquals(registered.size(), Importers.ALL.size(), "Importers.ALL holds an importer twice");
    }

    @Test
    void everyRendererEndsInRenderer() {
        List<JavaClass> renderers = implementationsOf(ReportRenderer.class);
        assertFalse(renderers.isEmpty(), "no ReportRenderer implementation found: is the class import broken?");
        List<String> misnamed = renderers.stream().map(JavaClass::getName).filter(n -> !n.endsWith("Renderer")).toList();
        assertEquals(List.of(), misnamed, "ReportRenderer implementations must be named *Renderer");
    }

    @Test
    void everyCommandButMainEndsInCommand() {
        classes().that().resideInAPackage("io.lyncaudit.cli..")
                .and().areAnnotatedWith(CommandLine.Command.class)
                .and().doNotHaveFullyQualifiedName(Main.class.getName())
                .should().haveSimpleNameEndingWith("Command")
                .check(MainCode.handWritten());
    }

    @Test
    void everyCommandIsASubcommandOfMain() {
        Set<String> commands = MainCode.handWritten().stream()
                .filter(c -> c.getPackageName().startsWith("io.lyncaudit.cli"))
                .filter(c -> c.isAnnotatedWith(CommandLine.Command.class))
                .map(JavaClass::getName)
                .filter(n -> !n.equals(Main.class.getName()))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> subcommands = Arrays.stream(Main.class.getAnnotation(CommandLine.Command.class).subcommands())
                .map(Class::getName)
                .filter(n -> n.startsWith("io.lyncaudit."))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(commands, subcommands, "every @Command class in cli is a subcommand of Main, and only those");
    }
}
