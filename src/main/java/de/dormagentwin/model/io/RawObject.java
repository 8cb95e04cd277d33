package de.dormagentwin.model.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.Geometry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A city object as read: its geometry is still raw until the document's vertices are known.
 *
 * @param problem why the object cannot be used (its {@code type} is not a string), or null; it is reported and the
 *                object skipped when converted, so the rest of its document still loads
 */
record RawObject(String id, String type, Map<String, Object> attributes, List<String> parents, List<String> children,
                 List<RawGeometry> geometries, String problem) {

    static RawObject read(JsonParser parser, String id) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new RawDocument.FormatException("object `" + id + "` must be a JSON object");
        }
        String type = null;
        String problem = null;
        Map<String, Object> attributes = new LinkedHashMap<>();
        List<String> parents = List.of();
        List<String> children = List.of();
        List<RawGeometry> geometries = new ArrayList<>(2);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "type" -> {
                    try {
                        type = RawDocument.typeName(parser, "type");
                    } catch (RawDocument.FormatException e) {
                        problem = e.getMessage();
                    }
                }
                case "attributes" -> {
                    if (value == JsonToken.START_OBJECT) {
                        attributes.putAll(CityJsonReader.readMap(parser));
                    } else {
                        parser.skipChildren();
                    }
                }
                case "parents" -> parents = strings(parser);
                case "children" -> children = strings(parser);
                case "geometry" -> {
                    if (value == JsonToken.START_ARRAY) {
                        while (parser.nextToken() == JsonToken.START_OBJECT) {
                            geometries.add(RawGeometry.read(parser));
                        }
                    } else {
                        parser.skipChildren();
                    }
                }
                case "geographicalExtent" -> parser.skipChildren();
                // Other members (address, extension properties) are kept with the attributes, so nothing a
                // user may want to see is dropped.
                default -> attributes.put(field, parser.readValueAs(Object.class));
            }
        }
        return new RawObject(id, type == null ? "GenericCityObject" : type, attributes, parents, children, geometries, problem);
    }

    private static List<String> strings(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return List.of();
        }
        List<String> values = new ArrayList<>(2);
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            values.add(parser.getValueAsString());
        }
        return values;
    }

    CityObject toCityObject(GeometryBuilder builder) throws GeometryBuilder.GeometryException {
        if (problem != null) {
            throw new GeometryBuilder.GeometryException(problem);
        }
        List<Geometry> built = new ArrayList<>(geometries.size());
        for (RawGeometry geometry : geometries) {
            built.add(builder.build(geometry));
        }
        return new CityObject(id, type, attributes, parents, children, List.copyOf(built));
    }
}
