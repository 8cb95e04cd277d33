package de.dormagentwin.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A CityJSONSeq text parsed line by line, for tests: the header and each feature's objects. */
final class CityJsonSequence {

    /** One city object with the vertex list of the feature it came in, already in metres. */
    record CityObject(String id, JsonNode json, double[][] vertices) {

        String type() {
            return json.get("type").asText();
        }

        JsonNode attributes() {
            return json.path("attributes");
        }

        String attribute(String name) {
            return attributes().path(name).asText(null);
        }

        List<JsonNode> geometries() {
            List<JsonNode> geometries = new ArrayList<>();
            json.path("geometry").forEach(geometries::add);
            return geometries;
        }

        /** Every ring of every surface of every geometry, as vertex indices. */
        List<int[]> rings() {
            List<int[]> rings = new ArrayList<>();
            for (JsonNode geometry : geometries()) {
                for (JsonNode surface : surfaces(geometry)) {
                    for (JsonNode ring : surface) {
                        rings.add(indices(ring));
                    }
                }
            }
            return rings;
        }

        /** The vertices this object's rings use. */
        List<double[]> usedVertices() {
            List<double[]> used = new ArrayList<>();
            for (int[] ring : rings()) {
                for (int index : ring) {
                    used.add(vertices[index]);
                }
            }
            return used;
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    final JsonNode header;
    final List<JsonNode> features = new ArrayList<>();
    final List<CityObject> objects = new ArrayList<>();

    CityJsonSequence(byte[] content) throws IOException {
        String[] lines = new String(content, StandardCharsets.UTF_8).split("\n");
        header = MAPPER.readTree(lines[0]);
        JsonNode transform = header.get("transform");
        double[] scale = new double[3];
        double[] translate = new double[3];
        for (int axis = 0; axis < 3; axis++) {
            scale[axis] = transform.get("scale").get(axis).asDouble();
            translate[axis] = transform.get("translate").get(axis).asDouble();
        }
        for (int line = 1; line < lines.length; line++) {
            JsonNode feature = MAPPER.readTree(lines[line]);
            features.add(feature);
            JsonNode vertexList = feature.get("vertices");
            double[][] vertices = new double[vertexList.size()][3];
            for (int vertex = 0; vertex < vertices.length; vertex++) {
                for (int axis = 0; axis < 3; axis++) {
                    vertices[vertex][axis] = vertexList.get(vertex).get(axis).asLong() * scale[axis] + translate[axis];
                }
            }
            for (Map.Entry<String, JsonNode> entry : feature.get("CityObjects").properties()) {
                objects.add(new CityObject(entry.getKey(), entry.getValue(), vertices));
            }
        }
    }

    /** The surfaces of a Solid's outer shell or of a MultiSurface; each surface is a list of rings. */
    static List<JsonNode> surfaces(JsonNode geometry) {
        JsonNode boundaries = geometry.get("boundaries");
        List<JsonNode> surfaces = new ArrayList<>();
        if (geometry.get("type").asText().equals("Solid")) {
            boundaries.forEach(shell -> shell.forEach(surfaces::add));
        } else {
            boundaries.forEach(surfaces::add);
        }
        return surfaces;
    }

    static int[] indices(JsonNode ring) {
        int[] indices = new int[ring.size()];
        for (int index = 0; index < indices.length; index++) {
            indices[index] = ring.get(index).asInt();
        }
        return indices;
    }

    static double[][] plan(double[][] vertices, int[] ring) {
        double[][] points = new double[ring.length][];
        for (int index = 0; index < ring.length; index++) {
            points[index] = new double[] {vertices[ring[index]][0], vertices[ring[index]][1]};
        }
        return points;
    }
}
