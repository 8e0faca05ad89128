package io.lyncaudit.importer.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.util.XMLHelper;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A workbook's shared strings table (sharedStrings.xml), read with SAX into plain strings: the text
 * runs of each item, phonetic guides left out. An item longer than {@link Limits#MAX_CELL_CHARS}
 * keeps only its start and its length, so a cell that uses it can be refused with a short message.
 * (POI's own tables wrap each string in an XMLBeans object per lookup, which costs seconds on a
 * large sheet.)
 */
final class XlsxSharedStrings {
    private final List<String> items;
    private final Map<Integer, Integer> tooLong;

    private XlsxSharedStrings(List<String> items, Map<Integer, Integer> tooLong) {
        this.items = items;
        this.tooLong = tooLong;
    }

    static final XlsxSharedStrings NONE = new XlsxSharedStrings(List.of(), Map.of());

    /** Reads the table from {@code in} (already limited in bytes by the caller). */
    static XlsxSharedStrings read(InputStream in) throws IOException, SAXException {
        Handler h = new Handler();
        XMLReader reader;
        try {
            reader = XMLHelper.newXMLReader();
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML parser: " + e.getMessage(), e);
        }
        reader.setContentHandler(h);
        reader.parse(new InputSource(in));
        return new XlsxSharedStrings(h.items, h.tooLong);
    }

    int size() {
        return items.size();
    }

    /** The item's text (its start only, when it is too long). */
    String get(int index) {
        return items.get(index);
    }

    /** The item's length when it is longer than a cell may be, else -1. */
    int tooLong(int index) {
        Integer n = tooLong.get(index);
        return n == null ? -1 : n;
    }

    private static final class Handler extends DefaultHandler {
        final List<String> items = new ArrayList<>();
        final Map<Integer, Integer> tooLong = new HashMap<>();
        private final StringBuilder text = new StringBuilder();
        private boolean inItem, inText;
        private int phonetic;
        private long length;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            switch (XlsxSheetHandler.local(localName, qName)) {
                case "si" -> {
                    inItem = true;
                    text.setLength(0);
                    length = 0;
                }
                case "rPh" -> phonetic++;
                case "t" -> inText = inItem && phonetic == 0;
                default -> { }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (XlsxSheetHandler.local(localName, qName)) {
                case "si" -> {
                    if (length > Limits.MAX_CELL_CHARS) {
                        tooLong.put(items.size(), (int) Math.min(Integer.MAX_VALUE, length));
                        items.add(text.substring(0, Limits.EXCERPT_CHARS));
                    } else {
                        items.add(text.toString());
                    }
                    inItem = false;
                }
                case "rPh" -> phonetic--;
                case "t" -> inText = false;
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int len) {
            if (!inText) return;
            length += len;
            int room = (int) Math.max(0, Math.min(len, Limits.MAX_CELL_CHARS + 1L - text.length()));
            text.append(ch, start, room);
        }
    }
}
