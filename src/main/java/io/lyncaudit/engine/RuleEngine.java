package io.lyncaudit.engine;

import io.lyncaudit.catalog.FeatureFact;
import io.lyncaudit.catalog.RequirementSpec;
import io.lyncaudit.catalog.ScenarioFact;
import io.lyncaudit.model.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;

/**
 * Owns Drools: loads the catalog and analysis rules precompiled at build time (executable model,
 * no DRL parsing at start-up), adds user rules compiled at run time, and runs the two phases:
 * catalog (deployment facts in, requirements out) and analysis (coverage facts in, findings out).
 */
public final class RuleEngine {
    private static final String MODEL_INDEX = "META-INF/kie/io.lyncaudit/lyncaudit/drools-model";

    private final KieBase builtIn;
    private final KieBase user;

    private RuleEngine(KieBase builtIn, KieBase user) {
        this.builtIn = builtIn;
        this.user = user;
    }

    /** The built-in rules only. */
    public static RuleEngine builtIn() {
        return new RuleEngine(Holder.KIE_BASE, null);
    }

    /** Built-in rules plus the DRL files of a user directory, compiled now. */
    public static RuleEngine withUserRules(java.nio.file.Path dir) throws BadInputException {
        return new RuleEngine(Holder.KIE_BASE, UserRules.compile(dir));
    }

    /** Lazily loaded, once per JVM: the generated model classes named in the plugin's index. */
    private static final class Holder {
        static final KieBase KIE_BASE = load();

        private static KieBase load() {
            List<Model> models = new ArrayList<>();
            ClassLoader cl = RuleEngine.class.getClassLoader();
            try (InputStream in = cl.getResourceAsStream(MODEL_INDEX)) {
                if (in == null) throw new IllegalStateException("precompiled rules missing: " + MODEL_INDEX + " (was the build run?)");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                while ((line = r.readLine()) != null) {
                    line = line.trim();
                    if (line.isEmpty() || line.startsWith("Drools-Model-Version")) continue;
                    models.add((Model) Class.forName(line, true, cl).getDeclaredConstructor().newInstance());
                }
            } catch (IOException | ReflectiveOperationException e) {
                throw new IllegalStateException("cannot load the precompiled rules", e);
            }
            return KieBaseBuilder.createKieBaseFromModel(models);
        }
    }

    /** Every rule of the built-in catalog (those with an @id), in package order. */
    public List<Rule> catalogRules() {
        List<Rule> out = new ArrayList<>();
        for (KiePackage p : builtIn.getKiePackages()) {
            for (Rule r : p.getRules()) {
                if (RequirementCollector.isRequirement(r)) out.add(r);
            }
        }
        out.sort(java.util.Comparator.comparing(r -> r.getMetaData().get("id").toString()));
        return out;
    }

    /** The whole built-in catalog as specs, sorted by id. */
    public List<RequirementSpec> catalog() {
        return catalogRules().stream().map(RequirementCollector::specOf).toList();
    }

    /** Phase 1: the requirements that apply to a scenario with these features on. */
    public List<RequirementSpec> requirements(String scenario, Collection<String> featuresOn) {
        RequirementCollector collector = new RequirementCollector();
        KieSession s = builtIn.newKieSession();
        try {
            s.setGlobal("catalog", collector);
            s.insert(new ScenarioFact(scenario));
            for (String f : featuresOn) s.insert(new FeatureFact(f));
            s.fireAllRules();
        } finally {
            s.dispose();
        }
        return collector.requirements();
    }

    /**
     * Phase 2: inserts the analysis facts and fires the analysis rules (and user rules), which
     * report to the sink.
     */
    public void analyze(Collection<?> facts, Object sink) {
        run(builtIn, facts, sink);
        if (user != null) run(user, facts, sink);
    }

    private static void run(KieBase kb, Collection<?> facts, Object sink) {
        KieSession s = kb.newKieSession();
        try {
            if (hasGlobal(kb, "findings")) s.setGlobal("findings", sink);
            if (hasGlobal(kb, "catalog")) s.setGlobal("catalog", new RequirementCollector());
            for (Object f : facts) s.insert(f);
            s.fireAllRules();
        } finally {
            s.dispose();
        }
    }

    private static boolean hasGlobal(KieBase kb, String name) {
        for (KiePackage p : kb.getKiePackages()) {
            for (org.kie.api.definition.rule.Global g : p.getGlobalVariables()) {
                if (g.getName().equals(name)) return true;
            }
        }
        return false;
    }
}
