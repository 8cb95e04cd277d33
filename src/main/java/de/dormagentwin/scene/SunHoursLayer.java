package de.dormagentwin.scene;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.CullFace;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;
import javafx.scene.shape.VertexFormat;
import de.dormagentwin.model.primitive.DoubleList;
import de.dormagentwin.model.primitive.FloatList;

import java.util.Arrays;
import java.util.List;

/**
 * The shadow study's map on the ground: one pixel per cell, coloured by its hours of direct sun or by how many hours a
 * planning variant takes from it. An image rather than a coloured mesh keeps every cell exactly its colour
 * (docs/decisions/0024-no-fxyz3d.md). FX thread.
 */
public final class SunHoursLayer {
    /** Lifted this far off the ground: above the cast shadows' image, so that the map is not darkened by it. */
    private static final double LIFT = 0.8;

    /** What a map's values mean, and so its colours. */
    public enum Scale {
        /** Hours of sun out of the day's length: night blue for none, through teal, to yellow for all of it. */
        HOURS,
        /** Hours lost (positive) or gained (negative): clear for none, red for the most lost, green for gained. */
        LOSS
    }

    /**
     * A map of cells over an area of the scene: {@code values} row by row from the southern row, west to east, NaN for a
     * cell that has no value (inside a building); {@code full} is the value of the scale's strongest colour.
     */
    public record Map(CastShadows.Area area, int columns, int rows, float[] values, Scale scale, double full) {
        public Map {
            if (columns <= 0 || rows <= 0 || values.length != columns * rows) {
                throw new IllegalArgumentException(columns + " x " + rows + " cells, " + values.length + " values");
            }
        }
    }

    private static final Color[] HOURS_RAMP = {Color.web("#1d2b6b"), Color.web("#2a7f9e"), Color.web("#5fbf73"), Color.web("#f4e04d")};
    private static final Color LOST = Color.web("#d7191c");
    private static final Color GAINED = Color.web("#1a9641");

    /**
     * Façades in a study's area cut into pieces: per piece its triangle in scene coordinates (lifted off the wall, as
     * drawn), and the point and outward normal where its hours are counted, in the CRS (east, north, up).
     */
    public record Facades(float[] corners, double[] points, double[] normals) {
        public int pieces() {
            return corners.length / 9;
        }

        /** These pieces, then {@code more}'s. */
        public Facades and(Facades more) {
            return new Facades(concat(corners, more.corners), concat(points, more.points), concat(normals, more.normals));
        }

        private static float[] concat(float[] a, float[] b) {
            float[] both = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, both, a.length, b.length);
            return both;
        }

