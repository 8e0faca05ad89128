package io.lyncaudit.importer.nftables;

import io.lyncaudit.importer.ConfigText;
import io.lyncaudit.importer.LineLedger.Verdict;
import io.lyncaudit.importer.nftables.NftLexer.Kind;
import io.lyncaudit.importer.nftables.NftLexer.Tok;
import io.lyncaudit.importer.nftables.NftRuleset.Loc;
import io.lyncaudit.importer.nftables.NftRuleset.SrcFile;
import io.lyncaudit.model.BadInputException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The token stream of a ruleset as nft reads it with {@code nft -f}: the file given and the files
 * it includes ({@code include "file"}, relative to the including file, wildcards in the file name
 * as nft allows), with symbolic variables ({@code define}, {@code redefine}, {@code undefine},
 * {@code $NAME}) replaced by their values. A definition is seen in the block it is written in and
 * the blocks inside it, from where it is written on.
 *
 * <p>Included files must lie in the directory of the file given or below it (an export copied
 * with its {@code nftables.d/} folder): an include that leaves it, a missing file, an include loop
 * or too deep nesting is bad input naming the including file and line. An absolute path (the
 * device's own {@code /etc/nftables.d/x.nft}) is looked up under that directory by its trailing
 * path components, the longest that exists.
 */
final class NftSource {
    /** nft's own limit on nested includes. */
    static final int MAX_INCLUDE_DEPTH = 16;
    static final int MAX_FILES = 1000;
    static final long MAX_TOTAL_BYTES = NftablesImporter.MAX_BYTES;
    /** A variable's value holds at most this many tokens (nested definitions can double at each step). */
    static final int MAX_DEFINE_TOKENS = 100_000;
    /** Variable references in the whole ruleset expand to at most this many tokens. */
    static final long MAX_EXPANDED = 5_000_000L;

    /** A definition: its value (variables already replaced), where it is written, whether a statement used it. */
    private static final class Define {
        final String name;
        final List<Tok> value;
        final Loc loc;
        boolean used;

        Define(String name, List<Tok> value, Loc loc) {
            this.name = name;
            this.value = value;
            this.loc = loc;
        }
    }

    /** A file being read: its tokens and where the reading is. */
    private static final class Frame {
        final SrcFile file;
        final Path real;
        final List<Tok> toks;
        int pos;

        Frame(SrcFile file, Path real) {
            this.file = file;
            this.real = real;
            this.toks = NftLexer.lex(file);
        }
    }

    final List<SrcFile> files = new ArrayList<>();
    /** The decoded included files (the file given is decoded by the importer), whose notes go with the diagnostics. */
    final List<ConfigText.Source> included = new ArrayList<>();
    /** The declared encoding of the file given, which its includes share; null: each is detected. */
    private final String encoding;
    private final Path root;
    private final String displayDir;
    private final Deque<Frame> frames = new ArrayDeque<>();
    /** Definitions per open block, innermost first. */
    private final Deque<Map<String, Define>> scopes = new ArrayDeque<>();
    private final List<Define> defines = new ArrayList<>();
    /** Tokens produced and not yet consumed (lookahead). */
    private final List<Tok> ahead = new ArrayList<>();
    private final Deque<Tok> pending = new ArrayDeque<>();
    private boolean atStart = true;
    private long expanded;
    private long bytes;
    private Tok last;

    private NftSource(Path file, String display, String content, String encoding) throws BadInputException {
        this.encoding = encoding;
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            real = file.toAbsolutePath().normalize();
        }
        this.root = real.getParent();
        int slash = display.lastIndexOf('/');
        this.displayDir = slash < 0 ? "" : display.substring(0, slash + 1);
        SrcFile main = new SrcFile(display, content, null);
        files.add(main);
        bytes = content.length();
        frames.push(new Frame(main, real));
        scopes.push(new HashMap<>());
    }

    /** The ruleset of {@code file}, whose decoded text is {@code content}; its includes are read in {@code encoding} (null: detected). */
    static NftSource open(Path file, String display, String content, String encoding) throws BadInputException {
        return new NftSource(file, display, content, encoding);
    }

    /** The file given. */
    SrcFile main() {
        return files.get(0);
    }

    Tok peek() throws BadInputException {
        return peek(0);
    }

    Tok peek(int k) throws BadInputException {
        while (ahead.size() <= k) ahead.add(produce());
        return ahead.get(k);
    }

    Tok next() throws BadInputException {
        Tok t = peek(0);
        ahead.remove(0);
        last = t;
        return t;
    }

    /** The token consumed last. */
    Tok last() {
        return last;
    }

    /** Marks the definitions: used ones used, the others ignored with a message. Call once, at the end. */
    void finish() {
        for (Define d : defines) {
            if (d.used) d.loc.used();
            else d.loc.mark(Verdict.IGNORED, "define " + d.name + " is never used");
        }
        if (files.size() > 1) for (SrcFile f : files) f.named = true;
    }

    private Tok produce() throws BadInputException {
        while (true) {
            Tok t = raw();
            if (t.kind() == Kind.EOF) return t;
            if (t.kind() == Kind.VAR) {
                expand(t);
                continue;
            }
            if (atStart && t.kind() == Kind.WORD) {
                switch (t.text()) {
                    case "include" -> {
                        include(t);
                        continue;
                    }
                    case "define", "redefine", "undefine" -> {
                        define(t);
                        continue;
                    }
                    default -> { }
                }
            }
            atStart = t.separator() || t.is("{") || t.is("}");
            if (t.is("{")) scopes.push(new HashMap<>());
            if (t.is("}") && scopes.size() > 1) scopes.pop();
            // a variable's one-word value glued to what follows ($SRV:8080, $NET/24, $A-$B) reads as one word
            while (t.kind() == Kind.WORD) {
                Tok u = rawPeekWord();
                if (u == null) break;
                t = new Tok(Kind.WORD, t.text() + u.text(), t.file(), t.line(), t.start(), Math.max(t.end(), u.end()), t.glued());
            }
            return t;
        }
    }

    /** The next token as written, from an expansion or the innermost file; EOF at the end of the file given. */
    private Tok raw() throws BadInputException {
        if (!pending.isEmpty()) return pending.poll();
        while (true) {
            Frame f = frames.peek();
            if (f == null) return new Tok(Kind.EOF, "", last == null ? main() : last.file(), last == null ? 1 : last.line(), 0, 0, false);
            if (f.pos < f.toks.size()) {
                Tok t = f.toks.get(f.pos++);
                if (t.kind() == Kind.NEWLINE && f.pos == f.toks.size() && frames.size() == 1) {
                    frames.pop();
                    return new Tok(Kind.EOF, "", t.file(), t.line(), t.start(), t.end(), false);
                }
                return t;
            }
            frames.pop();
        }
    }

    /** The next token if it is a word (or a variable with a one-word value) glued to the one before; consumed. Else null. */
    private Tok rawPeekWord() throws BadInputException {
        Tok u = pending.peek();
        if (u == null) {
            Frame f = frames.peek();
            if (f == null || f.pos >= f.toks.size()) return null;
            u = f.toks.get(f.pos);
            if (!u.glued()) return null;
            if (u.kind() == Kind.VAR) {
                Define d = lookup(u.text());
                if (d == null || d.value.size() != 1 || d.value.get(0).kind() != Kind.WORD) return null;
                f.pos++;
                d.used = true;
                return d.value.get(0).with(d.value.get(0).text(), Kind.WORD);
            }
            if (u.kind() != Kind.WORD) return null;
            f.pos++;
            return u;
        }
        if (!u.glued() || u.kind() != Kind.WORD) return null;
        return pending.poll();
    }

    private Define lookup(String name) {
        for (Map<String, Define> s : scopes) {
            Define d = s.get(name);
            if (d != null) return d;
        }
        return null;
    }

    /** Queues the value of variable {@code v}, written where {@code v} is; an undefined one is an error token. */
    private void expand(Tok v) throws BadInputException {
        Define d = lookup(v.text());
        if (d == null) {
            pending.addFirst(new Tok(Kind.ERROR, "undefined variable $" + v.text(), v.file(), v.line(), v.start(), v.end(), v.glued()));
            return;
        }
        d.used = true;
        expanded += d.value.size();
        if (expanded > MAX_EXPANDED) {
            throw new BadInputException(v.file().display, v.line(), "variables expand to more than " + MAX_EXPANDED + " tokens");
        }
        List<Tok> out = new ArrayList<>(d.value.size());
        for (int i = 0; i < d.value.size(); i++) {
            Tok x = d.value.get(i);
            out.add(new Tok(x.kind(), x.text(), v.file(), v.line(), v.start(), v.end(), i == 0 ? v.glued() : x.glued()));
        }
        for (int i = out.size() - 1; i >= 0; i--) pending.addFirst(out.get(i));
    }

    /** {@code define NAME = value}, {@code redefine NAME = value}, {@code undefine NAME}. */
    private void define(Tok kw) throws BadInputException {
        List<Tok> words = new ArrayList<>();
        int depth = 0;
        Tok endTok = kw;
        String error = null;
        // the statement's tokens, variables in the value replaced now (a later redefine does not change this value)
        while (true) {
            Tok t = raw();
            if (t.kind() == Kind.EOF) {
                pending.addFirst(t);
                break;
            }
            if (depth == 0 && t.separator()) break;
            if (t.kind() == Kind.NEWLINE) continue;
            if (t.kind() == Kind.VAR) {
                expand(t);
                continue;
            }
            if (t.is("{") || t.is("(")) depth++;
            if (t.is("}") || t.is(")")) depth--;
            if (t.kind() == Kind.ERROR && error == null) error = t.text();
            if (t.file() == kw.file()) endTok = t;
            words.add(t);
            if (words.size() > MAX_DEFINE_TOKENS + 3) {
                error = "the value is longer than " + MAX_DEFINE_TOKENS + " tokens";
                skipStatement(depth);
                break;
            }
        }
        Loc loc = new Loc(kw.file(), kw.line(), NftLexer.text(kw, endTok));
        for (int l = kw.line() + 1; l <= endTok.line(); l++) {
            kw.file().ledger.mark(l, kw.file().lineText(l), Verdict.IGNORED, "continues line " + kw.line());
        }
        atStart = true;
        String what = kw.text();
        if (words.isEmpty() || words.get(0).kind() != Kind.WORD && words.get(0).kind() != Kind.STRING) {
            loc.mark(Verdict.UNRECOGNIZED, what + " without a name");
            return;
        }
        String name = words.get(0).text();
        if (what.equals("undefine")) {
            Define d = scopes.peek().remove(name);
            if (d == null) loc.mark(Verdict.UNRECOGNIZED, "undefine " + name + ": no such variable in this block");
            else loc.mark(Verdict.IGNORED, "undefines " + name);
            return;
        }
        if (error != null) {
            loc.mark(Verdict.UNRECOGNIZED, what + " " + name + ": " + error + "; statements using $" + name + " cannot be read");
            return;
        }
        if (words.size() < 3 || !words.get(1).is("=")) {
            loc.mark(Verdict.UNRECOGNIZED, what + " " + name + " without '= value'");
            return;
        }
        if (what.equals("define") && scopes.peek().containsKey(name)) {
            // nft refuses a second definition in the same block; the first one stays
            loc.mark(Verdict.UNRECOGNIZED, "define " + name + " again in the same block (nft refuses it; redefine changes a value)");
            return;
        }
        Define d = new Define(name, List.copyOf(words.subList(2, words.size())), loc);
        Define old = scopes.peek().put(name, d);
        if (old != null && !old.used) old.loc.mark(Verdict.IGNORED, "define " + name + " is redefined at " + loc.where() + " before use");
        defines.add(d);
    }

    private void skipStatement(int depth) throws BadInputException {
        while (true) {
            Tok t = raw();
            if (t.kind() == Kind.EOF) {
                pending.addFirst(t);
                return;
            }
            if (t.is("{")) depth++;
            if (t.is("}")) depth--;
            if (depth <= 0 && t.separator()) return;
        }
    }


    /** {@code include "pattern"}: the files it names are read in place, in name order. */
    private void include(Tok kw) throws BadInputException {
        Tok arg = raw();
        List<Tok> rest = new ArrayList<>();
        Tok t = arg;
        while (!t.separator()) {
            rest.add(t);
            t = raw();
        }
        if (t.kind() == Kind.EOF) pending.addFirst(t);
        atStart = true;
        SrcFile from = kw.file();
        Loc loc = new Loc(from, kw.line(), NftLexer.line(kw));
        if (arg.kind() != Kind.STRING && arg.kind() != Kind.WORD || rest.size() != 1) {
            loc.mark(Verdict.UNRECOGNIZED, "include needs one file name in quotes");
            return;
        }
        String pattern = arg.text();
        if (frames.size() > MAX_INCLUDE_DEPTH) {
            throw new BadInputException(from.display, kw.line(), "include \"" + pattern + "\": includes nested deeper than "
                    + MAX_INCLUDE_DEPTH);
        }
        Path dir = frames.peek() == null ? root : frames.peek().real.getParent();
        List<Path> found = resolve(pattern, dir, from, kw.line());
        if (found.isEmpty()) {
            loc.mark(Verdict.IGNORED, "include \"" + pattern + "\" matches no file (not an error with wildcards, as in nft)");
            return;
        }
        List<String> names = new ArrayList<>();
        List<Frame> opened = new ArrayList<>();
        for (Path p : found) {
            for (Frame f : frames) {
                if (f.real.equals(p)) {
                    throw new BadInputException(from.display, kw.line(), "include \"" + pattern + "\": include loop (" + display(p)
                            + " is already being read)");
                }
            }
            if (files.size() >= MAX_FILES) throw new BadInputException(from.display, kw.line(), "more than " + MAX_FILES + " files included");
            String disp = display(p);
            ConfigText.Source text = ConfigText.read(p, disp, encoding, MAX_TOTAL_BYTES - bytes, NftLexer.MAX_LINE,
                    "an nftables ruleset with its included files (" + (MAX_TOTAL_BYTES >> 20) + " MiB together)");
            bytes += text.text().length();
            included.add(text);
            SrcFile sf = new SrcFile(disp, text.text(), from);
            files.add(sf);
            names.add(disp);
            opened.add(new Frame(sf, p));
        }
        loc.mark(Verdict.IGNORED, "includes " + String.join(", ", names));
        // read in order: the last pushed is read first
        for (int i = opened.size() - 1; i >= 0; i--) frames.push(opened.get(i));
    }

    /** The files an include names, in name order; a name without wildcards that is missing is bad input. */
    private List<Path> resolve(String pattern, Path dir, SrcFile from, int line) throws BadInputException {
        String p = pattern.replace('\\', '/');
        boolean absolute = p.startsWith("/");
        List<Path> bases = new ArrayList<>();
        if (absolute) {
            // the device's path: look for its trailing components under the export's directory, longest first
            String[] parts = p.substring(1).split("/+");
            for (int k = 0; k < parts.length; k++) bases.add(root.resolve(String.join("/", java.util.Arrays.copyOfRange(parts, k, parts.length))));
        } else {
            bases.add(dir.resolve(p));
        }
        String name = p.substring(p.lastIndexOf('/') + 1);
        boolean wild = name.contains("*") || name.contains("?") || name.contains("[");
        String parentPart = p.contains("/") ? p.substring(0, p.lastIndexOf('/')) : "";
        if (parentPart.contains("*") || parentPart.contains("?") || parentPart.contains("[")) {
            throw new BadInputException(from.display, line, "include \"" + pattern + "\": wildcards are read in the file name only");
        }
        for (Path b : bases) {
            Path parent = b.getParent();
            if (parent == null || !Files.isDirectory(parent)) continue;
            if (!wild) {
                if (!Files.exists(b)) continue;
                Path real = inside(b, pattern, from, line);
                if (Files.isDirectory(real)) {
                    throw new BadInputException(from.display, line, "include \"" + pattern + "\" is a directory; nft reads files "
                            + "(write \"" + pattern + (pattern.endsWith("/") ? "" : "/") + "*\")");
                }
                return List.of(real);
            }
            List<Path> out = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent, name)) {
                for (Path x : ds) {
                    if (x.getFileName().toString().startsWith(".") || !Files.isRegularFile(x)) continue;
                    out.add(inside(x, pattern, from, line));
                    if (out.size() > MAX_FILES) break;
                }
            } catch (IOException | IllegalArgumentException e) {
                throw new BadInputException(from.display, line, "include \"" + pattern + "\": cannot list the files: " + e.getMessage());
            }
            out.sort(java.util.Comparator.comparing(x -> x.getFileName().toString()));
            if (!out.isEmpty() || !absolute) return out;
        }
        if (wild) return List.of();
        throw new BadInputException(from.display, line, "include \"" + pattern + "\": file not found"
                + (absolute ? " (an absolute path is looked for under " + displayOf(root) + " by its last components)"
                : " (looked for " + displayOf(dir.resolve(p).normalize()) + ")"));
    }

    /** The real path of {@code p}, which must lie under the export's directory. */
    private Path inside(Path p, String pattern, SrcFile from, int line) throws BadInputException {
        Path real;
        try {
            real = p.toRealPath();
        } catch (IOException e) {
            throw new BadInputException(from.display, line, "include \"" + pattern + "\": cannot read " + p.getFileName() + ": " + e.getMessage());
        }
        if (!real.startsWith(root)) {
            throw new BadInputException(from.display, line, "include \"" + pattern + "\" names a file outside the directory of "
                    + main().display + "; copy the included files next to it");
        }
        return real;
    }

    /** How a file under the export's directory is named in reports: beside the file given. */
    private String display(Path real) {
        return displayDir + root.relativize(real).toString().replace('\\', '/');
    }

    private String displayOf(Path p) {
        Path n = p.normalize();
        return n.startsWith(root) ? displayDir + root.relativize(n).toString().replace('\\', '/') : n.getFileName().toString();
    }
}
