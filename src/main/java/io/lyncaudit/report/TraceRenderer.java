package io.lyncaudit.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes {@link Trace}s: text for a terminal, or JSON with one object a line, one line per packet. */
public final class TraceRenderer {
    private TraceRenderer() {}

    /** A trace as text: the packet, one line per stage, the verdict. */
    public static void text(Trace t, OutputStream out) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append("packet  ").append(ConsoleText.clean(t.packet()));
        s.append("  in ").append(t.in() == null ? "?" : ConsoleText.clean(t.in()));
        s.append("  out ").append(t.out() == null ? "?" : ConsoleText.clean(t.out()));
        s.append("  (").append(t.path()).append(" path)\n");
        int width = 8;
        for (Trace.Stage st : t.stages()) width = Math.max(width, name(st).length());
        for (Trace.Stage st : t.stages()) {
            String n = name(st);
            s.append("  ").append(ConsoleText.clean(n)).append(" ".repeat(width - n.length() + 2));
            String what = st.action() + (st.isDefault() ? " (default)" : "");
            if (st.translation() != null) what += " -> " + st.translation();
            if (st.rule() != null) what += " \"" + st.rule() + "\"";
            s.append(ConsoleText.clean(what));
            if (st.file() != null) s.append("  ").append(ConsoleText.clean(st.file())).append(st.line() > 0 ? ":" + st.line() : "");
            if (st.text() != null && !st.text().isEmpty()) s.append("  ").append(ConsoleText.clean(st.text()));
            s.append('\n');
            if (st.sees() != null) s.append("  ").append(" ".repeat(width + 2)).append("sees ").append(ConsoleText.clean(st.sees())).append('\n');
            if (st.uncertainty() != null) s.append("  ").append(" ".repeat(width + 2)).append("uncertain: ")
                    .append(ConsoleText.clean(st.uncertainty())).append('\n');
        }
        if (t.translated() != null) s.append("translated to ").append(ConsoleText.clean(t.translated())).append('\n');
        for (String n : t.notes()) s.append("note: ").append(ConsoleText.clean(n)).append('\n');
        s.append("verdict: ").append(t.verdict());
        if (t.uncertainty() != null) s.append(" (reads as ").append(t.reading()).append("; ").append(ConsoleText.clean(t.uncertainty())).append(')');
        s.append("\n");
        out.write(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String name(Trace.Stage st) {
        return st.name() == null ? "(no policy)" : st.name();
    }

    /** A trace as one line of JSON (no line breaks inside), followed by a newline. */
    public static void jsonLine(Trace t, OutputStream out) throws IOException {
        try (JsonGenerator g = JsonReportRenderer.generator(out)) {
            g.setPrettyPrinter(null);
            g.writeStartObject();
            g.writeStringField("packet", t.packet());
            g.writeStringField("in", t.in());
            g.writeStringField("out", t.out());
            g.writeStringField("path", t.path());
            g.writeStringField("verdict", t.verdict());
            g.writeStringField("reading", t.reading());
            g.writeStringField("uncertainty", t.uncertainty());
            g.writeStringField("translated", t.translated());
            g.writeArrayFieldStart("stages");
            for (Trace.Stage st : t.stages()) {
                g.writeStartObject();
                g.writeStringField("stage", st.name());
                g.writeStringField("hook", st.hook());
                g.writeStringField("action", st.action());
                g.writeBooleanField("default", st.isDefault());
                if (st.rule() != null) g.writeStringField("rule", st.rule());
                if (st.file() != null || st.text() != null) {
                    g.writeObjectFieldStart("line");
                    g.writeStringField("file", st.file());
                    g.writeNumberField("line", st.line());
                    g.writeStringField("text", st.text());
                    g.writeEndObject();
                } else {
                    g.writeNullField("line");
                }
                if (st.translation() != null) g.writeStringField("translation", st.translation());
                if (st.sees() != null) g.writeStringField("sees", st.sees());
                if (st.uncertainty() != null) g.writeStringField("uncertainty", st.uncertainty());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("notes");
            for (String n : t.notes()) g.writeString(n);
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
    }
}
