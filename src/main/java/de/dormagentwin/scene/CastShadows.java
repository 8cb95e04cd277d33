package de.dormagentwin.scene;

import de.dormagentwin.model.primitive.FloatList;
import de.dormagentwin.model.sun.Occluders;
import de.dormagentwin.model.sun.ShadowMap;
import de.dormagentwin.model.sun.SunPosition;
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

import java.util.List;

/**
 * The shadows the sun casts in an area of the city: a dark film over the parts of roofs, walls and other surfaces that
 * the sun does not reach, and a shadow image draped over the ground. JavaFX has no shadow mapping; whether a point is
 * in the sun comes from a {@link Sunlit} test (a shadow map computed on the CPU), and this class turns its answers into
 * meshes (docs/decisions/0020-cast-shadows-from-a-cpu-shadow-map.md).
 *
 * <p>{@link #shade} does the work and may run on any thread; {@link #node()} and {@link #show} belong to the FX thread.
 */
public final class CastShadows {
    /** How dark a shadow is: the share of a surface's colour the film takes away, about the sun's share of its light. */
    public static final double OPACITY = 0.42;
    /** How far the film floats in front of its surface, in metres: enough for the depth buffer at a few kilometres. */
    static final float LIFT = 0.3f;
    /**
     * The smallest piece of a surface that is shaded on its own, in metres along its longest edge, at least: finer
     * than a shadow map's texel would only draw its steps, so an area's pieces are a texel and a half.
     */
    static final double FINEST_EDGE = 0.25;
    /**
     * How high the ground's shadow image floats over the ground: above whatever lies flat on it (roads, squares,
     * water, up to {@link #FLAT_METRES}), so that the image shades those and the film need not.
     */
    static final double GROUND_LIFT = 0.6;
    /** A surface no higher than this over the ground lies flat on it, and the ground's image shades it. */
    static final double FLAT_METRES = 0.5;
    /** At most this many pixels along an edge of the ground's shadow image. */
    static final int MOST_GROUND_PIXELS = 2048;
    /** The finest ground pixel, in metres. */
    static final double FINEST_GROUND_PIXEL = 0.5;
    /** The shadow map's texels across the shaded area. */
    public static final int TEXELS_ACROSS = 2048;
    private static final int SHADOW_ARGB = (int) Math.round(OPACITY * 255) << 24;

    /**
     * Whether the sun reaches a point of a surface, both given in scene coordinates (x east, y down, z north, metres):
     * the surface's unit normal lets a shadow map lift the point off its own surface by as much as its texels need.
     */
    @FunctionalInterface
    public interface Sunlit {
        boolean lit(double x, double y, double z, double normalX, double normalY, double normalZ);
    }

    /** An area of the scene, in scene coordinates. */
    public record Area(double minX, double minZ, double maxX, double maxZ) {
        public Area {
            if (!(minX < maxX && minZ < maxZ)) {
                throw new IllegalArgumentException("an empty area");
            }
        }

        /** A square of the given edge around a point. */
        public static Area around(double x, double z, double edge) {
            return new Area(x - edge / 2, z - edge / 2, x + edge / 2, z + edge / 2);
        }

        boolean touches(double minX, double minZ, double maxX, double maxZ) {
            return minX <= this.maxX && maxX >= this.minX && minZ <= this.maxZ && maxZ >= this.minZ;
        }

        public double width() {
            return maxX - minX;
        }

        public double depth() {
            return maxZ - minZ;
        }
    }

    /**
     * What {@link #shade} made: the shaded pieces of surfaces as triangles (x, y, z per corner, already lifted off
     * their surfaces), and the ground's shadow image over the area, its first row along the northern edge.
     */
    public record Shade(Area area, float[] film, int[] groundArgb, int groundPixelColumns) {
        public int filmTriangles() {
            return film.length / 9;
        }

        /** Whether the ground's pixel at a point of the area is in shadow. */
        public boolean groundShaded(double x, double z) {
            int pixelRows = groundArgb.length / groundPixelColumns;
            int column = (int) Math.floor((x - area.minX()) / area.width() * groundPixelColumns);
            int row = (int) Math.floor((area.maxZ() - z) / area.depth() * pixelRows);
            return column >= 0 && column < groundPixelColumns && row >= 0 && row < pixelRows && groundArgb[row * groundPixelColumns + column] != 0;
        }
    }

    private final Group node = new Group();
    private final PhongMaterial filmMaterial = new PhongMaterial(Color.color(0, 0, 0, OPACITY));
    private int shownTriangles;

    public CastShadows() {
        node.setMouseTransparent(true);
        node.setId("cast-shadows");
    }

    /** The shadows' node: add it to the scene after everything that receives shadows, so that the film blends over them. */
    public Node node() {
        return node;
    }

