package io.lyncaudit.engine;

import io.lyncaudit.model.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;

/** Compiles a user's DRL directory at run time (slower than the precompiled catalog, which is fine). */
final class UserRules {
    private UserRules() {}

    static KieBase compile(Path dir) throws BadInputException {
        String shown = dir.toString();
        if (!Files.isDirectory(dir)) throw new BadInputException(shown, 0, "--rules must name a directory of .drl files");
        List<Path> drls;
        try (Stream<Path> s = Files.walk(dir)) {
            drls = s.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(shown, 0, "cannot read: " + e.getMessage());
        }
        if (drls.isEmpty()) throw new BadInputException(shown, 0, "no .drl file in this directory");
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        for (Path p : drls) {
            kfs.write("src/main/resources/user/" + dir.relativize(p).toString().replace('\\', '/'),
                    ks.getResources().newFileSystemResource(p.toFile()));
        }
        KieBuilder kb = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<Message> errors = kb.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            Message m = errors.get(0);
            // Drools names the file as written ("src/main/resources/user/x.drl") or relative to the resources ("user/x.drl")
            String file = m.getPath() != null
                    ? dir.resolve(m.getPath().replace('\\', '/').replaceFirst("^(src/main/resources/)?user/", "")).toString() : shown;
            throw new BadInputException(file, m.getLine(), "rule compilation failed: " + m.getText().strip()
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more errors)" : ""));
        }
        return ks.newKieContainer(kb.getKieModule().getReleaseId()).getKieBase();
    }
}
