package de.dormagentwin.model.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.Geometry;
import de.dormagentwin.model.geo.Crs;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes city models as one CityJSON 2.0 file: the objects as {@link CityObjectJson} writes them for CityJSONSeq too,
 * and only the vertices they use, as integers in millimetres from the whole metre below their least corner. The
 * models must share one CRS (the loader brings a second file into the first one's); the first model's is written.
 */
public final class CityJsonWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CityJsonWriter() {
    }

    /** Writes UTF-8 to {@code out}, which stays open. Of two objects with one id, the first is written. */
    public static void write(OutputStream out, List<CityModel> models) throws IOException {
        int[][] newIndex = new int[models.size()][];
        int used = 0;
        double[] extent = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        // First pass: which vertices the written geometries use, numbered in order of first use.
        for (int m = 0; m < models.size(); m++) {
            CityModel model = models.get(m);
            int[] index = new int[model.vertexCount()];
            Arrays.fill(index, -1);
            newIndex[m] = index;
            for (CityObject object : model.objects()) {
                for (Geometry geometry : object.geometries()) {
                    if (!geometry.type().hasSurfaces()) {
                        continue;
                    }
                    for (int position = 0; position < geometry.vertexIndexCount(); position++) {
                        int vertex = geometry.vertexIndex(position);
                        if (index[vertex] < 0) {
                            index[vertex] = used++;
                            double[] xyz = {model.x(vertex), model.y(vertex), model.z(vertex)};
                            for (int axis = 0; axis < 3; axis++) {
                                extent[axis] = Math.min(extent[axis], xyz[axis]);
                                extent[axis + 3] = Math.max(extent[axis + 3], xyz[axis]);
                            }
                        }
                    }
                }
            }
        }
        double[] translate = used == 0 ? new double[3]
                : new double[]{Math.floor(extent[0]), Math.floor(extent[1]), Math.floor(extent[2])};
        try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out)) {
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            generator.writeStartObject();
            generator.writeStringField("type", "CityJSON");
            generator.writeStringField("version", "2.0");
            Map<String, Object> transform = new LinkedHashMap<>();
            transform.put("scale", List.of(CityJsonSeqWriter.SCALE_METRES, CityJsonSeqWriter.SCALE_METRES, CityJsonSeqWriter.SCALE_METRES));
            transform.put("translate", List.of(translate[0], translate[1], translate[2]));
            generator.writeObjectField("transform", transform);
            generator.writeObjectField("metadata", metadata(models, used == 0 ? null : extent));
            generator.writeObjectFieldStart("CityObjects");
            Set<String> written = new HashSet<>();
            for (int m = 0; m < models.size(); m++) {
                int[] index = newIndex[m];
                for (CityObject object : models.get(m).objects()) {
                    if (written.add(object.id())) {
                        CityObjectJson.write(generator, object, vertex -> index[vertex]);
                    }
                }
            }
            generator.writeEndObject();
            writeVertices(generator, models, newIndex, used, translate);
            generator.writeEndObject();
        }
    }

    private static Map<String, Object> metadata(List<CityModel> models, double[] extent) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        String referenceSystem = models.isEmpty() ? null : models.get(0).referenceSystem();
        if (referenceSystem != null) {
            Crs crs = Crs.parse(referenceSystem);
            // CityJSON 2.0 names a CRS by its OGC URL; CityGML's URNs and AdV's names are written as that.
            metadata.put("referenceSystem", crs != null ? crs.url() : referenceSystem);
        }
        if (extent != null) {
            metadata.put("geographicalExtent", Arrays.stream(extent).boxed().toList());
        }
        return metadata;
    }

    private static void writeVertices(JsonGenerator generator, List<CityModel> models, int[][] newIndex, int used, double[] translate)
            throws IOException {
        long[] millimetres = new long[used * 3];
        for (int m = 0; m < models.size(); m++) {
            CityModel model = models.get(m);
            int[] index = newIndex[m];
            for (int vertex = 0; vertex < index.length; vertex++) {
                if (index[vertex] >= 0) {
                    millimetres[index[vertex] * 3] = Math.round((model.x(vertex) - translate[0]) / CityJsonSeqWriter.SCALE_METRES);
                    millimetres[index[vertex] * 3 + 1] = Math.round((model.y(vertex) - translate[1]) / CityJsonSeqWriter.SCALE_METRES);
                    millimetres[index[vertex] * 3 + 2] = Math.round((model.z(vertex) - translate[2]) / CityJsonSeqWriter.SCALE_METRES);
                }
            }
        }
        generator.writeArrayFieldStart("vertices");
        for (int v = 0; v < used; v++) {
            generator.writeStartArray();
            generator.writeNumber(millimetres[v * 3]);
            generator.writeNumber(millimetres[v * 3 + 1]);
            generator.writeNumber(millimetres[v * 3 + 2]);
            generator.writeEndArray();
        }
        generator.writeEndArray();
    }
}
