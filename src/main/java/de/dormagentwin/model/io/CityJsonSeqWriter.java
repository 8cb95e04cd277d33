package de.dormagentwin.model.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.dormagentwin.model.CityObject;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes CityJSONSeq (CityJSON 2.0 text sequences): a header line with the transform and metadata, then one
 * CityJSONFeature a line, as features arrive from a streaming reader, so converting a tile never holds more than one
 * building. Vertices are written as integers in millimetres from the header's translate.
 *
 * <p>Objects are written by {@link CityObjectJson}, which says how geometries go out.
 */
public final class CityJsonSeqWriter implements Closeable {
    public static final double SCALE_METRES = 0.001;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonGenerator generator;
    private double[] translate;

    /** Writes UTF-8 to {@code out}, which {@link #close()} closes. */
    public CityJsonSeqWriter(OutputStream out) throws IOException {
        generator = MAPPER.getFactory().createGenerator(out);
        generator.setPrettyPrinter(new MinimalPrettyPrinter(""));
    }

    /**
     * The first line. {@code translate} is subtracted from every coordinate before it is written in millimetres: a
     * corner of the area keeps the integers small. {@code metadata} goes out as it is, with referenceSystem added.
     */
    public void writeHeader(double[] translate, String referenceSystem, Map<String, Object> metadata) throws IOException {
        this.translate = translate.clone();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("type", "CityJSON");
        header.put("version", "2.0");
        // In this order, every time: Map.of's order changes from run to run, and the output must not.
        Map<String, Object> transform = new LinkedHashMap<>();
        transform.put("scale", List.of(SCALE_METRES, SCALE_METRES, SCALE_METRES));
        transform.put("translate", List.of(translate[0], translate[1], translate[2]));
        header.put("transform", transform);
        header.put("CityObjects", Map.of());
        header.put("vertices", List.of());
        Map<String, Object> allMetadata = new LinkedHashMap<>(metadata);
        if (referenceSystem != null) {
            allMetadata.put("referenceSystem", referenceSystem);
        }
        header.put("metadata", allMetadata);
        generator.writeObject(header);
        endLine();
    }

    public boolean headerWritten() {
        return translate != null;
    }

    /** One CityJSONFeature: the feature's objects, its root first, and the vertices they use. */
    public void write(CityFeature feature) throws IOException {
        if (translate == null) {
            throw new IllegalStateException("the header must be written before the first feature");
        }
        generator.writeStartObject();
        generator.writeStringField("type", "CityJSONFeature");
        generator.writeStringField("id", feature.root().id());
        generator.writeObjectFieldStart("CityObjects");
        for (CityObject object : feature.objects()) {
            CityObjectJson.write(generator, object, vertex -> vertex);
        }
        generator.writeEndObject();
        generator.writeArrayFieldStart("vertices");
        double[] vertices = feature.vertices();
        for (int v = 0; v < feature.vertexCount(); v++) {
            generator.writeStartArray();
            for (int axis = 0; axis < 3; axis++) {
                generator.writeNumber(Math.round((vertices[v * 3 + axis] - translate[axis]) / SCALE_METRES));
            }
            generator.writeEndArray();
        }
        generator.writeEndArray();
        generator.writeEndObject();
        endLine();
    }

    private void endLine() throws IOException {
        generator.writeRaw('\n');
    }

    @Override
    public void close() throws IOException {
        generator.close();
    }
}
