package io.lyncaudit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A Javadoc on every public type (STYLE.md, point 9) and a documented {@code package-info.java} in
 * every main package (point 1).
 *
 * <p>The compiled classes say which types are public (top-level and nested); the sources under
 * {@code src/main/java} are then read as text: the declaration must follow a {@code /** ... *}{@code /}
 * comment with some text in it, with nothing but annotations in between.
 */
class JavadocPresenceTest {
    private static final Path SOURCES = Path.of("src", "main", "java");

    @Test
    void everyPublicTypeHasAJavadoc() {
        List<JavaClass> publicTypes = MainCode.handWritten().stream()
                .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                .filter(c -> c.isTopLevelClass() || c.isMemberClass())
                .filter(c -> !c.getSimpleName().equals("package-info"))
                .toList();
        assertFalse(publicTypes.isEmpty(), "no public type found: is the class import broken?");
        List<String> missing = new ArrayList<>();
        for (JavaClass c : publicTypes) {
            String problem = javadocProblem(c);
            if (problem != null) missing.add(c.getName() + ": " + problem);
        }
        assertEquals(List.of(), missing, "public types need a Javadoc (one sentence is enough)");
    }

    @Test
    void everyMainPackageHasADocumentedPackageInfo() {
        Set<String> packages = MainCode.handWritten().stream().map(JavaClass::getPackageName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertFalse(packages.isEmpty(), "no main package found");
        List<String> missing = new ArrayList<>();
        for (String p : packages) {
            Path info = SOURCES.resolve(p.replace('.', '/')).resolve("package-info.java");
            if (!Files.exists(info)) {
                missing.add(p + ": no package-info.java");
                continue;
            }
            String text = read(info);
            Matcher m = Pattern.compile("^package\\s+" + Pattern.quote(p) + "\\s*;", Pattern.MULTILINE).matcher(text);
            String problem = m.find() ? javadocBefore(text, m.start()) : "no package declaration";
            if (problem != null) missing.add(p + ": " + problem);
        }
        assertEquals(List.of(), missing, "every main package says in package-info.java what it is for and what it may depend on");
    }

    /** Null when the type's declaration in its source file has a Javadoc, otherwise what is wrong. */
    private static String javadocProblem(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) top = top.getEnclosingClass().get();
        String fileName = c.getSource().flatMap(Source::getFileName).orElse(top.getSimpleName() + ".java");
        Path file = SOURCES.resolve(c.getPackageName().replace('.', '/')).resolve(fileName);
        if (!Files.exists(file)) return "source " + file + " not found";
        String text = read(file);
        Matcher m = Pattern.compile("^[ \\t]*(?:@[\\w.]+(?:\\([^)\\n]*\\))?\\s+)*"
                + "(?:(?:public|protected|private|static|final|abstract|sealed|non-sealed|strictfp)\\s+)*"
                + "(?:class|interface|enum|record|@interface)\\s+" + Pattern.quote(c.getSimpleName()) + "\\b",
                Pattern.MULTILINE).matcher(text);
        if (!m.find()) return "declaration not found in " + file;
        return javadocBefore(text, m.start());
    }

    /**
     * Null when a Javadoc comment with some text ends before {@code declaration}, separated from it by
     * annotations and white space only; otherwise what is wrong.
     */
    static String javadocBefore(String text, int declaration) {
        int end = text.lastIndexOf("*/", declaration);
        if (end < 0) return "no Javadoc";
        if (!onlyAnnotations(text.substring(end + 2, declaration))) return "no Javadoc right before the declaration";
        int start = text.lastIndexOf("/*", end);
        if (start < 0 || !text.startsWith("/**", start) || start + 2 == end) return "the comment before it is not a Javadoc";
        String body = text.substring(start + 3, end).replaceAll("(?m)^\\s*\\*", " ");
        String description = body.split("(?m)^\\s*@")[0];
        if (!description.chars().anyMatch(Character::isLetter)) return "the Javadoc has no description";
        return null;
    }

    /** True when the text is white space and annotations (with any arguments) only. */
    static boolean onlyAnnotations(String between) {
        StringBuilder outside = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < between.length(); i++) {
            char ch = between.charAt(i);
            if (ch == '"' || ch == '\'') {
                int close = i + 1;
                while (close < between.length() && between.charAt(close) != ch) close += between.charAt(close) == '\\' ? 2 : 1;
                i = close;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (depth == 0) {
                outside.append(ch);
            }
        }
        return depth == 0 && outside.toString().matches("(\\s*@[\\w.]+)*\\s*");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
