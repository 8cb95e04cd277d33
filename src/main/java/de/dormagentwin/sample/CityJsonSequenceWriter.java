package de.dormagentwin.sample;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import de.dormagentwin.sample.CityObjectRecord.Geometry;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Streams a CityJSONSeq file (CityJSON 2.0 text sequence): a header line with the transform
 * and metadata, then one CityJSONFeature per line with its own, feature-local vertex list.
 *
 * <p>Vertices are quantised to integers with the header's transform, so a coordinate's
 * string form never depends on floating-point printing and files stay byte-identical.
 */
final class CityJsonSequenceWriter implements Closeable {

    static final double SCALE_METRES = 0.001;

    private final JsonGenerator generator;
    private final double translateEasting;
    private final double translateNorthing;
    private final double translateHeight;
    private int[] featureVertices = new int[3 * 256];
    private int featureVertexCount;

    /**
     * @param output receives UTF-8 text; it is flushed but not closed by {@link #close()}
     * @param translate the {easting, northing, height} the integer vertices are relative to
     */
    CityJsonSequenceWriter(OutputStream output, double[] translate) throws IOException {
        JsonFactory factory = JsonFactory.builder().build();
        generator = factory.createGenerator(output, JsonEncoding.UTF8);
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        // The default separator between root values is a space; lines are ended explicitly.
        generator.setPrettyPrinter(new MinimalPrettyPrinter(""));
        translateEasting = translate[0];
        translateNorthing = translate[1];
        translateHeight = translate[2];
    }

