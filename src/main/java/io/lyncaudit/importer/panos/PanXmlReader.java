package io.lyncaudit.importer.panos;

import io.lyncaudit.importer.LineLedger;
import io.lyncaudit.model.BadInputException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a PAN-OS XML configuration ({@code show config running} with the XML output format, an
 * exported {@code running-config.xml}, an XML API response, a Panorama configuration or
 * {@code show config pushed-shared-policy}) into a {@link PanNode} tree with a streaming (StAX)
 * reader that keeps the line of every tag.
 *
 * <p>Only the parts that can decide which traffic passes are built into the tree: objects, zones,
 * rulebases, interfaces and virtual routers. The rest (device and management settings, profiles,
 * logging, certificates: thousands of lines in a real export) is skipped as it streams by, and
 * each of its lines is ignored with a note saying what it is. The reader never expands an entity
 * it does not know: a document type declaration is refused, external entities are off, and the
 * nesting is limited.
 */
final class PanXmlReader {
    /** Deeper nesting is refused: a PAN-OS configuration is about 15 levels deep. */
    static final int MAX_DEPTH = 256;

    private final String text;
    private final int start;
    private final int lineOffset;
    private final LineLedger ledger;
    private final String display;
    private int prevEnd;

    private PanXmlReader(String text, int start, LineLedger ledger, String display) {
        this.text = text;
        this.start = start;
        this.ledger = ledger;
        this.display = display;
        int n = 0;
        for (int i = text.indexOf('\n'); i >= 0 && i < start; i = text.indexOf('\n', i + 1)) n++;
        this.lineOffset = n;
    }

