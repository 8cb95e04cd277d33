package de.dormagentwin.ui;

import de.dormagentwin.model.CityObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ObjectSearchTest {
    private static CityObject object(String id, Map<String, Object> attributes) {
        return new CityObject(id, "Building", attributes, List.of(), List.of(), List.of());
    }

    /** Scrambled on purpose: the better matches stand after the worse ones in the model. */
    private static final List<CityObject> TOWN = List.of(
            object("shed-1", Map.of("usage", "Boathouse", "function", "storage")),
            object("lighthouse-7", Map.of()),
            object("DENW-2", Map.of("name", "Greenhouse")),
            object("DENW-1", Map.of("name", "House A", "address", Map.of("street", "Kölner Straße", "number", 12))),
            object("rathaus", Map.of("name", "Neues Rathaus", "function", "administration")),
            object("House", Map.of("function", "residential")));

    private static List<String> ids(List<ObjectSearch.Result> results) {
        return results.stream().map(ObjectSearch.Result::id).toList();
    }

    @Test
    void anExactIdComesFirstThenNamesThenOtherIdsThenAttributes() {
        List<ObjectSearch.Result> found = new ObjectSearch(TOWN).find("house");
        assertEquals(List.of("House", "DENW-2", "DENW-1", "lighthouse-7", "shed-1"), ids(found));
        assertEquals(List.of(ObjectSearch.Match.ID, ObjectSearch.Match.NAME, ObjectSearch.Match.NAME, ObjectSearch.Match.PART_OF_ID,
                ObjectSearch.Match.ATTRIBUTE), found.stream().map(ObjectSearch.Result::match).toList());
        assertEquals(5, found.get(0).objectIndex(), "the index into the model's objects, for selecting");
    }

    @Test
    void matchingIgnoresCaseAndTheQuerysSurroundingSpace() {
        assertEquals(List.of("rathaus"), ids(new ObjectSearch(TOWN).find("  NEUES rat ")));
    }

    @Test
    void anAttributeMatchSaysWhichAttributeWithNestedNamesDotted() {
        ObjectSearch.Result found = new ObjectSearch(TOWN).find("kölner").get(0);
        assertEquals("DENW-1", found.id());
        assertEquals("House A", found.label());
        assertEquals("address.street: Kölner Straße", found.detail());
        assertEquals("House A · DENW-1 · address.street: Kölner Straße", found.text());
        assertEquals("lighthouse-7", new ObjectSearch(TOWN).find("lighthouse").get(0).text(), "no name: the id alone");
    }

    @Test
    void resultsAreCappedButABetterMatchLateInTheModelStillComesFirst() {
        List<CityObject> boxes = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            boxes.add(object("box-" + i, Map.of("name", "Box " + i)));
        }
        boxes.add(object("box", Map.of()));
        ObjectSearch search = new ObjectSearch(boxes);
        List<ObjectSearch.Result> found = search.find("box");
        assertEquals(ObjectSearch.DEFAULT_LIMIT, found.size());
        assertEquals("box", found.get(0).id());
        assertEquals("box-0", found.get(1).id());
        assertEquals(10, search.find("box", 10).size());
    }

    @Test
    void aBlankQueryFindsNothing() {
        ObjectSearch search = new ObjectSearch(TOWN);
        assertEquals(List.of(), search.find("   "));
        assertEquals(List.of(), search.find(null));
        assertEquals(List.of(), search.find("nowhere"));
    }
}