    /** Writes the first line: the CityJSON object with transform and metadata, and no objects. */
    void writeHeader(Map<String, Object> metadata) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("type", "CityJSON");
        generator.writeStringField("version", "2.0");
        generator.writeObjectFieldStart("transform");
        generator.writeArrayFieldStart("scale");
        generator.writeNumber(SCALE_METRES);
        generator.writeNumber(SCALE_METRES);
        generator.writeNumber(SCALE_METRES);
        generator.writeEndArray();
        generator.writeArrayFieldStart("translate");
        generator.writeNumber(translateEasting);
        generator.writeNumber(translateNorthing);
        generator.writeNumber(translateHeight);
        generator.writeEndArray();
        generator.writeEndObject();
        generator.writeObjectFieldStart("CityObjects");
        generator.writeEndObject();
        generator.writeArrayFieldStart("vertices");
        generator.writeEndArray();
        generator.writeFieldName("metadata");
        writeValue(metadata);
        generator.writeEndObject();
        endLine();
    }

    /** Writes one CityJSONFeature line holding a single city object. */
    void writeFeature(CityObjectRecord object) throws IOException {
        featureVertexCount = 0;
        generator.writeStartObject();
        generator.writeStringField("type", "CityJSONFeature");
        generator.writeStringField("id", object.id());
        generator.writeObjectFieldStart("CityObjects");
        generator.writeObjectFieldStart(object.id());
        generator.writeStringField("type", object.type());
        if (!object.attributes().isEmpty()) {
            generator.writeFieldName("attributes");
            writeValue(object.attributes());
        }
        generator.writeArrayFieldStart("geometry");
        for (Geometry geometry : object.geometries()) {
            writeGeometry(geometry);
        }
        generator.writeEndArray();
        generator.writeEndObject();
        generator.writeEndObject();
        generator.writeArrayFieldStart("vertices");
        for (int vertex = 0; vertex < featureVertexCount; vertex++) {
            generator.writeArray(featureVertices, 3 * vertex, 3);
        }
        generator.writeEndArray();
        generator.writeEndObject();
        endLine();
    }

    private void writeGeometry(Geometry geometry) throws IOException {
        Mesh mesh = geometry.mesh();
        int firstVertex = appendVertices(mesh);
        boolean solid = geometry.type() == CityObjectRecord.GeometryType.SOLID;

        generator.writeStartObject();
        generator.writeStringField("type", geometry.type().cityJsonName());
        generator.writeStringField("lod", geometry.levelOfDetail());
        generator.writeArrayFieldStart("boundaries");
        if (solid) {
            generator.writeStartArray();
        }
        for (Mesh.Face face : mesh.faces()) {
            generator.writeStartArray();
            generator.writeStartArray();
            for (int vertex : face.ring()) {
                generator.writeNumber(firstVertex + vertex);
            }
            generator.writeEndArray();
            generator.writeEndArray();
        }
        if (solid) {
            generator.writeEndArray();
        }
        generator.writeEndArray();
        if (mesh.hasSemantics()) {
            writeSemantics(mesh, solid);
        }
        generator.writeEndObject();
    }

    /** Lists each used surface type once, in order of first use, and points every face at it. */
    private void writeSemantics(Mesh mesh, boolean solid) throws IOException {
        List<SurfaceType> used = new ArrayList<>(SurfaceType.values().length);
        for (Mesh.Face face : mesh.faces()) {
            if (face.surfaceType() != null && !used.contains(face.surfaceType())) {
                used.add(face.surfaceType());
            }
        }
        generator.writeObjectFieldStart("semantics");
        generator.writeArrayFieldStart("surfaces");
        for (SurfaceType surfaceType : used) {
            generator.writeStartObject();
            generator.writeStringField("type", surfaceType.cityJsonName());
            generator.writeEndObject();
        }
        generator.writeEndArray();
        generator.writeArrayFieldStart("values");
        if (solid) {
            generator.writeStartArray();
        }
        for (Mesh.Face face : mesh.faces()) {
            if (face.surfaceType() == null) {
                generator.writeNull();
            } else {
                generator.writeNumber(used.indexOf(face.surfaceType()));
            }
        }
        if (solid) {
            generator.writeEndArray();
        }
        generator.writeEndArray();
        generator.writeEndObject();
    }

    private int appendVertices(Mesh mesh) {
        int firstVertex = featureVertexCount;
        int needed = 3 * (featureVertexCount + mesh.vertexCount());
        if (needed > featureVertices.length) {
            featureVertices = Arrays.copyOf(featureVertices, Math.max(needed, 2 * featureVertices.length));
        }
        for (int vertex = 0; vertex < mesh.vertexCount(); vertex++) {
            int offset = 3 * featureVertexCount++;
            featureVertices[offset] = quantise(mesh.easting(vertex) - translateEasting);
            featureVertices[offset + 1] = quantise(mesh.northing(vertex) - translateNorthing);
            featureVertices[offset + 2] = quantise(mesh.height(vertex) - translateHeight);
        }
        return firstVertex;
    }

    private static int quantise(double metres) {
        return Math.toIntExact(Math.round(metres / SCALE_METRES));
    }

    /** Writes attribute and metadata values: strings, numbers, booleans, maps, lists and number arrays. */
    private void writeValue(Object value) throws IOException {
        switch (value) {
            case String text -> generator.writeString(text);
            case Integer number -> generator.writeNumber(number);
            case Long number -> generator.writeNumber(number);
            case Double number -> generator.writeNumber(number);
            case Boolean flag -> generator.writeBoolean(flag);
            case double[] numbers -> generator.writeArray(numbers, 0, numbers.length);
            case Map<?, ?> map -> {
                generator.writeStartObject();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    generator.writeFieldName((String) entry.getKey());
                    writeValue(entry.getValue());
                }
                generator.writeEndObject();
            }
            case List<?> list -> {
                generator.writeStartArray();
                for (Object element : list) {
                    writeValue(element);
                }
                generator.writeEndArray();
            }
            default -> throw new IllegalArgumentException("Unsupported value type: " + value.getClass());
        }
    }

    private void endLine() throws IOException {
        generator.writeRaw('\n');
    }

    @Override
    public void close() throws IOException {
        generator.close();
    }
}
