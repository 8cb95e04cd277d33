package de.dormagentwin.model.io;

import com.fasterxml.jackson.core.JsonGenerator;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.Geometry;
import de.dormagentwin.model.GeometryType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * One city object as a member of CityJSON's "CityObjects", for both of the project's writers: a CityJSONSeq line
 * ({@link CityJsonSeqWriter}) and a whole CityJSON file ({@link CityJsonWriter}), so that they write objects alike.
 *
 * <p>Geometries are written as the model holds them: surfaces of rings, with their semantic surface types. A
 * Solid is written as one shell; the model keeps no shells, so MultiSolid and CompositeSolid go out as the
 * MultiSurface of their surfaces, which draws the same. Points and lines have no surfaces and are left out.
 */
final class CityObjectJson {
    private CityObjectJson() {
    }

    /**
     * Writes {@code "id": {...}}; {@code vertexIndex} maps an index into the object's vertex array to the one the
     * written file's "vertices" holds.
     */
    static void write(JsonGenerator generator, CityObject object, IntUnaryOperator vertexIndex) throws IOException {
        generator.writeObjectFieldStart(object.id());
        generator.writeStringField("type", object.type());
        if (!object.attributes().isEmpty()) {
            generator.writeFieldName("attributes");
            generator.writeObject(object.attributes());
        }
        if (!object.parents().isEmpty()) {
            generator.writeFieldName("parents");
            generator.writeObject(object.parents());
        }
        if (!object.children().isEmpty()) {
            generator.writeFieldName("children");
            generator.writeObject(object.children());
        }
        generator.writeArrayFieldStart("geometry");
        for (Geometry geometry : object.geometries()) {
            if (geometry.type().hasSurfaces()) {
                writeGeometry(generator, geometry, vertexIndex);
            }
        }
        generator.writeEndArray();
        generator.writeEndObject();
    }

    private static void writeGeometry(JsonGenerator generator, Geometry geometry, IntUnaryOperator vertexIndex) throws IOException {
        boolean solid = geometry.type() == GeometryType.SOLID;
        String type = switch (geometry.type()) {
            case SOLID, COMPOSITE_SURFACE -> geometry.type().jsonName();
            default -> GeometryType.MULTI_SURFACE.jsonName();
        };
        generator.writeStartObject();
        generator.writeStringField("type", type);
        generator.writeStringField("lod", geometry.lod());
        generator.writeArrayFieldStart("boundaries");
        if (solid) {
            generator.writeStartArray();
        }
        for (int surface = 0; surface < geometry.surfaceCount(); surface++) {
            generator.writeStartArray();
            for (int ring = geometry.firstRing(surface); ring < geometry.endRing(surface); ring++) {
                generator.writeStartArray();
                for (int position = geometry.firstVertex(ring); position < geometry.endVertex(ring); position++) {
                    generator.writeNumber(vertexIndex.applyAsInt(geometry.vertexIndex(position)));
                }
                generator.writeEndArray();
            }
            generator.writeEndArray();
        }
        if (solid) {
            generator.writeEndArray();
        }
        generator.writeEndArray();
        writeSemantics(generator, geometry, solid);
        generator.writeEndObject();
    }

    /** Each surface type used once in "surfaces", in order of first use, and every surface's index into it. */
    private static void writeSemantics(JsonGenerator generator, Geometry geometry, boolean solid) throws IOException {
        List<String> types = new ArrayList<>(4);
        for (int surface = 0; surface < geometry.surfaceCount(); surface++) {
            String type = geometry.semanticType(surface);
            if (type != null && !types.contains(type)) {
                types.add(type);
            }
        }
        if (types.isEmpty()) {
            return;
        }
        generator.writeObjectFieldStart("semantics");
        generator.writeArrayFieldStart("surfaces");
        for (String type : types) {
            generator.writeStartObject();
            generator.writeStringField("type", type);
            generator.writeEndObject();
        }
        generator.writeEndArray();
        generator.writeArrayFieldStart("values");
        if (solid) {
            generator.writeStartArray();
        }
        for (int surface = 0; surface < geometry.surfaceCount(); surface++) {
            String type = geometry.semanticType(surface);
            if (type == null) {
                generator.writeNull();
            } else {
                generator.writeNumber(types.indexOf(type));
            }
        }
        if (solid) {
            generator.writeEndArray();
        }
        generator.writeEndArray();
        generator.writeEndObject();
    }

}