    /** Shows what {@link #shade} made over the terrain it was made for, or nothing for null. FX thread. */
    public void show(Shade shade, TerrainMesh terrain) {
        shownTriangles = shade == null ? 0 : shade.filmTriangles();
        if (shade == null) {
            node.getChildren().clear();
            return;
        }
        MeshView film = new MeshView(triangles(shade.film()));
        film.setMaterial(filmMaterial);
        film.setCullFace(CullFace.NONE);
        film.setId("shadow-film");
        int pixelRows = shade.groundArgb().length / shade.groundPixelColumns();
        WritableImage image = new WritableImage(shade.groundPixelColumns(), pixelRows);
        image.getPixelWriter().setPixels(0, 0, shade.groundPixelColumns(), pixelRows, PixelFormat.getIntArgbInstance(), shade.groundArgb(), 0,
                shade.groundPixelColumns());
        MeshView ground = DrapedSheet.of(shade.area(), terrain, GROUND_LIFT, image, false);
        ground.setId("shadow-ground");
        node.getChildren().setAll(ground, film);
    }

    /** The number of shaded triangles shown: how much film the square needed, for the tests. */
    public int shownTriangles() {
        return shownTriangles;
    }

    /**
     * The shadows in an area: each surface of the city's near parts that faces the sun, is tested at its corners and
     * its centre and split while its pieces disagree, down to a texel and a half of the area's shadow map; the ground is tested pixel by
     * pixel. Surfaces that face away from the sun are left alone: the sun's light already leaves them dark.
     *
     * @param toSun   the unit vector towards the sun, in scene coordinates (y down: a sun above the horizon has y &lt; 0)
     * @param terrain the ground's height, or null for the level ground plane at y 0
     */
    public static Shade shade(List<MeshPart> parts, TerrainMesh terrain, Area area, double[] toSun, Sunlit sunlit) {
        FloatList film = new FloatList(4096);
        GroundGrid grid = new GroundGrid(area);
        Shader shader = new Shader(toSun, sunlit, film, Math.max(FINEST_EDGE, 1.5 * Math.max(area.width(), area.depth()) / TEXELS_ACROSS), terrain, grid);
        for (MeshPart part : parts) {
            if (part.detail() != MeshPart.Detail.FAR) {
                shader.shadeAll(part, area);
            }
        }
        return ground(grid, terrain, sunlit, toSun, film.toArray());
    }

    /**
     * The shadows in an area for a sun, from a shadow map of the occluders with a texel of
     * {@link #TEXELS_ACROSS}th of the area's width: a metre for an area 2 km across.
     *
     * @param origin the scene's origin in the occluders' CRS (east, north, height), as {@link CityMeshes#origin()}
     */
    public static Shade shade(Occluders occluders, SunPosition sun, List<MeshPart> parts, double[] origin, TerrainMesh terrain, Area area) {
        ShadowMap map = ShadowMap.of(occluders, sun, new double[] {origin[0] + area.minX(), origin[1] + area.minZ(), origin[0] + area.maxX(),
                origin[1] + area.maxZ()}, Math.max(area.width(), area.depth()) / TEXELS_ACROSS);
        // Scene to CRS: x is east, z north, y down from the origin's height.
        Sunlit sunlit = (x, y, z, normalX, normalY, normalZ) -> map.lit(origin[0] + x, origin[1] + z, origin[2] - y, normalX, normalZ, -normalY);
        return shade(parts, terrain, area, towardsTheSun(sun), sunlit);
    }

    /** The unit vector towards the sun in scene coordinates (x east, y down, z north). */
    public static double[] towardsTheSun(SunPosition sun) {
        double azimuth = Math.toRadians(sun.azimuthDegrees());
        double elevation = Math.toRadians(Math.max(0, sun.elevationDegrees()));
        return new double[] {Math.sin(azimuth) * Math.cos(elevation), -Math.sin(elevation), Math.cos(azimuth) * Math.cos(elevation)};
    }

    /**
     * The ground's image: its pixels, and which of them lie under something standing on the ground. Those stay clear:
     * the image floats over the ground, and a shaded pixel under a roof would show as a dark band along the foot of
     * a sunlit wall wherever the image's pixels reach past the wall.
     */
    private static final class GroundGrid {
        final Area area;
        final int columns;
        final int rows;
        final boolean[] covered;

        GroundGrid(Area area) {
            this.area = area;
            double pixel = Math.max(FINEST_GROUND_PIXEL, Math.max(area.width(), area.depth()) / MOST_GROUND_PIXELS);
            columns = Math.max(1, (int) Math.ceil(area.width() / pixel));
            rows = Math.max(1, (int) Math.ceil(area.depth() / pixel));
            covered = new boolean[columns * rows];
        }

