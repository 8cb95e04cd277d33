package de.dormagentwin.scene;

import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.CullFace;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;
import javafx.scene.shape.VertexFormat;

/**
 * An image laid over the ground of an area: a sheet that follows the terrain's heights (or lies on the level ground
 * plane), lifted a little off it so that it is drawn over the ground and not in it. The cast shadows and the sun-hours
 * map are such images.
 */
final class DrapedSheet {
    /** At most this many cells along an edge of the sheet: the terrain's own lattice is coarser than that anyway. */
    private static final int MOST_CELLS = 256;

    private DrapedSheet() {
    }

    /**
     * A sheet over {@code area} with {@code image} on it, its top row along the area's northern edge; lit by nothing
     * but the image's own colours would be wrong for a map, so it glows with them ({@code selfLit}) where asked.
     */
    static MeshView of(CastShadows.Area area, TerrainMesh terrain, double lift, Image image, boolean selfLit) {
        int columns = terrain == null ? 1 : Math.max(1, Math.min(MOST_CELLS, (int) Math.ceil(area.width() / terrain.step())));
        int rows = terrain == null ? 1 : Math.max(1, Math.min(MOST_CELLS, (int) Math.ceil(area.depth() / terrain.step())));
        float[] points = new float[(columns + 1) * (rows + 1) * 3];
        float[] texCoords = new float[(columns + 1) * (rows + 1) * 2];
        for (int row = 0, point = 0; row <= rows; row++) {
            for (int column = 0; column <= columns; column++, point++) {
                double x = area.minX() + column * area.width() / columns;
                double z = area.minZ() + row * area.depth() / rows;
                double y = terrain == null ? Double.NaN : terrain.sceneYAt(x, z);
                points[point * 3] = (float) x;
                points[point * 3 + 1] = (float) ((Double.isNaN(y) ? 0 : y) - lift);
                points[point * 3 + 2] = (float) z;
                texCoords[point * 2] = (float) column / columns;
                texCoords[point * 2 + 1] = 1 - (float) row / rows;
            }
        }
        int[] faces = new int[columns * rows * 12];
        for (int row = 0, to = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                int a = row * (columns + 1) + column;
                int b = a + 1;
                int c = a + columns + 2;
                int d = a + columns + 1;
                for (int corner : new int[] {a, b, c, a, c, d}) {
                    faces[to++] = corner;
                    faces[to++] = corner;
                }
            }
        }
        TriangleMesh sheet = new TriangleMesh(VertexFormat.POINT_TEXCOORD);
        sheet.getPoints().setAll(points);
        sheet.getTexCoords().setAll(texCoords);
        sheet.getFaces().setAll(faces);
        PhongMaterial material = new PhongMaterial(selfLit ? Color.BLACK : Color.WHITE);
        if (selfLit) {
            material.setSelfIlluminationMap(image);
        }
        material.setDiffuseMap(image);
        MeshView view = new MeshView(sheet);
        view.setMaterial(material);
        view.setCullFace(CullFace.NONE);
        view.setMouseTransparent(true);
        return view;
    }
}
