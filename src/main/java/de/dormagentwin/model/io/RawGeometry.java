package de.dormagentwin.model.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import de.dormagentwin.model.primitive.DoubleList;
import de.dormagentwin.model.primitive.IntList;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A geometry as read. Nested arrays (boundaries, semantic and material values) are kept as a flat token stream,
 * because the geometry's type, which says how deep they nest, may come after them.
 */
final class RawGeometry {
    static final int OPEN = -1;
    static final int CLOSE = -2;
    static final int NULL = -3;
    static final int INVALID = -4;

    String type;
    String lod = "";
    IntList boundaries;
    List<String> semanticTypes;
    IntList semanticValues;
    IntList materialValues;
    int uniformMaterial = -1;
    int template = -1;
    double[] transformationMatrix;
    /** The texture values of each theme, by theme name in the file's order; null for an untextured geometry. */
    Map<String, IntList> textureThemes;

    static RawGeometry read(JsonParser parser) throws IOException {
        RawGeometry geometry = new RawGeometry();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "type" -> geometry.type = parser.getValueAsString();
                case "lod" -> geometry.lod = value == JsonToken.VALUE_NULL ? "" : parser.getValueAsString();
                case "boundaries" -> geometry.boundaries = tokens(parser);
                case "semantics" -> geometry.readSemantics(parser);
                case "material" -> geometry.readMaterial(parser);
                case "template" -> geometry.template = parser.getValueAsInt(-1);
                case "transformationMatrix" -> geometry.transformationMatrix = numbers(parser);
                case "texture" -> geometry.readTexture(parser);
                default -> parser.skipChildren();
            }
        }
        return geometry;
    }

    private void readSemantics(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if (field.equals("surfaces") && parser.currentToken() == JsonToken.START_ARRAY) {
                semanticTypes = new ArrayList<>();
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    Map<String, Object> surface = CityJsonReader.readMap(parser);
                    semanticTypes.add(surface.get("type") instanceof String type ? type.intern() : null);
                }
            } else if (field.equals("values")) {
                semanticValues = tokens(parser);
            } else {
                parser.skipChildren();
            }
        }
    }

    /** Reads every texture theme's values: which one is drawn is chosen for the whole file, not per geometry. */
    private void readTexture(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String theme = parser.currentName();
            parser.nextToken();
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                continue;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("values")) {
                    if (textureThemes == null) {
                        textureThemes = new LinkedHashMap<>(2);
                    }
                    textureThemes.put(theme, tokens(parser));
                } else {
                    parser.skipChildren();
                }
            }
        }
    }

    /** Reads the first material theme; a viewer draws one appearance at a time. */
    private void readMaterial(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        boolean first = true;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            parser.nextToken();
            if (!first || parser.currentToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                continue;
            }
            first = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("value")) {
                    uniformMaterial = parser.getValueAsInt(-1);
                } else if (field.equals("values")) {
                    materialValues = tokens(parser);
                } else {
                    parser.skipChildren();
                }
            }
        }
    }

    /** Flattens nested arrays of non-negative integers and nulls into tokens; anything else becomes INVALID. */
    private static IntList tokens(JsonParser parser) throws IOException {
        IntList out = new IntList(32);
        int depth = 0;
        JsonToken token = parser.currentToken();
        while (true) {
            switch (token) {
                case START_ARRAY -> {
                    out.add(OPEN);
                    depth++;
                }
                case END_ARRAY -> {
                    out.add(CLOSE);
                    depth--;
                }
                case VALUE_NUMBER_INT -> {
                    long value = parser.getLongValue();
                    out.add(value < 0 || value > Integer.MAX_VALUE ? INVALID : (int) value);
                }
                case VALUE_NULL -> out.add(NULL);
                default -> {
                    out.add(INVALID);
                    parser.skipChildren();
                }
            }
            if (depth == 0) {
                return out;
            }
            token = parser.nextToken();
            if (token == null) {
                throw new RawDocument.FormatException("unexpected end of input inside an array");
            }
        }
    }

    private static double[] numbers(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return null;
        }
        DoubleList values = new DoubleList(16);
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            values.add(parser.currentToken().isNumeric() ? parser.getDoubleValue() : Double.NaN);
        }
        double[] result = new double[values.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = values.get(i);
        }
        return result;
    }
}
