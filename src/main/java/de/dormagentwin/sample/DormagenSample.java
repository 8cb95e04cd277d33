package de.dormagentwin.sample;

import de.dormagentwin.sample.BuildingWriter.Design;
import de.dormagentwin.sample.CityObjectRecord.GeometryType;
import de.dormagentwin.sample.DormagenGeography.Corridor;
import de.dormagentwin.sample.ResidentialPlanner.PlannedBuilding;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a synthetic but geographically placed CityJSONSeq model of Dormagen and the
 * CHEMPARK in EPSG:25832: the Rhine with the Zons-Urdenbach ferry, the Köln-Neuss railway
 * with three stations, the A 57, the B 9 and link roads, the CHEMPUNKT visitor centre, the
 * CHEMPARK's plants at their real scale, about 25,000 LoD 2.2 buildings in sixteen districts
 * along the residential streets they face, and the land use of the whole area (fields, meadows,
 * woods, water, built-up ground, parks, sports grounds, allotments and cemeteries). Everything
 * stands on a generated terrain of the Rhine valley ({@link DormagenTerrain}), which
 * {@link #writeTerrain} writes for the viewer to draw beside the model.
 *
 * <p>Real places are approximate; buildings and facilities are generated from a fixed seed,
 * so every run writes the same bytes.
 */
public final class DormagenSample {

    static final String REFERENCE_SYSTEM = "https://www.opengis.net/def/crs/EPSG/0/25832";
    static final String REFERENCE_DATE = "2025-01-01";
    static final String TITLE = "Dormagen and CHEMPARK (synthetic sample)";
    static final long SEED = 41_539L;
    /** Quantised vertices are relative to this corner of the Dormagen area. */
    static final double[] TRANSLATE = {340_000.0, 5_654_000.0, 0.0};

    /**
     * Road segments are cut into pieces no longer than this, so each piece follows the ground: twice the
     * terrain's cell, the step the viewer draws the sample's terrain with.
     */
    private static final double ROAD_PIECE_LENGTH = 50.0;
    /** A ferry ramp is cut across into this many pieces, so that it follows the bank down into the water. */
    private static final int RAMP_PIECES = 6;
    /** A station's or the visitor centre's built-up plot reaches this far beyond its walls. */
    private static final double LANDMARK_PLOT_MARGIN = 15.0;
    private static final double FERRY_CROSSING_LATITUDE = 51.1265;
    private static final double FERRY_CROSSING_LONGITUDE = 6.8505;

    /** Receives the model's city objects one feature at a time. */
    @FunctionalInterface
    private interface FeatureSink {
        void accept(CityObjectRecord feature) throws IOException;
    }

    private DormagenSample() {
    }

    /** Writes the sample to a file, replacing it. */
    public static void write(Path out) throws IOException {
        try (OutputStream output = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            write(output);
        }
    }

    /**
     * Writes the terrain the sample stands on, an ESRI ASCII grid of 25 m cells (see {@link DormagenTerrain}),
     * to a stream, which is left open: the same bytes on every run.
     */
    public static void writeTerrain(OutputStream out) throws IOException {
        DormagenTerrain.write(out);
    }

    /** Writes the sample to a stream, which is flushed but left open. */
    public static void write(OutputStream out) throws IOException {
        // The header's extent must come first, so one pass measures and a second, identical one writes.
        double[] extent = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        produceFeatures(feature -> extendBy(extent, feature));
        try (CityJsonSequenceWriter writer = new CityJsonSequenceWriter(out, TRANSLATE)) {
            writer.writeHeader(metadata(extent));
            produceFeatures(writer::writeFeature);
        }
    }

    private static Map<String, Object> metadata(double[] extent) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("title", TITLE);
        metadata.put("referenceSystem", REFERENCE_SYSTEM);
        metadata.put("referenceDate", REFERENCE_DATE);
        metadata.put("geographicalExtent", roundedToMillimetres(extent));
        metadata.put("synthetic", true);
        metadata.put("note", "Buildings, CHEMPARK facilities, names and addresses are generated from a fixed seed, "
                + "not surveyed; they only resemble the real town.");
        metadata.put("geographyNote", "Geography is approximate: district centres, the Rhine, the railway, the "
                + "roads, the stations and the CHEMPARK outline follow rough WGS84 points and may be off by a few "
                + "hundred metres.");
        metadata.put("seed", SEED);
        return metadata;
    }

    /** Produces every feature in file order; deterministic, so both passes see the same objects. */
    private static void produceFeatures(FeatureSink sink) throws IOException {
        sink.accept(rhine());
        for (CityObjectRecord ferryObject : ferryAndLandings()) {
            sink.accept(ferryObject);
        }
        for (CityObjectRecord segment : corridorSegments(DormagenGeography.RAILWAY)) {
            sink.accept(segment);
        }
        for (Corridor road : DormagenGeography.ROADS) {
            for (CityObjectRecord segment : corridorSegments(road)) {
                sink.accept(segment);
            }
        }
        OccupancyIndex occupancy = new OccupancyIndex();
        List<CityObjectRecord> landmarks = stationsAndVisitorCentre(occupancy);
        for (CityObjectRecord landmark : landmarks) {
            sink.accept(landmark);
        }
        for (CityObjectRecord facility : ChemparkPlanner.plan(SEED)) {
            sink.accept(facility);
        }
        ResidentialPlanner.Plan districts = ResidentialPlanner.plan(SEED, occupancy);
        for (CityObjectRecord street : districts.streets()) {
            sink.accept(street);
        }
        for (PlannedBuilding building : districts.buildings()) {
            sink.accept(building.toCityObject());
        }
        // Land use last, in the order the viewer paints it: background, woods and water, built-up ground, greens.
        for (CityObjectRecord parcel : LandUse.fieldsAndMeadows(SEED)) {
            sink.accept(parcel);
        }
        for (CityObjectRecord wood : LandUse.woods()) {
            sink.accept(wood);
        }
        for (CityObjectRecord water : LandUse.water()) {
            sink.accept(water);
        }
        for (CityObjectRecord residential : districts.residentialAreas()) {
            sink.accept(residential);
        }
        // After the districts, so that the fence, not a block of houses reaching over it, bounds the park.
        sink.accept(LandUse.chempark());
        for (CityObjectRecord landmark : landmarks) {
            sink.accept(LandUse.plot(landmark.id(), footprintBounds(landmark), LANDMARK_PLOT_MARGIN));
        }
        for (CityObjectRecord green : districts.greenAreas()) {
            sink.accept(green);
        }
    }

    /** The corners of the rectangle around an object's vertices, seen from above. */
    private static double[][] footprintBounds(CityObjectRecord object) {
        double[] extent = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        extendBy(extent, object);
        return new double[][] {{extent[0], extent[1]}, {extent[3], extent[1]}, {extent[3], extent[4]},
            {extent[0], extent[4]}};
    }

    /** The Rhine as one water surface, cut into a quadrilateral per centreline segment so each piece is simple. */
    private static CityObjectRecord rhine() {
        Polyline course = DormagenGeography.RHINE_DRAWN;
        double halfWidth = DormagenGeography.RHINE_WIDTH / 2.0;
        double[] heights = new double[course.pointCount()];
        for (int point = 0; point < heights.length; point++) {
            heights[point] = DormagenTerrain.waterLevel(course.point(point)[1]);
        }
        Mesh mesh = new Mesh();
        Shapes.strip(mesh, course.offsetPoints(halfWidth), course.offsetPoints(-halfWidth), heights);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("name", "Rhein");
        attributes.put("function", "river");
        attributes.put("width", DormagenGeography.RHINE_WIDTH);
        return CityObjectRecord.of("rhine", "WaterBody", attributes, GeometryType.MULTI_SURFACE, "1", mesh);
    }

    /**
     * The car ferry between Zons and Düsseldorf-Urdenbach, mid-crossing, and the ramps on
     * both banks, which run from the road down into the water.
     */
    private static List<CityObjectRecord> ferryAndLandings() {
        double[] crossing = DormagenGeography.projected(FERRY_CROSSING_LATITUDE, FERRY_CROSSING_LONGITUDE);
        double[] onCentreline = DormagenGeography.RHINE.nearestPointWithDirection(crossing[0], crossing[1]);
        double[] towardsWest = {-onCentreline[3], onCentreline[2]};
        double angleTowardsWest = StrictMath.atan2(towardsWest[1], towardsWest[0]);
        double halfWidth = DormagenGeography.RHINE_WIDTH / 2.0;

        double[] ferryCentre = {onCentreline[0] + towardsWest[0] * 60.0, onCentreline[1] + towardsWest[1] * 60.0};
        Footprint hull = new Footprint(ferryCentre[0], ferryCentre[1], 30.0, 11.0, angleTowardsWest);
        double waterLevel = DormagenTerrain.waterLevel(onCentreline[1]);
        Mesh ferryMesh = new Mesh();
        Shapes.prism(ferryMesh, hull.corners(), waterLevel - 0.8, waterLevel + 2.2, false);
        Map<String, Object> ferryAttributes = new LinkedHashMap<>();
        ferryAttributes.put("name", "Rheinfähre Zons–Urdenbach");
        ferryAttributes.put("function", "ferry");

        List<CityObjectRecord> objects = new ArrayList<>();
        objects.add(CityObjectRecord.of("rhine-ferry-zons-urdenbach", "OtherConstruction", ferryAttributes,
                GeometryType.SOLID, "2", ferryMesh));
        objects.add(ferryLanding("ferry-landing-zons", "Fähranleger Zons", onCentreline, towardsWest, halfWidth));
        objects.add(ferryLanding("ferry-landing-urdenbach", "Fähranleger Urdenbach", onCentreline,
                new double[] {-towardsWest[0], -towardsWest[1]}, halfWidth));
        return objects;
    }

    /**
     * A 12 m wide ramp from 35 m inland to 10 m into the river, following the bank down a few
     * centimetres above the ground and never below the water.
     */
    private static CityObjectRecord ferryLanding(String id, String name, double[] onCentreline, double[] towardsBank,
            double halfWidth) {
        double landEnd = halfWidth + 35.0;
        double waterEnd = halfWidth - 10.0;
        double waterLevel = DormagenTerrain.waterLevel(onCentreline[1]);
        // Seen down the ramp, from the land into the water, the left side is the one counter-clockwise of it.
        double[] left = {towardsBank[1], -towardsBank[0]};
        double[][] leftSide = new double[RAMP_PIECES + 1][];
        double[][] rightSide = new double[RAMP_PIECES + 1][];
        double[] heights = new double[RAMP_PIECES + 1];
        for (int section = 0; section <= RAMP_PIECES; section++) {
            double out = landEnd + (waterEnd - landEnd) * section / RAMP_PIECES;
            double easting = onCentreline[0] + towardsBank[0] * out;
            double northing = onCentreline[1] + towardsBank[1] * out;
            leftSide[section] = new double[] {easting + left[0] * 6.0, northing + left[1] * 6.0};
            rightSide[section] = new double[] {easting - left[0] * 6.0, northing - left[1] * 6.0};
            double ground = Math.max(DormagenTerrain.heightAt(leftSide[section][0], leftSide[section][1]),
                    DormagenTerrain.heightAt(rightSide[section][0], rightSide[section][1]));
            heights[section] = Math.max(ground, waterLevel) + 0.05;
        }
        Mesh mesh = new Mesh();
        Shapes.strip(mesh, leftSide, rightSide, heights);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("name", name);
        attributes.put("function", "ferry landing");
        return CityObjectRecord.of(id, "TransportSquare", attributes, GeometryType.MULTI_SURFACE, "1", mesh);
    }

    /**
     * One object per centreline segment, with ids such as {@code a57-0003}: a strip a few
     * centimetres above the ground, in pieces short enough to follow it.
     */
    private static List<CityObjectRecord> corridorSegments(Corridor corridor) {
        Polyline centreline = corridor.centreline();
        double halfWidth = corridor.width() / 2.0;
        double[][] leftJoints = centreline.offsetPoints(halfWidth);
        double[][] rightJoints = centreline.offsetPoints(-halfWidth);
        List<CityObjectRecord> segments = new ArrayList<>();
        for (int segment = 0; segment < centreline.segmentCount(); segment++) {
            double[] start = centreline.point(segment);
            double[] end = centreline.point(segment + 1);
            double[] left = centreline.leftNormal(segment);
            int pieces = (int) Math.ceil(Planar.length(end[0] - start[0], end[1] - start[1]) / ROAD_PIECE_LENGTH);
            double[][] leftSide = new double[pieces + 1][];
            double[][] rightSide = new double[pieces + 1][];
            double[] heights = new double[pieces + 1];
            for (int section = 0; section <= pieces; section++) {
                double fraction = (double) section / pieces;
                double easting = start[0] + fraction * (end[0] - start[0]);
                double northing = start[1] + fraction * (end[1] - start[1]);
                if (section == 0) {
                    leftSide[section] = leftJoints[segment];
                    rightSide[section] = rightJoints[segment];
                } else if (section == pieces) {
                    leftSide[section] = leftJoints[segment + 1];
                    rightSide[section] = rightJoints[segment + 1];
                } else {
                    leftSide[section] = new double[] {easting + left[0] * halfWidth, northing + left[1] * halfWidth};
                    rightSide[section] = new double[] {easting - left[0] * halfWidth, northing - left[1] * halfWidth};
                }
                heights[section] = DormagenTerrain.heightAt(easting, northing) + corridor.heightAboveGround();
            }
            Mesh mesh = new Mesh();
            Shapes.strip(mesh, leftSide, rightSide, heights);
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("name", corridor.name());
            attributes.put("function", corridor.function());
            attributes.put("width", corridor.width());
            String id = String.format(Locale.ROOT, "%s-%04d", corridor.idPrefix(), segment + 1);
            segments.add(CityObjectRecord.of(id, corridor.cityObjectType(), attributes, GeometryType.MULTI_SURFACE,
                    "1", mesh));
        }
        return segments;
    }

    /**
     * The three stations, beside the track on its west side, and the CHEMPUNKT visitor
     * centre by the CHEMPARK's north-west entrance; their footprints go into
     * {@code occupancy} so no house is placed on them.
     */
    private static List<CityObjectRecord> stationsAndVisitorCentre(OccupancyIndex occupancy) {
        List<CityObjectRecord> objects = new ArrayList<>();
        objects.add(station("station-dormagen", "Dormagen", 51.0958, 36.0, 14.0, RoofType.FLAT, 2, occupancy));
        objects.add(station("station-nievenheim", "Nievenheim", 51.1125, 20.0, 10.0, RoofType.GABLE, 1, occupancy));
        objects.add(station("station-dormagen-chempark", "Dormagen Chempark", 51.0825, 16.0, 9.0, RoofType.FLAT, 1,
                occupancy));
        objects.add(visitorCentre(occupancy));
        return objects;
    }

    private static CityObjectRecord station(String id, String name, double latitude, double length, double width,
            RoofType roofType, int storeys, OccupancyIndex occupancy) {
        Polyline railway = DormagenGeography.RAILWAY.centreline();
        double northing = DormagenGeography.northingAt(latitude);
        double[] onTrack = railway.nearestPointWithDirection(railway.eastingAtNorthing(northing), northing);
        double[] towardsWest = {-onTrack[3], onTrack[2]};
        // Track, a platform gap of 5 m, then the building.
        double offset = DormagenGeography.RAILWAY_WIDTH / 2.0 + 5.0 + width / 2.0;
        double easting = onTrack[0] + towardsWest[0] * offset;
        double stationNorthing = onTrack[1] + towardsWest[1] * offset;
        Footprint footprint = new Footprint(easting, stationNorthing, length, width,
                StrictMath.atan2(onTrack[3], onTrack[2]));
        requireClearOfInfrastructure(id, footprint.corners());
        occupancy.add(footprint.corners());
        Design design = new Design(footprint, DormagenTerrain.baseHeight(footprint.corners()), storeys,
                BuildingWriter.STOREY_HEIGHT + 1.0, roofType, roofType == RoofType.FLAT ? 0.0 : 35.0);
        Map<String, Object> further = new LinkedHashMap<>();
        further.put("name", name);
        return BuildingWriter.building(id, design, "railway station", further);
    }

    /**
     * CHEMPUNKT, Unter den Hecken 60: a round, sixteen-sided drum, unlike any other
     * building in the model, just north of the park's north-west corner.
     */
    private static CityObjectRecord visitorCentre(OccupancyIndex occupancy) {
        double[][] eastPart = DormagenGeography.CHEMPARK_EAST_PART;
        double[] northWestCorner = eastPart[0];
        for (double[] corner : eastPart) {
            if (corner[1] > northWestCorner[1] + 1.0
                    || (Math.abs(corner[1] - northWestCorner[1]) <= 1.0 && corner[0] < northWestCorner[0])) {
                northWestCorner = corner;
            }
        }
        double easting = northWestCorner[0] + 140.0;
        double northing = northWestCorner[1] + 90.0;
        double[][] drum = Shapes.regularPolygon(easting, northing, 18.0, 16);
        requireClearOfInfrastructure("chempunkt", drum);
        occupancy.add(drum);
        // Its grounds to the east stay free for the planning variants of its extension (assets/variants).
        occupancy.add(new double[][] {{easting - 30.0, northing - 50.0}, {easting + 180.0, northing - 50.0},
            {easting + 180.0, northing + 40.0}, {easting - 30.0, northing + 40.0}});
        double ground = DormagenTerrain.baseHeight(drum);
        double height = 13.5;
        Mesh mesh = new Mesh();
        Shapes.prism(mesh, drum, ground, ground + height, true);
        Map<String, Object> further = new LinkedHashMap<>();
        further.put("name", "CHEMPUNKT");
        further.put("address", "Unter den Hecken 60, 41539 Dormagen");
        return BuildingWriter.building("chempunkt", mesh, "visitor centre", RoofType.FLAT, height, 3, further);
    }

    /** Guards the hand-placed objects: a change to the geography must not put them on a road or in the Rhine. */
    private static void requireClearOfInfrastructure(String id, double[][] footprint) {
        List<Corridor> corridors = new ArrayList<>(DormagenGeography.ROADS);
        corridors.add(DormagenGeography.RAILWAY);
        for (Corridor corridor : corridors) {
            if (corridor.centreline().comesWithin(footprint, corridor.width() / 2.0 + 2.0)) {
                throw new IllegalStateException(id + " would stand on " + corridor.name());
            }
        }
        if (DormagenGeography.RHINE.comesWithin(footprint, DormagenGeography.RHINE_WIDTH / 2.0 + 20.0)) {
            throw new IllegalStateException(id + " would stand in the Rhine");
        }
        for (double[][] part : List.of(DormagenGeography.CHEMPARK_EAST_PART, DormagenGeography.CHEMPARK_WEST_PART)) {
            if (Planar.contains(part, footprint[0][0], footprint[0][1])
                    || Planar.boundaryDistance(footprint, part) < 10.0) {
                throw new IllegalStateException(id + " would stand inside the CHEMPARK fence");
            }
        }
    }

    private static void extendBy(double[] extent, CityObjectRecord feature) {
        for (CityObjectRecord.Geometry geometry : feature.geometries()) {
            Mesh mesh = geometry.mesh();
            for (int vertex = 0; vertex < mesh.vertexCount(); vertex++) {
                extent[0] = Math.min(extent[0], mesh.easting(vertex));
                extent[1] = Math.min(extent[1], mesh.northing(vertex));
                extent[2] = Math.min(extent[2], mesh.height(vertex));
                extent[3] = Math.max(extent[3], mesh.easting(vertex));
                extent[4] = Math.max(extent[4], mesh.northing(vertex));
                extent[5] = Math.max(extent[5], mesh.height(vertex));
            }
        }
    }

    private static double[] roundedToMillimetres(double[] values) {
        double[] rounded = new double[values.length];
        for (int index = 0; index < values.length; index++) {
            rounded[index] = Math.round(values[index] * 1000.0) / 1000.0;
        }
        return rounded;
    }
}
