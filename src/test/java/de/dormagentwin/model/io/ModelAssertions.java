package de.dormagentwin.model.io;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.Geometry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two models compared whole: what one reader gives must be what the other gives, to the bit and the order. */
final class ModelAssertions {
    private ModelAssertions() {
    }

    static void assertSameModel(CityModel expected, CityModel actual) {
        String file = expected.name();
        assertEquals(expected.name(), actual.name(), "name");
        assertEquals(expected.referenceSystem(), actual.referenceSystem(), file + ": referenceSystem");
        assertEquals(expected.metadata(), actual.metadata(), file + ": metadata");
        assertEquals(expected.problems(), actual.problems(), file + ": problems");
        assertEquals(expected.notes(), actual.notes(), file + ": notes");
        assertEquals(expected.skippedObjects(), actual.skippedObjects(), file + ": skipped objects");
        assertEquals(expected.vertexCount(), actual.vertexCount(), file + ": vertex count");
        for (int v = 0; v < expected.vertexCount(); v++) {
            if (Double.doubleToLongBits(expected.x(v)) != Double.doubleToLongBits(actual.x(v))
                    || Double.doubleToLongBits(expected.y(v)) != Double.doubleToLongBits(actual.y(v))
                    || Double.doubleToLongBits(expected.z(v)) != Double.doubleToLongBits(actual.z(v))) {
                assertEquals(List.of(expected.x(v), expected.y(v), expected.z(v)), List.of(actual.x(v), actual.y(v), actual.z(v)),
                        file + ": vertex " + v);
            }
        }
        assertEquals(expected.objects().stream().map(CityObject::id).toList(), actual.objects().stream().map(CityObject::id).toList(),
                file + ": object ids in order");
        for (int i = 0; i < expected.objects().size(); i++) {
            assertSameObject(file, expected.objects().get(i), actual.objects().get(i));
        }
    }

    private static void assertSameObject(String file, CityObject expected, CityObject actual) {
        String where = file + ": object " + expected.id();
        assertEquals(expected.type(), actual.type(), where + ": type");
        assertEquals(expected.parents(), actual.parents(), where + ": parents");
        assertEquals(expected.children(), actual.children(), where + ": children");
        assertEquals(typed(expected.attributes()), typed(actual.attributes()), where + ": attributes, their order and value types");
        assertEquals(expected.geometries().size(), actual.geometries().size(), where + ": geometries");
        for (int g = 0; g < expected.geometries().size(); g++) {
            assertSameGeometry(where + ": geometry " + g, expected.geometries().get(g), actual.geometries().get(g));
        }
    }

    /** Each attribute as name, value and the value's class, in the map's order, nested maps and lists alike. */
    private static List<Object> typed(Object value) {
        List<Object> out = new ArrayList<>();
        switch (value) {
            case Map<?, ?> map -> map.forEach((key, member) -> {
                out.add(key);
                out.add(typed(member));
            });
            case List<?> list -> list.forEach(member -> out.add(typed(member)));
            case null -> out.add(null);
            default -> {
                out.add(value);
                out.add(value.getClass());
            }
        }
        return out;
    }

    private static void assertSameGeometry(String where, Geometry expected, Geometry actual) {
        assertEquals(expected.type(), actual.type(), where + ": type");
        assertEquals(expected.lod(), actual.lod(), where + ": lod");
        assertEquals(expected.surfaceCount(), actual.surfaceCount(), where + ": surfaces");
        assertEquals(expected.vertexIndexCount(), actual.vertexIndexCount(), where + ": vertex indices");
        for (int s = 0; s < expected.surfaceCount(); s++) {
            assertEquals(expected.firstRing(s), actual.firstRing(s), where + ": first ring of surface " + s);
            assertEquals(expected.endRing(s), actual.endRing(s), where + ": end ring of surface " + s);
            assertEquals(expected.semanticType(s), actual.semanticType(s), where + ": semantic type of surface " + s);
            assertEquals(expected.surfaceColor(s), actual.surfaceColor(s), where + ": colour of surface " + s);
        }
        int rings = expected.surfaceCount() == 0 ? 0 : expected.endRing(expected.surfaceCount() - 1);
        for (int r = 0; r < rings; r++) {
            assertEquals(expected.firstVertex(r), actual.firstVertex(r), where + ": first vertex of ring " + r);
            assertEquals(expected.endVertex(r), actual.endVertex(r), where + ": end vertex of ring " + r);
        }
        for (int p = 0; p < expected.vertexIndexCount(); p++) {
            if (expected.vertexIndex(p) != actual.vertexIndex(p)) {
                assertEquals(expected.vertexIndex(p), actual.vertexIndex(p), where + ": vertex index " + p);
            }
        }
    }
}
