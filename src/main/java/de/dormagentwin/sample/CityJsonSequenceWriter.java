package de.dormagentwin.sample;

import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.Geometry;
import de.dormagentwin.model.GeometryType;
import de.dormagentwin.model.io.CityFeature;
import de.dormagentwin.model.io.CityJsonSeqWriter;

import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The generator's records as CityJSONSeq, through the one writer the project has ({@link CityJsonSeqWriter}, which
 * {@code import} writes with too): each record becomes a feature of one object, its meshes' faces surfaces of one
 * ring each, their vertices the feature's own. Vertices are quantised with the header's transform, so a coordinate's
 * text never depends on floating-point printing and the sample stays byte-identical (SampleAssetTest).
 */
final class CityJsonSequenceWriter implements Closeable {
    private final CityJsonSeqWriter writer;
    private final double[] translate;

    /**
     * @param output receives UTF-8 text; it is flushed but not closed by {@link #close()}
     * @param translate the {easting, northing, height} the integer vertices are relative to
     */
    CityJsonSequenceWriter(OutputStream output, double[] translate) throws IOException {
        this.translate = translate.clone();
        writer = new CityJsonSeqWriter(new FilterOutputStream(output) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        });
    }

    /** Writes the first line: the CityJSON object with transform and metadata, and no objects. */
    void writeHeader(Map<String, Object> metadata) throws IOException {
        writer.writeHeader(translate, null, metadata);
    }

    /** Writes one CityJSONFeature line holding a single city object. */
    void writeFeature(CityObjectRecord object) throws IOException {
        int vertexCount = object.geometries().stream().mapToInt(geometry -> geometry.mesh().vertexCount()).sum();
        double[] vertices = new double[vertexCount * 3];
        List<Geometry> geometries = new ArrayList<>(object.geometries().size());
        int firstVertex = 0;
        for (CityObjectRecord.Geometry geometry : object.geometries()) {
            Mesh mesh = geometry.mesh();
            for (int vertex = 0; vertex < mesh.vertexCount(); vertex++) {
                vertices[(firstVertex + vertex) * 3] = mesh.easting(vertex);
                vertices[(firstVertex + vertex) * 3 + 1] = mesh.northing(vertex);
                vertices[(firstVertex + vertex) * 3 + 2] = mesh.height(vertex);
            }
            geometries.add(geometry(geometry, firstVertex));
            firstVertex += mesh.vertexCount();
        }
        CityObject city = new CityObject(object.id(), object.type(), object.attributes(), List.of(), List.of(), geometries);
        writer.write(new CityFeature(List.of(city), vertices, vertexCount));
    }

    /** A mesh as the model's geometry: a surface of one ring per face, its vertices numbered on from {@code firstVertex}. */
    private static Geometry geometry(CityObjectRecord.Geometry geometry, int firstVertex) {
        List<Mesh.Face> faces = geometry.mesh().faces();
        int[] surfaceRingStart = new int[faces.size() + 1];
        int[] ringVertexStart = new int[faces.size() + 1];
        int positions = faces.stream().mapToInt(face -> face.ring().length).sum();
        int[] vertexIndices = new int[positions];
        String[] semanticTypes = new String[faces.size()];
        int position = 0;
        for (int face = 0; face < faces.size(); face++) {
            surfaceRingStart[face + 1] = face + 1;
            for (int vertex : faces.get(face).ring()) {
                vertexIndices[position++] = firstVertex + vertex;
            }
            ringVertexStart[face + 1] = position;
            SurfaceType type = faces.get(face).surfaceType();
            semanticTypes[face] = type == null ? null : type.cityJsonName();
        }
        GeometryType type = geometry.type() == CityObjectRecord.GeometryType.SOLID ? GeometryType.SOLID : GeometryType.MULTI_SURFACE;
        return new Geometry(type, geometry.levelOfDetail(), surfaceRingStart, ringVertexStart, vertexIndices, semanticTypes, null);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