        private static double[] concat(double[] a, double[] b) {
            double[] both = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, both, a.length, b.length);
            return both;
        }
    }

    /** A surface counts as a façade where its normal's vertical share is at most this: steeper than 45 degrees. */
    private static final double STANDING = Math.sqrt(0.5);
    /** How far a façade's colours float in front of the wall, in metres. */
    private static final float FACADE_LIFT = 0.15f;
    /** The ramp a façade piece samples its colour from: one texel per step of its scale. */
    private static final int RAMP = 256;

    private final Group node = new Group();
    private final Group facades = new Group();

    public SunHoursLayer() {
        node.setId("sun-hours");
        node.setMouseTransparent(true);
    }

    public Node node() {
        return node;
    }

    /** Draws a map over the terrain, or clears it (and the façades) for null. */
    public void show(Map map, TerrainMesh terrain) {
        if (map == null) {
            node.getChildren().clear();
            facades.getChildren().clear();
            return;
        }
        WritableImage image = new WritableImage(map.columns(), map.rows());
        image.getPixelWriter().setPixels(0, 0, map.columns(), map.rows(), PixelFormat.getIntArgbInstance(), pixels(map), 0, map.columns());
        node.getChildren().setAll(DrapedSheet.of(map.area(), terrain, LIFT, image, true), facades);
    }

    /**
     * Colours the façades' pieces by their values on a scale whose strongest colour is at {@code full}; a NaN value
     * leaves its piece out. Shown with the ground's map, cleared with it.
     */
    public void showFacades(Facades pieces, float[] values, Scale scale, double full) {
        WritableImage ramp = new WritableImage(RAMP, 1);
        for (int texel = 0; texel < RAMP; texel++) {
            ramp.getPixelWriter().setArgb(texel, 0, argb(full * texel / (RAMP - 1), scale, full));
        }
        float[] corners = pieces.corners();
        int shown = 0;
        for (float value : values) {
            shown += Float.isNaN(value) ? 0 : 1;
        }
        float[] points = new float[shown * 9];
        float[] texCoords = new float[shown * 2];
        int[] faces = new int[shown * 6];
        for (int piece = 0, at = 0; piece < values.length; piece++) {
            if (Float.isNaN(values[piece])) {
                continue;
            }
            System.arraycopy(corners, piece * 9, points, at * 9, 9);
            double share = full > 0 ? Math.max(0, Math.min(1, values[piece] / full)) : 0;
            texCoords[at * 2] = (float) ((Math.round(share * (RAMP - 1)) + 0.5) / RAMP);
            texCoords[at * 2 + 1] = 0.5f;
            for (int corner = 0; corner < 3; corner++) {
                faces[at * 6 + corner * 2] = at * 3 + corner;
                faces[at * 6 + corner * 2 + 1] = at;
            }
            at++;
        }
        TriangleMesh mesh = new TriangleMesh(VertexFormat.POINT_TEXCOORD);
        mesh.getPoints().setAll(points);
        mesh.getTexCoords().setAll(texCoords);
        mesh.getFaces().setAll(faces);
        PhongMaterial material = new PhongMaterial(Color.BLACK);
        material.setDiffuseMap(ramp);
        material.setSelfIlluminationMap(ramp);
        MeshView view = new MeshView(mesh);
        view.setMaterial(material);
        view.setCullFace(CullFace.NONE);
        view.setMouseTransparent(true);
        view.setId("sun-hours-facades");
        facades.getChildren().setAll(view);
    }

    /**
     * The walls of the near parts whose pieces lie in an area, each cut into pieces no longer than {@code piece}
     * metres along an edge: what a study counts on façades. Surfaces of other classes are the ground's or roofs.
     *
     * @param origin the scene's origin in the CRS (east, north, height)
     */
    public static Facades facades(List<MeshPart> parts, CastShadows.Area area, double[] origin, double piece) {
        FloatList corners = new FloatList(4096);
        DoubleList points = new DoubleList(1024);
        DoubleList normals = new DoubleList(1024);
        double[] a = new double[3];
        double[] b = new double[3];
        double[] c = new double[3];
        for (MeshPart part : parts) {
            if (part.detail() == MeshPart.Detail.FAR || part.surfaceClass() != SurfaceClass.WALL) {
                continue;
            }
            float[] xyz = part.points();
            int[] faces = part.faces();
            for (int face = 0; face < faces.length / 9; face++) {
                corner(xyz, faces[face * 9], a);
                corner(xyz, faces[face * 9 + 3], b);
                corner(xyz, faces[face * 9 + 6], c);
                int normal = faces[face * 9 + 1] * 3;
                double nx = part.normals()[normal];
                double ny = part.normals()[normal + 1];
                double nz = part.normals()[normal + 2];
                double length = Math.sqrt(nx * nx + ny * ny + nz * nz);
                // A wall stands: a part of walls may hold a surface that lies flatter (a planned building's roof).
                if (length == 0 || Math.abs(ny) > STANDING * length) {
                    continue;
                }
                cut(a, b, c, new double[] {nx / length, ny / length, nz / length}, area, origin, piece, corners, points, normals);
            }
        }
        return new Facades(corners.toArray(), Arrays.copyOf(points.array(), points.size()), Arrays.copyOf(normals.array(), normals.size()));
    }

    private static void corner(float[] xyz, int point, double[] into) {
        into[0] = xyz[point * 3];
        into[1] = xyz[point * 3 + 1];
        into[2] = xyz[point * 3 + 2];
    }

    private static void cut(double[] a, double[] b, double[] c, double[] normal, CastShadows.Area area, double[] origin, double piece,
                            FloatList corners, DoubleList points, DoubleList normals) {
        double longest = Math.max(distance(a, b), Math.max(distance(b, c), distance(c, a)));
        if (longest > piece) {
            double[] ab = middle(a, b);
            double[] bc = middle(b, c);
            double[] ca = middle(c, a);
            cut(a, ab, ca, normal, area, origin, piece, corners, points, normals);
            cut(ab, b, bc, normal, area, origin, piece, corners, points, normals);
            cut(ca, bc, c, normal, area, origin, piece, corners, points, normals);
            cut(ab, bc, ca, normal, area, origin, piece, corners, points, normals);
            return;
        }
        double x = (a[0] + b[0] + c[0]) / 3;
        double y = (a[1] + b[1] + c[1]) / 3;
        double z = (a[2] + b[2] + c[2]) / 3;
        if (x < area.minX() || x > area.maxX() || z < area.minZ() || z > area.maxZ()) {
            return;
        }
        for (double[] corner : new double[][] {a, b, c}) {
            corners.add((float) (corner[0] + normal[0] * FACADE_LIFT), (float) (corner[1] + normal[1] * FACADE_LIFT),
                    (float) (corner[2] + normal[2] * FACADE_LIFT));
        }
        // Scene to CRS: x is east, z north, y down from the origin's height.
        points.add(origin[0] + x);
        points.add(origin[1] + z);
        points.add(origin[2] - y);
        normals.add(normal[0]);
        normals.add(normal[2]);
        normals.add(-normal[1]);
    }

    private static double[] middle(double[] p, double[] q) {
        return new double[] {(p[0] + q[0]) / 2, (p[1] + q[1]) / 2, (p[2] + q[2]) / 2};
    }

    private static double distance(double[] p, double[] q) {
        double dx = p[0] - q[0], dy = p[1] - q[1], dz = p[2] - q[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    public boolean isShowing() {
        return !node.getChildren().isEmpty();
    }

    /** The map's pixels, row 0 along the northern edge as images have it. */
    static int[] pixels(Map map) {
        int[] argb = new int[map.values().length];
        for (int row = 0; row < map.rows(); row++) {
            int imageRow = map.rows() - 1 - row;
            for (int column = 0; column < map.columns(); column++) {
                argb[imageRow * map.columns() + column] = argb(map.values()[row * map.columns() + column], map.scale(), map.full());
            }
        }
        return argb;
    }

    /** The colour of one value on a scale whose strongest colour is at {@code full}. */
    public static int argb(double value, Scale scale, double full) {
        if (Double.isNaN(value)) {
            return 0;
        }
        double share = full > 0 ? Math.max(-1, Math.min(1, value / full)) : 0;
        Color colour;
        if (scale == Scale.HOURS) {
            double position = Math.max(0, share) * (HOURS_RAMP.length - 1);
            int step = Math.min(HOURS_RAMP.length - 2, (int) position);
            colour = HOURS_RAMP[step].interpolate(HOURS_RAMP[step + 1], position - step).deriveColor(0, 1, 1, 0.85);
        } else if (Math.abs(value) < 1e-3) {
            return 0;
        } else {
            // Even a few minutes lost show: a quarter of the colour at once, the rest with the loss.
            colour = Color.color((share > 0 ? LOST : GAINED).getRed(), (share > 0 ? LOST : GAINED).getGreen(), (share > 0 ? LOST : GAINED).getBlue(),
                    0.25 + 0.65 * Math.abs(share));
        }
        return (int) Math.round(colour.getOpacity() * 255) << 24 | (int) Math.round(colour.getRed() * 255) << 16
                | (int) Math.round(colour.getGreen() * 255) << 8 | (int) Math.round(colour.getBlue() * 255);
    }
}
