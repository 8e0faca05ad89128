package io.lyncaudit.importer.sheet;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.poi.ss.util.CellReference;

/**
 * The roles the cells of one candidate header row name, before they are settled: a role named by
 * two columns is kept with both, so a header that turns out ambiguous can be reported naming them.
 *
 * @param <R> the role enum of the sheet kind ({@link Column}, {@link IpsecColumn})
 */
final class HeaderRoles<R extends Enum<R>> {

    /** A header row that names a role twice, or otherwise cannot be read; the message names the cells. */
    static final class Ambiguous extends Exception {
        private static final long serialVersionUID = 1L;

        Ambiguous(String message) {
            super(message, null, false, false);
        }
    }

    private final RawRow row;
    private final Map<R, List<Integer>> strong;
    private final Map<R, List<Integer>> weak;

    private HeaderRoles(RawRow row, Map<R, List<Integer>> strong, Map<R, List<Integer>> weak) {
        this.row = row;
        this.strong = strong;
        this.weak = weak;
    }

    /** The roles each cell of {@code row} names, by the strong and the weak spellings of the sheet kind. */
    static <R extends Enum<R>> HeaderRoles<R> of(RawRow row, Class<R> roles, Function<String, R> strongOf, Function<String, R> weakOf) {
        Map<R, List<Integer>> strong = new EnumMap<>(roles), weak = new EnumMap<>(roles);
        for (int c = 0; c < row.width(); c++) {
            String cell = row.cell(c);
            if (cell.isEmpty()) continue;
            R s = strongOf.apply(cell);
            if (s != null) {
                strong.computeIfAbsent(s, k -> new ArrayList<>(1)).add(c);
                continue;
            }
            R w = weakOf.apply(cell);
            if (w != null) weak.computeIfAbsent(w, k -> new ArrayList<>(1)).add(c);
        }
        return new HeaderRoles<>(row, strong, weak);
    }

    /** True when some column names the role. */
    boolean has(R role) {
        return strong.containsKey(role) || weak.containsKey(role);
    }

    /**
     * One column per role: the strong spelling's, else the weak one's; informational roles take their
     * first column.
     *
     * @param sheet the sheet, for cell references in the message (null for CSV)
     * @throws Ambiguous when two columns name a role the meaning depends on
     */
    Map<R, Integer> settle(Class<R> roles, Predicate<R> informational, Function<R, String> meaning, String sheet) throws Ambiguous {
        Map<R, Integer> out = new EnumMap<>(roles);
        List<String> clashes = new ArrayList<>();
        for (R role : roles.getEnumConstants()) {
            List<Integer> cols = strong.containsKey(role) ? strong.get(role) : weak.get(role);
            if (cols == null) continue;
            if (cols.size() > 1 && !informational.test(role)) {
                List<String> named = new ArrayList<>();
                for (int c : cols) named.add(name(c, sheet));
                clashes.add(String.join(" and ", named) + " could both be " + meaning.apply(role));
            }
            out.put(role, cols.get(0));
        }
        if (!clashes.isEmpty()) {
            throw new Ambiguous(String.join("; ", clashes) + "; rename the column that means something else, so the header names each once");
        }
        return out;
    }

    /** A header cell as messages name it: {@code 'Rule Action' (F3)}. */
    String name(int column, String sheet) {
        String ref = CellReference.convertNumToColString(column) + row.number();
        return Excerpt.quote(row.cell(column)) + " (" + (sheet == null ? ref : sheet + "!" + ref) + ")";
    }
}
