package de.dormagentwin.model.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import de.dormagentwin.model.primitive.DoubleList;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One root value of a CityJSON file or sequence (the document, the header, or one feature) as read, before
 * its vertices are transformed and its geometry is resolved.
 */
final class RawDocument {
    String type;
    String id;
    double[] scale;
    double[] translate;
    Map<String, Object> metadata;
    final Map<String, RawObject> objects = new LinkedHashMap<>();
    final DoubleList vertices = new DoubleList(64);
    List<Integer> materials;
    /** The appearance's texture images as the file names them, by texture index; null without textures. */
    List<String> textureImages;
    /** u, v per texture vertex; null without them. */
    DoubleList textureVertices;
    List<RawGeometry> templates;
    DoubleList templateVertices;

    /** A root value whose structure is wrong (not an object, a vertex that is not three numbers, ...). */
    static final class FormatException extends IOException {
        private static final long serialVersionUID = 1L;

        FormatException(String message) {
            super(message);
        }
    }

    String referenceSystem() {
        return metadata != null && metadata.get("referenceSystem") instanceof String crs ? crs : null;
    }

    /** Reads the value at the parser's current token. */
    static RawDocument read(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new FormatException("expected a JSON object at line " + parser.currentLocation().getLineNr()
                    + ", found " + parser.currentToken());
        }
        RawDocument document = new RawDocument();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "type" -> document.type = typeName(parser, "type");
                case "id" -> document.id = parser.getValueAsString();
                case "transform" -> document.readTransform(parser);
                case "metadata" -> document.metadata = value == JsonToken.START_OBJECT ? CityJsonReader.readMap(parser) : null;
                case "CityObjects" -> document.readObjects(parser);
                case "vertices" -> readVertices(parser, document.vertices, "vertices");
                case "appearance" -> document.readAppearance(parser);
                case "geometry-templates" -> document.readTemplates(parser);
                default -> parser.skipChildren();
            }
        }
        return document;
    }

    /** A {@code type} member's text; a number, array or object there is a broken file, not a type named "1". */
    static String typeName(JsonParser parser, String where) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            JsonToken found = parser.currentToken();
            parser.skipChildren();
            throw new FormatException(where + " must be a string, not " + describe(found) + " (line " + parser.currentLocation().getLineNr() + ")");
        }
        return parser.getText();
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> String.valueOf(token);
        };
    }

    private void readTransform(JsonParser parser) throws IOException {
        Map<String, Object> transform = CityJsonReader.readMap(parser);
        scale = triple(transform.get("scale"), "transform.scale");
        translate = triple(transform.get("translate"), "transform.translate");
        if (scale == null || translate == null) {
            scale = null;
            translate = null;
        }
    }

    private static double[] triple(Object value, String name) throws FormatException {
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list) || list.size() != 3) {
            throw new FormatException(name + " must be an array of three numbers");
        }
        double[] result = new double[3];
        for (int i = 0; i < 3; i++) {
            if (!(list.get(i) instanceof Number number)) {
                throw new FormatException(name + " must be an array of three numbers");
            }
            result[i] = number.doubleValue();
            // 1e400 reads as Infinity; a zero scale would fold every vertex onto one point.
            if (!Double.isFinite(result[i]) || name.endsWith("scale") && result[i] == 0) {
                throw new FormatException(name + " must be three finite numbers" + (name.endsWith("scale") ? " other than 0" : "")
                        + ", not " + list);
            }
        }
        return result;
    }

    private void readObjects(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new FormatException("CityObjects must be a JSON object");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String objectId = parser.currentName();
            parser.nextToken();
            objects.put(objectId, RawObject.read(parser, objectId));
        }
    }

    static void readVertices(JsonParser parser, DoubleList out, String name) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new FormatException(name + " must be an array");
        }
        while (parser.nextToken() == JsonToken.START_ARRAY) {
            int axes = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (!parser.currentToken().isNumeric() || axes == 3) {
                    throw new FormatException(name + "[" + (out.size() / 3) + "] must be three numbers (line "
                            + parser.currentLocation().getLineNr() + ")");
                }
                out.add(parser.getDoubleValue());
                axes++;
            }
            if (axes != 3) {
                throw new FormatException(name + "[" + (out.size() / 3) + "] must be three numbers (line "
                        + parser.currentLocation().getLineNr() + ")");
            }
        }
        if (parser.currentToken() != JsonToken.END_ARRAY) {
            throw new FormatException(name + " must be an array of [x, y, z] arrays");
        }
    }

    private void readAppearance(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if (field.equals("materials") && parser.currentToken() == JsonToken.START_ARRAY) {
                materials = new ArrayList<>();
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    materials.add(diffuseColor(CityJsonReader.readMap(parser)));
                }
            } else if (field.equals("textures") && parser.currentToken() == JsonToken.START_ARRAY) {
                textureImages = new ArrayList<>();
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    textureImages.add(CityJsonReader.readMap(parser).get("image") instanceof String image ? image : null);
                }
            } else if (field.equals("vertices-texture") && parser.currentToken() == JsonToken.START_ARRAY) {
                textureVertices = readTextureVertices(parser);
            } else {
                parser.skipChildren();
            }
        }
    }

    /** [u, v] pairs; one that is not two numbers becomes NaN, NaN, so that the surfaces using it are drawn untextured. */
    private static DoubleList readTextureVertices(JsonParser parser) throws IOException {
        DoubleList uv = new DoubleList(64);
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                parser.skipChildren();
                uv.add(Double.NaN);
                uv.add(Double.NaN);
                continue;
            }
            double[] pair = {Double.NaN, Double.NaN};
            int count = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (count < 2 && parser.currentToken().isNumeric()) {
                    pair[count] = parser.getDoubleValue();
                } else {
                    parser.skipChildren();
                }
                count++;
            }
            boolean good = count == 2 && Double.isFinite(pair[0]) && Double.isFinite(pair[1]);
            uv.add(good ? pair[0] : Double.NaN);
            uv.add(good ? pair[1] : Double.NaN);
        }
        return uv;
    }

    /** The material's diffuse colour as opaque ARGB, or 0 when it has none. */
    private static int diffuseColor(Map<String, Object> material) {
        if (material.get("diffuseColor") instanceof List<?> rgb && rgb.size() == 3
                && rgb.stream().allMatch(Number.class::isInstance)) {
            int argb = 0xFF000000;
            for (int i = 0; i < 3; i++) {
                double channel = Math.max(0, Math.min(1, ((Number) rgb.get(i)).doubleValue()));
                argb |= (int) Math.round(channel * 255) << (16 - 8 * i);
            }
            return argb;
        }
        return 0;
    }

    private void readTemplates(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new FormatException("geometry-templates must be a JSON object");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if (field.equals("templates") && parser.currentToken() == JsonToken.START_ARRAY) {
                templates = new ArrayList<>();
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    templates.add(RawGeometry.read(parser));
                }
            } else if (field.equals("vertices-templates")) {
                templateVertices = new DoubleList(64);
                readVertices(parser, templateVertices, "vertices-templates");
            } else {
                parser.skipChildren();
            }
        }
    }
}
