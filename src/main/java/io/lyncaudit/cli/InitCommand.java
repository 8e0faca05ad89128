package io.lyncaudit.cli;

import io.lyncaudit.deployment.EdgeScenario;
import io.lyncaudit.deployment.InitTemplate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `lyncaudit init`: prints (or writes) a commented deployment template for a scenario. */
@Command(name = "init", mixinStandardHelpOptions = true, header = "Print a commented deployment template.", versionProvider = Main.Version.class,
        description = "Prints a commented deployment file template to fill in.")
final class InitCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "S", defaultValue = "single-consolidated-nat",
            description = "single-consolidated-nat (default), single-consolidated-public, scaled-dns-nat, scaled-dns-public or scaled-hlb.")
    String scenario;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the template to FILE (refuses to overwrite).")
    Path out;

    @Override
    public Integer call() throws Exception {
        EdgeScenario s = EdgeScenario.fromId(scenario);
        if (s == null) throw new Main.UsageException("unknown scenario '" + scenario + "'; expected one of: " + EdgeScenario.ids());
        String text = InitTemplate.render(s);
        if (out == null) {
            Outputs.toStdout(spec.commandLine().getOut(), o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
        } else {
            if (Files.exists(out)) throw new Main.UsageException(out + " already exists; not overwriting it");
            Outputs.toFile(out, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
            spec.commandLine().getErr().println("wrote " + out);
        }
        return ExitCode.PASS.code();
    }
}
