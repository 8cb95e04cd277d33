package de.dormagentwin.ui;

import de.dormagentwin.model.CityObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds loaded city objects by id, name or any attribute value: case-insensitive substrings, an exact id first,
 * then name matches, then other id matches, then attribute matches, each group in model order. Immutable once
 * built, so it may be built off the FX thread. The lowercase text it searches is made once here, so a search per
 * keystroke over 100,000 objects only scans strings and allocates little beyond its results.
 */
public final class ObjectSearch {
    /** Enough to choose from in a dropdown; more means the query is too vague to be useful. */
    public static final int DEFAULT_LIMIT = 50;

    /** What a result matched, best first: the order results come in. */
    public enum Match { ID, NAME, PART_OF_ID, ATTRIBUTE }

    /**
     * One found object.
     *
     * @param objectIndex the object's scene-wide index, as {@code CityLayer.select} takes it
     * @param label       its name, or its id where it has none
     * @param detail      what matched: "id", "name", or the attribute with its value ("function: residential")
     */
    public record Result(int objectIndex, String id, String label, Match match, String detail) {
        /** As a list shows it: "House A · house-a", and the attribute where one matched. */
        public String text() {
            String text = label.equals(id) ? id : label + " · " + id;
            return match == Match.ATTRIBUTE ? text + " · " + detail : text;
        }
    }

    private static final String NAME = "name";
    /** Between attribute values in the searched text: a query (one line of a text field) never spans two. */
    private static final char SEPARATOR = '\n';

    private final List<CityObject> objects;
    private final String[] ids;
    private final String[] names;
    private final String[] values;

    public ObjectSearch(List<CityObject> objects) {
        this.objects = List.copyOf(objects);
        int count = this.objects.size();
        ids = new String[count];
        names = new String[count];
        values = new String[count];
        for (int i = 0; i < count; i++) {
            CityObject object = this.objects.get(i);
            ids[i] = lower(object.id());
            String name = object.textAttribute(NAME);
            names[i] = name == null ? null : lower(name);
            values[i] = lower(String.join(String.valueOf(SEPARATOR), AttributeRows.flatten(object.attributes()).values()));
        }
    }

    /** At most {@link #DEFAULT_LIMIT} results; none for a blank query. */
    public List<Result> find(String query) {
        return find(query, DEFAULT_LIMIT);
    }

    /** At most {@code limit} results, best matches first; none for a blank query. */
    public List<Result> find(String query, int limit) {
        String wanted = query == null ? "" : lower(query.strip());
        if (wanted.isEmpty() || limit < 1) {
            return List.of();
        }
        Match[] kinds = Match.values();
        // One pass, with a bucket per kind of match: better matches later in the model still come first.
        int[][] found = new int[kinds.length][limit];
        int[] counts = new int[kinds.length];
        for (int i = 0; i < ids.length; i++) {
            Match match = matchOf(i, wanted);
            if (match != null && counts[match.ordinal()] < limit) {
                found[match.ordinal()][counts[match.ordinal()]++] = i;
            }
        }
        List<Result> results = new ArrayList<>(limit);
        for (Match kind : kinds) {
            for (int k = 0; k < counts[kind.ordinal()] && results.size() < limit; k++) {
                results.add(result(found[kind.ordinal()][k], kind, wanted));
            }
        }
        return results;
    }

    private Match matchOf(int i, String wanted) {
        if (ids[i].equals(wanted)) {
            return Match.ID;
        }
        if (names[i] != null && names[i].contains(wanted)) {
            return Match.NAME;
        }
        if (ids[i].contains(wanted)) {
            return Match.PART_OF_ID;
        }
        return values[i].contains(wanted) ? Match.ATTRIBUTE : null;
    }

    private Result result(int index, Match match, String wanted) {
        CityObject object = objects.get(index);
        String name = object.textAttribute(NAME);
        String detail = switch (match) {
            case ID, PART_OF_ID -> "id";
            case NAME -> NAME;
            case ATTRIBUTE -> matchingAttribute(object, wanted);
        };
        return new Result(index, object.id(), name != null ? name : object.id(), match, detail);
    }

    /** Only for the few objects shown: flattening again is cheaper than keeping every object's attribute names. */
    private static String matchingAttribute(CityObject object, String wanted) {
        for (Map.Entry<String, String> attribute : AttributeRows.flatten(object.attributes()).entrySet()) {
            if (lower(attribute.getValue()).contains(wanted)) {
                return attribute.getKey() + ": " + attribute.getValue();
            }
        }
        return "attribute";
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