    /** The offset of the first markup of an XML document in {@code text} ({@code <?xml}, a comment or an element), or -1. */
    static int documentStart(CharSequence text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) != '<' || i + 1 >= n) continue;
            char c = text.charAt(i + 1);
            if (c == '?' || c == '!' || Character.isLetter(c)) return i;
        }
        return -1;
    }

    /**
     * Reads the XML document that starts at {@code start} into a tree; lines before it and after
     * its root element (a CLI prompt, the command that printed it) are ignored.
     */
    static PanNode read(String text, int start, LineLedger ledger, String display) throws BadInputException {
        return new PanXmlReader(text, start, ledger, display).run();
    }

    private static XMLInputFactory factory() {
        // the JDK's own implementation, whatever else is on the class path; no DTD, no external entity
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }

    private PanNode run() throws BadInputException {
        int firstLine = lineOffset + 1;
        for (int l = 1; l < firstLine; l++) {
            ledger.ignored(l, "before the XML document (a CLI prompt or the command that printed it): not configuration");
        }
        if (text.startsWith("<?xml", start)) {
            int end = text.indexOf("?>", start);
            int last = end < 0 ? firstLine : lineOf(end);
            for (int l = firstLine; l <= last; l++) ledger.ignored(l, "XML declaration");
        }
        PanNode root = new PanNode("#document", null, null);
        Deque<PanNode> nodes = new ArrayDeque<>();
        Deque<PanSchema.Ctx> ctxs = new ArrayDeque<>();
        nodes.push(root);
        ctxs.push(PanSchema.Ctx.DOC);
        int depth = 0;
        prevEnd = firstLine;
        XMLStreamReader r;
        try {
            r = factory().createXMLStreamReader(new TextReader(text, start));
        } catch (XMLStreamException e) {
            throw bad(e);
        }
        try {
            while (r.hasNext()) {
                int ev = r.next();
                int line = line(r);
                switch (ev) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++depth > MAX_DEPTH) {
                            throw new BadInputException(display, line, "XML nested deeper than " + MAX_DEPTH
                                    + " elements; a PAN-OS configuration is about 15 deep");
                        }
                        String name = r.getLocalName();
                        PanSchema.Ctx ctx = ctxs.peek();
                        PanSchema.Skip skip = PanSchema.skip(ctx, name);
                        if (skip != null) {
                            int from = prevEnd;
                            int to = skipElement(r);
                            depth--;
                            for (int l = from; l <= to; l++) ledger.mark(l, skip.verdict(), skip.why());
                            prevEnd = to;
                            if (depth == 0) return finish(root, r);
                            continue;
                        }
                        PanNode n = nodes.peek().add(name, r.getAttributeValue(null, "name"));
                        n.lines(prevEnd, line);
                        nodes.push(n);
                        ctxs.push(PanSchema.child(ctx, name));
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        PanNode n = nodes.pop();
                        ctxs.pop();
                        n.lines(prevEnd, line);
                        if (--depth == 0) {
                            prevEnd = line;
                            return finish(root, r);
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!r.isWhiteSpace()) {
                            PanNode n = nodes.peek();
                            n.appendText(r.getText());
                            n.lines(prevEnd, line);
                        }
                    }
                    case XMLStreamConstants.COMMENT -> {
                        for (int l = prevEnd; l <= line; l++) ledger.comment(l);
                    }
                    case XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                        for (int l = prevEnd; l <= line; l++) ledger.ignored(l, "XML processing instruction");
                    }
                    case XMLStreamConstants.DTD -> throw new BadInputException(display, line,
                            "a document type declaration (<!DOCTYPE>) is refused: a PAN-OS export has none, and its entities are never expanded");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new BadInputException(display, line,
                            "entity '&" + r.getLocalName() + ";' is not one of XML's own (&amp; &lt; &gt; &quot; &apos;) and is not expanded");
                    default -> { }
                }
                prevEnd = line;
            }
        } catch (XMLStreamException e) {
            throw bad(e);
        } finally {
            try {
                r.close();
            } catch (XMLStreamException ignore) {
                // nothing to release: the reader reads a string
            }
        }
        throw new BadInputException(display, prevEnd, "the XML document ends before its root element is closed (a truncated export?)");
    }

    /** After the root element: the lines that follow it are not part of the document. */
    private PanNode finish(PanNode root, XMLStreamReader r) {
        int total = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) total++;
        if (text.endsWith("\n")) total--;
        for (int l = prevEnd + 1; l <= total; l++) {
            ledger.ignored(l, "after the XML document (a CLI prompt, or what the session printed next): not configuration");
        }
        return root;
    }

    /** Reads past the element whose start was just read, to its end; returns the line of its end tag. */
    private int skipElement(XMLStreamReader r) throws XMLStreamException, BadInputException {
        int level = 1;
        int line = line(r);
        while (level > 0) {
            int ev = r.next();
            line = line(r);
            if (ev == XMLStreamConstants.START_ELEMENT) level++;
            else if (ev == XMLStreamConstants.END_ELEMENT) level--;
            else if (ev == XMLStreamConstants.DTD || ev == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new BadInputException(display, line, "an entity or document type declaration inside the XML is refused");
            }
            if (level > MAX_DEPTH) throw new BadInputException(display, line, "XML nested deeper than " + MAX_DEPTH + " elements");
        }
        return line;
    }

    private int line(XMLStreamReader r) {
        Location l = r.getLocation();
        return Math.max(1, l.getLineNumber()) + lineOffset;
    }

    private int lineOf(int offset) {
        int n = 1;
        for (int i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
        return n;
    }

    private BadInputException bad(XMLStreamException e) {
        Location l = e.getLocation();
        int line = l == null ? prevEnd : Math.max(1, l.getLineNumber()) + lineOffset;
        String m = e.getMessage() == null ? "" : e.getMessage();
        int at = m.indexOf("Message: ");
        if (at >= 0) m = m.substring(at + "Message: ".length());
        return new BadInputException(display, line, "not well-formed XML: " + m.strip());
    }

    /** A reader over a string from an offset, without copying it. */
    private static final class TextReader extends Reader {
        private final String s;
        private int pos;

        TextReader(String s, int from) {
            this.s = s;
            this.pos = from;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            if (pos >= s.length()) return -1;
            int n = Math.min(len, s.length() - pos);
            s.getChars(pos, pos + n, buf, off);
            pos += n;
            return n;
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