        double x(int column) {
            return area.minX() + (column + 0.5) * area.width() / columns;
        }

        /** Row 0 is the area's northern edge, as in the ground image. */
        double z(int row) {
            return area.maxZ() - (row + 0.5) * area.depth() / rows;
        }

        /** Marks the pixels whose centres the triangle covers, seen from above. */
        void cover(double[] a, double[] b, double[] c) {
            double twice = (b[0] - a[0]) * (c[2] - a[2]) - (c[0] - a[0]) * (b[2] - a[2]);
            if (Math.abs(twice) < 1e-6) {
                return;
            }
            int firstColumn = Math.max(0, (int) Math.floor((Math.min(a[0], Math.min(b[0], c[0])) - area.minX()) / area.width() * columns));
            int endColumn = Math.min(columns, (int) Math.ceil((Math.max(a[0], Math.max(b[0], c[0])) - area.minX()) / area.width() * columns));
            int firstRow = Math.max(0, (int) Math.floor((area.maxZ() - Math.max(a[2], Math.max(b[2], c[2]))) / area.depth() * rows));
            int endRow = Math.min(rows, (int) Math.ceil((area.maxZ() - Math.min(a[2], Math.min(b[2], c[2]))) / area.depth() * rows));
            for (int row = firstRow; row < endRow; row++) {
                double z = z(row);
                for (int column = firstColumn; column < endColumn; column++) {
                    double x = x(column);
                    double u = ((b[0] - x) * (c[2] - z) - (c[0] - x) * (b[2] - z)) / twice;
                    double v = ((c[0] - x) * (a[2] - z) - (a[0] - x) * (c[2] - z)) / twice;
                    if (u >= 0 && v >= 0 && u + v <= 1) {
                        covered[row * columns + column] = true;
                    }
                }
            }
        }
    }

    private static Shade ground(GroundGrid grid, TerrainMesh terrain, Sunlit sunlit, double[] toSun, float[] film) {
        int[] argb = new int[grid.columns * grid.rows];
        for (int row = 0; row < grid.rows; row++) {
            double z = grid.z(row);
            for (int column = 0; column < grid.columns; column++) {
                if (grid.covered[row * grid.columns + column]) {
                    continue;
                }
                double x = grid.x(column);
                double ground = terrain == null ? Double.NaN : terrain.sceneYAt(x, z);
                double y = Double.isNaN(ground) ? 0 : ground;
                // Tested a little towards the sun, so that the ground does not shade itself where the shadow map is coarse.
                if (!sunlit.lit(x + toSun[0] * LIFT, y + toSun[1] * LIFT, z + toSun[2] * LIFT, 0, -1, 0)) {
                    argb[row * grid.columns + column] = SHADOW_ARGB;
                }
            }
        }
        return new Shade(grid.area, film, argb, grid.columns);
    }

    /** A mesh of loose triangles, x, y, z per corner, three corners each: how a film is drawn. */
    public static TriangleMesh triangles(float[] corners) {
        TriangleMesh mesh = new TriangleMesh(VertexFormat.POINT_TEXCOORD);
        mesh.getPoints().setAll(corners);
        mesh.getTexCoords().setAll(0, 0);
        int[] faces = new int[corners.length / 3 * 2];
        for (int corner = 0; corner < corners.length / 3; corner++) {
            faces[corner * 2] = corner;
        }
        mesh.getFaces().setAll(faces);
        return mesh;
    }

    /** Splits the surfaces that face the sun into shaded and lit pieces and keeps the shaded ones. */
    private static final class Shader {
        private final double[] toSun;
        private final Sunlit sunlit;
        private final FloatList film;
        private final double finest;
        private final TerrainMesh terrain;
        private final GroundGrid ground;
        private final double[] normal = new double[3];

        Shader(double[] toSun, Sunlit sunlit, FloatList film, double finest, TerrainMesh terrain, GroundGrid ground) {
            this.toSun = toSun;
            this.sunlit = sunlit;
            this.film = film;
            this.finest = finest;
            this.terrain = terrain;
            this.ground = ground;
        }

        /** Whether a triangle lies on the ground (every corner within {@link #FLAT_METRES} of it): the ground's image shades it. */
        private boolean onTheGround(double[] a, double[] b, double[] c) {
            return nearTheGround(a) && nearTheGround(b) && nearTheGround(c);
        }

        private boolean nearTheGround(double[] point) {
            double ground = terrain == null ? Double.NaN : terrain.sceneYAt(point[0], point[2]);
            // y points down: a point above the ground has a smaller y.
            return (Double.isNaN(ground) ? 0 : ground) - point[1] <= FLAT_METRES;
        }

