package de.dormagentwin.sample;

import de.dormagentwin.sample.CityObjectRecord.GeometryType;
import de.dormagentwin.sample.DormagenGeography.OpenArea;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The ground's use as CityJSON LandUse areas: MultiSurface LoD 1 polygons lying on the terrain, each with a
 * {@code function} from {@link #FUNCTIONS}, which the viewer paints onto the ground in file order, a later area
 * over an earlier one. So the background comes first: the patchwork of fields and the meadows of the Rhine's
 * floodplain over the whole terrain; then the woods and the water; the built-up areas come with the districts.
 */
final class LandUse {

    /** The vocabulary of the {@code function} attribute, which the viewer maps to colours. */
    static final List<String> FUNCTIONS = List.of("farmland", "meadow", "forest", "residential", "industrial", "park",
            "cemetery", "sports", "allotments", "water");

    /** The parcels' lattice: about 200 m by 150 m, so one to three cells make a field of 3 to 9 ha. */
    private static final double PARCEL_SPACING_EAST = 200.0;
    private static final double PARCEL_SPACING_NORTH = 150.0;
    private static final double JITTER_EAST = 40.0;
    private static final double JITTER_NORTH = 30.0;
    /** The floodplain between the Rhine's bank and the step up to the low terrace is grazed, not ploughed. */
    private static final double FLOODPLAIN_FROM_CENTRELINE = DormagenGeography.RHINE_WIDTH / 2.0 + 650.0;

    private LandUse() {
    }

    /** An area of several polygons, each counter-clockwise seen from above, laid on the terrain. */
    static CityObjectRecord area(String id, Map<String, Object> attributes, List<double[][]> polygons) {
        return area(id, attributes, polygons, false);
    }

    /**
     * An area laid on the terrain or, for the river, half a metre under its water: its corners lie on the banks,
     * and at the banks' height a viewer that draws the area rather than painting it would hide the water.
     */
    private static CityObjectRecord area(String id, Map<String, Object> attributes, List<double[][]> polygons,
            boolean underTheRiver) {
        Mesh mesh = new Mesh();
        for (double[][] polygon : polygons) {
            int[] ring = new int[polygon.length];
            for (int point = 0; point < polygon.length; point++) {
                double height = underTheRiver
                        ? DormagenTerrain.waterLevel(polygon[point][1]) - 0.5 : groundAt(polygon[point]);
                ring[point] = mesh.addVertex(polygon[point][0], polygon[point][1], height);
            }
            mesh.addFace(null, ring);
        }
        return CityObjectRecord.of(id, "LandUse", attributes, GeometryType.MULTI_SURFACE, "1", mesh);
    }

    /**
     * The fields and meadows over the whole terrain: a jittered lattice whose cells join in ones, twos and threes
     * along each row into parcels with ids such as {@code field-0123} and {@code meadow-0042}. Parcels whose
     * middle lies in the Rhine are left out.
     */
    static List<CityObjectRecord> fieldsAndMeadows(long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x4C414E44L);
        double west = DormagenTerrain.WEST;
        double south = DormagenTerrain.SOUTH;
        double width = (DormagenTerrain.COLUMNS - 1) * DormagenTerrain.CELL_SIZE;
        double height = (DormagenTerrain.ROWS - 1) * DormagenTerrain.CELL_SIZE;
        int columns = (int) Math.round(width / PARCEL_SPACING_EAST);
        int rows = (int) Math.round(height / PARCEL_SPACING_NORTH);
        double[][][] lattice = new double[rows + 1][columns + 1][];
        for (int row = 0; row <= rows; row++) {
            for (int column = 0; column <= columns; column++) {
                // The outer edge stays straight, so the parcels cover the terrain to its border.
                double jitterEast = column == 0 || column == columns ? 0.0 : JITTER_EAST * (2.0 * random.nextDouble() - 1.0);
                double jitterNorth = row == 0 || row == rows ? 0.0 : JITTER_NORTH * (2.0 * random.nextDouble() - 1.0);
                lattice[row][column] = new double[] {west + width * column / columns + jitterEast,
                    south + height * row / rows + jitterNorth};
            }
        }
        List<CityObjectRecord> parcels = new ArrayList<>();
        int fields = 0;
        int meadows = 0;
        for (int row = 0; row < rows; row++) {
            int column = 0;
            while (column < columns) {
                int span = Math.min(columns - column, 1 + random.nextInt(3));
                double[][] polygon = new double[2 * span + 2][];
                for (int step = 0; step <= span; step++) {
                    polygon[step] = lattice[row][column + step];
                    polygon[span + 1 + step] = lattice[row + 1][column + span - step];
                }
                column += span;
                double[] middle = middle(polygon);
                double[] onRiver = DormagenGeography.RHINE.nearestPointWithDirection(middle[0], middle[1]);
                double fromRiver = Planar.length(middle[0] - onRiver[0], middle[1] - onRiver[1]);
                boolean grazed = random.nextDouble() < (fromRiver < FLOODPLAIN_FROM_CENTRELINE ? 0.85 : 0.08);
                if (fromRiver < DormagenGeography.RHINE_WIDTH / 2.0) {
                    continue;
                }
                Map<String, Object> attributes = new LinkedHashMap<>();
                attributes.put("function", grazed ? "meadow" : "farmland");
                String id = grazed
                        ? String.format(Locale.ROOT, "meadow-%04d", ++meadows)
                        : String.format(Locale.ROOT, "field-%04d", ++fields);
                parcels.add(area(id, attributes, List.<double[][]>of(polygon)));
            }
        }
        return parcels;
    }

    /** The woods, one area each, named. */
    static List<CityObjectRecord> woods() {
        List<CityObjectRecord> woods = new ArrayList<>();
        for (OpenArea wood : DormagenGeography.WOODS) {
            woods.add(named(wood));
        }
        return woods;
    }

    /** The Rhine, in the same pieces as its water body, and the lakes. */
    static List<CityObjectRecord> water() {
        Polyline course = DormagenGeography.RHINE;
        double halfWidth = DormagenGeography.RHINE_WIDTH / 2.0;
        double[][] left = course.offsetPoints(halfWidth);
        double[][] right = course.offsetPoints(-halfWidth);
        List<double[][]> pieces = new ArrayList<>();
        for (int segment = 0; segment < course.segmentCount(); segment++) {
            pieces.add(new double[][] {right[segment], right[segment + 1], left[segment + 1], left[segment]});
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("function", "water");
        attributes.put("name", "Rhein");
        List<CityObjectRecord> water = new ArrayList<>();
        water.add(area("water-rhine", attributes, pieces, true));
        for (OpenArea lake : DormagenGeography.LAKES) {
            water.add(named(lake));
        }
        return water;
    }

    /** The CHEMPARK's two parts inside their fences. */
    static CityObjectRecord chempark() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("function", "industrial");
        attributes.put("name", "CHEMPARK Dormagen");
        return area("industrial-chempark", attributes,
                List.of(DormagenGeography.CHEMPARK_EAST_PART, DormagenGeography.CHEMPARK_WEST_PART));
    }

    /** The built-up plot around a hand-placed building such as a station: its footprint and a margin. */
    static CityObjectRecord plot(String buildingId, double[][] footprint, double margin) {
        double minimumEasting = Double.POSITIVE_INFINITY;
        double minimumNorthing = Double.POSITIVE_INFINITY;
        double maximumEasting = Double.NEGATIVE_INFINITY;
        double maximumNorthing = Double.NEGATIVE_INFINITY;
        for (double[] point : footprint) {
            minimumEasting = Math.min(minimumEasting, point[0] - margin);
            minimumNorthing = Math.min(minimumNorthing, point[1] - margin);
            maximumEasting = Math.max(maximumEasting, point[0] + margin);
            maximumNorthing = Math.max(maximumNorthing, point[1] + margin);
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("function", "residential");
        return area(buildingId + "-plot", attributes, List.<double[][]>of(new double[][] {{minimumEasting, minimumNorthing},
            {maximumEasting, minimumNorthing}, {maximumEasting, maximumNorthing}, {minimumEasting, maximumNorthing}}));
    }

    private static CityObjectRecord named(OpenArea area) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("function", area.function());
        attributes.put("name", area.name());
        return area(area.function() + "-" + area.id(), attributes, List.<double[][]>of(area.outline()));
    }

    /** The terrain's height at a point, or at the nearest point of the terrain where it lies beyond the edge. */
    private static double groundAt(double[] point) {
        double east = Math.max(DormagenTerrain.WEST,
                Math.min(DormagenTerrain.WEST + (DormagenTerrain.COLUMNS - 1) * DormagenTerrain.CELL_SIZE, point[0]));
        double north = Math.max(DormagenTerrain.SOUTH,
                Math.min(DormagenTerrain.SOUTH + (DormagenTerrain.ROWS - 1) * DormagenTerrain.CELL_SIZE, point[1]));
        return DormagenTerrain.heightAt(east, north);
    }

    private static double[] middle(double[][] polygon) {
        double east = 0.0;
        double north = 0.0;
        for (double[] point : polygon) {
            east += point[0] / polygon.length;
            north += point[1] / polygon.length;
        }
        return new double[] {east, north};
    }
}