        void shadeAll(MeshPart part, Area area) {
            float[] points = part.points();
            int[] faces = part.faces();
            double[] a = new double[3];
            double[] b = new double[3];
            double[] c = new double[3];
            for (int face = 0; face < faces.length / 9; face++) {
                corner(points, faces[face * 9], a);
                corner(points, faces[face * 9 + 3], b);
                corner(points, faces[face * 9 + 6], c);
                if (!area.touches(Math.min(a[0], Math.min(b[0], c[0])), Math.min(a[2], Math.min(b[2], c[2])),
                        Math.max(a[0], Math.max(b[0], c[0])), Math.max(a[2], Math.max(b[2], c[2])))) {
                    continue;
                }
                if (onTheGround(a, b, c)) {
                    continue;
                }
                ground.cover(a, b, c);
                if (!facingTheSun(a, b, c)) {
                    continue;
                }
                shade(a, b, c, 0);
            }
        }

        private static void corner(float[] points, int point, double[] into) {
            into[0] = points[point * 3];
            into[1] = points[point * 3 + 1];
            into[2] = points[point * 3 + 2];
        }

        /**
         * Whether a triangle faces the sun; sets {@link #normal} to its unit normal turned towards the sun. A mesh's
         * winding is not trusted (files differ): a surface is lit on the side the sun is on, as the two-sided film is.
         */
        private boolean facingTheSun(double[] a, double[] b, double[] c) {
            double ux = b[0] - a[0], uy = b[1] - a[1], uz = b[2] - a[2];
            double vx = c[0] - a[0], vy = c[1] - a[1], vz = c[2] - a[2];
            double nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
            double length = Math.sqrt(nx * nx + ny * ny + nz * nz);
            if (length == 0) {
                return false;
            }
            double towards = (nx * toSun[0] + ny * toSun[1] + nz * toSun[2]) / length;
            double sign = towards < 0 ? -1 : 1;
            normal[0] = sign * nx / length;
            normal[1] = sign * ny / length;
            normal[2] = sign * nz / length;
            // A wall the sun grazes gets next to no light anyway; testing it would only add speckle.
            return Math.abs(towards) > 0.02;
        }

        private void shade(double[] a, double[] b, double[] c, int depth) {
            double[] centre = {(a[0] + b[0] + c[0]) / 3, (a[1] + b[1] + c[1]) / 3, (a[2] + b[2] + c[2]) / 3};
            int dark = 0;
            dark += inShade(a, centre) ? 1 : 0;
            dark += inShade(b, centre) ? 1 : 0;
            dark += inShade(c, centre) ? 1 : 0;
            dark += inShade(centre, centre) ? 1 : 0;
            if (dark == 0) {
                return;
            }
            if (dark == 4 || longestEdge(a, b, c) <= finest || depth >= 12) {
                if (dark >= 2) {
                    emit(a, b, c);
                }
                return;
            }
            double[] ab = middle(a, b);
            double[] bc = middle(b, c);
            double[] ca = middle(c, a);
            shade(a, ab, ca, depth + 1);
            shade(ab, b, bc, depth + 1);
            shade(ca, bc, c, depth + 1);
            shade(ab, bc, ca, depth + 1);
        }

        /** A point tested a tenth of the way in towards the centre, lifted off its surface, so that it is its own surface's point. */
        private boolean inShade(double[] point, double[] centre) {
            double x = point[0] + (centre[0] - point[0]) * 0.1 + normal[0] * LIFT;
            double y = point[1] + (centre[1] - point[1]) * 0.1 + normal[1] * LIFT;
            double z = point[2] + (centre[2] - point[2]) * 0.1 + normal[2] * LIFT;
            return !sunlit.lit(x, y, z, normal[0], normal[1], normal[2]);
        }

        private void emit(double[] a, double[] b, double[] c) {
            for (double[] corner : new double[][] {a, b, c}) {
                film.add((float) (corner[0] + normal[0] * LIFT), (float) (corner[1] + normal[1] * LIFT), (float) (corner[2] + normal[2] * LIFT));
            }
        }

        private static double[] middle(double[] p, double[] q) {
            return new double[] {(p[0] + q[0]) / 2, (p[1] + q[1]) / 2, (p[2] + q[2]) / 2};
        }

        private static double longestEdge(double[] a, double[] b, double[] c) {
            return Math.sqrt(Math.max(distanceSquared(a, b), Math.max(distanceSquared(b, c), distanceSquared(c, a))));
        }

        private static double distanceSquared(double[] p, double[] q) {
            double dx = p[0] - q[0], dy = p[1] - q[1], dz = p[2] - q[2];
            return dx * dx + dy * dy + dz * dz;
        }
    }
}
