package de.dormagentwin.sample;

import de.dormagentwin.model.geo.Utm;
import java.util.ArrayList;
import java.util.List;

/**
 * The approximate real geography the Dormagen sample is built on: district centres and extents,
 * the Rhine, the Köln-Neuss railway, the A 57, the B 9, link roads, the CHEMPARK outline, the
 * woods and the Straberger See.
 *
 * <p>Positions are rough WGS84 points read off general knowledge of the area, good to a few
 * hundred metres, converted to EPSG:25832. The layout keeps the real order from west to
 * east at the CHEMPARK: A 57, the park's west part, the railway, the east part, the Rhine.
 */
final class DormagenGeography {

    static final double RHINE_WIDTH = 350.0;
    static final double RAILWAY_WIDTH = 12.0;

    /**
     * The Rhine's centreline from Köln-Worringen downstream: north past the CHEMPARK and
     * Zons, a bend west to Stürzelberg, then north-east towards Düsseldorf-Urdenbach and
     * north out of the sample. Both ends reach past the sample's terrain, so the river runs
     * off its edges rather than ending on dry land.
     */
    private static final double[][] RHINE_COURSE = {
        {51.0265, 6.9148}, {51.040, 6.907}, {51.047, 6.903}, {51.055, 6.898}, {51.062, 6.893}, {51.069, 6.887},
        {51.076, 6.881}, {51.083, 6.877}, {51.090, 6.874}, {51.097, 6.871}, {51.104, 6.868},
        {51.111, 6.865}, {51.117, 6.861}, {51.123, 6.854}, {51.128, 6.848}, {51.133, 6.841},
        {51.137, 6.832}, {51.141, 6.824}, {51.146, 6.820}, {51.152, 6.821}, {51.157, 6.827},
        {51.161, 6.838}, {51.163, 6.849}, {51.164, 6.860}, {51.1685, 6.870}, {51.172, 6.873}
    };

    /**
     * The river on upstream towards Köln and downstream towards Düsseldorf, well beyond the terrain: drawn only, so
     * that from the town the Rhine runs on into the haze instead of ending where the terrain does. The valley, the
     * water levels and everything placed by the river follow {@link #RHINE} alone.
     */
    private static final double[][] RHINE_UPSTREAM = {
        {50.915, 6.968}, {50.935, 6.972}, {50.955, 6.968}, {50.975, 6.962}, {50.995, 6.945}, {51.012, 6.928}
    };
    private static final double[][] RHINE_DOWNSTREAM = {
        {51.182, 6.872}, {51.195, 6.862}, {51.205, 6.845}, {51.215, 6.825}, {51.228, 6.815}, {51.245, 6.805}
    };

    /** The S-Bahn line Köln - Neuss: through the CHEMPARK, past Dormagen station, north-west to Nievenheim. */
    private static final double[][] RAILWAY_COURSE = {
        {51.030, 6.872}, {51.045, 6.866}, {51.058, 6.861}, {51.068, 6.857}, {51.078, 6.852},
        {51.088, 6.842}, {51.095, 6.8355}, {51.102, 6.826}, {51.107, 6.810}, {51.1125, 6.792},
        {51.122, 6.782}, {51.135, 6.772}, {51.150, 6.762}
    };

    /** The A 57 Köln - Neuss, west of the CHEMPARK and of the town centre. */
    private static final double[][] A57_COURSE = {
        {51.030, 6.857}, {51.045, 6.852}, {51.058, 6.848}, {51.068, 6.846}, {51.078, 6.843},
        {51.087, 6.834}, {51.094, 6.826}, {51.101, 6.818}, {51.110, 6.812}, {51.120, 6.806},
        {51.132, 6.800}, {51.145, 6.795}, {51.160, 6.790}
    };

    /** The B 9 from the CHEMPARK's north gate, east of the centre, then north-west towards Neuss. */
    private static final double[][] B9_COURSE = {
        {51.0880, 6.8570}, {51.0950, 6.8555}, {51.1030, 6.8520}, {51.1080, 6.8420},
        {51.1130, 6.8280}, {51.1200, 6.8120}, {51.1320, 6.8000}, {51.1420, 6.7900},
        {51.1550, 6.7800}
    };

    private static final double[][] NIEVENHEIM_LINK_COURSE = {
        {51.1142, 6.7686}, {51.1085, 6.7800}, {51.1030, 6.7960}, {51.0983, 6.8106},
        {51.0960, 6.8250}, {51.0940, 6.8400}, {51.0945, 6.8553}
    };

    private static final double[][] HACKENBROICH_LINK_COURSE = {
        {51.0983, 6.8106}, {51.0880, 6.8150}, {51.0750, 6.8180}, {51.0556, 6.8172}, {51.0450, 6.8200}
    };

    private static final double[][] ZONS_LINK_COURSE = {
        {51.1050, 6.8475}, {51.1120, 6.8510}, {51.1170, 6.8500}, {51.1219, 6.8428},
        {51.1300, 6.8300}, {51.1408, 6.8156}, {51.1480, 6.8050}
    };

    /** Latitudes bounding the CHEMPARK: the east part is about 300 ha, the west part about 55 ha. */
    static final double CHEMPARK_SOUTH_LATITUDE = 51.0705;
    static final double CHEMPARK_NORTH_LATITUDE = 51.0870;
    static final double CHEMPARK_WEST_PART_NORTH_LATITUDE = 51.0790;
    /** Fence distance from the railway and motorway centrelines, measured along the east axis. */
    private static final double CHEMPARK_FENCE_CLEARANCE = 60.0;
    /** The east fence leaves room for the Rhine dike and the port quay. */
    private static final double CHEMPARK_FENCE_FROM_RHINE_CENTRE = RHINE_WIDTH / 2.0 + 150.0;

    /** A road or railway: centreline, strip width and how it is written. */
    record Corridor(String idPrefix, String cityObjectType, String name, String function, double width,
            double heightAboveGround, Polyline centreline) {
    }

    /**
     * A place where residential buildings cluster: its centre, the angle of its street grid and its intended
     * extent, an ellipse with half-axes along and across the grid's streets, which it fills from the centre
     * outwards until it has its share of the town's buildings.
     */
    record District(String idPrefix, String name, double centreEasting, double centreNorthing,
            double streetGridAngleDegrees, int targetBuildingCount, double halfExtentAlong, double halfExtentAcross,
            double coreRadius, String postcode, List<String> landmarkNames) {

        /** The town centre has more apartment blocks and shops in its core than the villages. */
        boolean isTownCentre() {
            return idPrefix.equals("mitte");
        }
    }

    /** A named wood, lake or other area kept free of buildings: a simple polygon, counter-clockwise. */
    record OpenArea(String id, String name, String function, double[][] outline) {
    }

    static final Polyline RHINE = Polyline.fromWgs84(RHINE_COURSE);
    /** The Rhine as drawn: {@link #RHINE} with its course on beyond the terrain at both ends. */
    static final Polyline RHINE_DRAWN = Polyline.fromWgs84(concatenate(concatenate(List.of(RHINE_UPSTREAM),
            List.of(RHINE_COURSE)), List.of(RHINE_DOWNSTREAM)).toArray(double[][]::new));
    static final Corridor RAILWAY = new Corridor("railway", "Railway", "Köln–Neuss railway (S 11)",
            "railway line", RAILWAY_WIDTH, 0.04, Polyline.fromWgs84(RAILWAY_COURSE));
    static final Corridor A57 = new Corridor("a57", "Road", "A 57", "motorway", 24.0, 0.08,
            Polyline.fromWgs84(A57_COURSE));
    static final Corridor B9 = new Corridor("b9", "Road", "B 9", "federal road", 14.0, 0.06,
            Polyline.fromWgs84(B9_COURSE));
    static final List<Corridor> LINK_ROADS = List.of(
            new Corridor("link-nievenheim-mitte", "Road", "Nievenheim – Horrem – Dormagen", "district road", 10.0,
                    0.06, Polyline.fromWgs84(NIEVENHEIM_LINK_COURSE)),
            new Corridor("link-horrem-hackenbroich", "Road", "Horrem – Hackenbroich", "district road", 10.0,
                    0.06, Polyline.fromWgs84(HACKENBROICH_LINK_COURSE)),
            new Corridor("link-rheinfeld-zons-stuerzelberg", "Road", "Rheinfeld – Zons – Stürzelberg",
                    "district road", 10.0, 0.06, Polyline.fromWgs84(ZONS_LINK_COURSE)));

    static final List<Corridor> ROADS = concatenate(List.of(A57, B9), LINK_ROADS);

    static final double[][] CHEMPARK_EAST_PART = chemparkPart(CHEMPARK_NORTH_LATITUDE, RAILWAY.centreline(),
            RHINE, -CHEMPARK_FENCE_FROM_RHINE_CENTRE);
    static final double[][] CHEMPARK_WEST_PART = chemparkPart(CHEMPARK_WEST_PART_NORTH_LATITUDE,
            A57.centreline(), RAILWAY.centreline(), -CHEMPARK_FENCE_CLEARANCE);

    /**
     * The Stadtteile at rough real positions, with about the real town's share of its some 25,000 buildings each:
     * Dormagen-Mitte with Nord and Süd holds about two in five, the villages a few hundred to a few thousand.
     */
    static final List<District> DISTRICTS = List.of(
            district("mitte", "Dormagen-Mitte", 51.094, 6.845, 70.0, 9_800, 1_350.0, 1_100.0, 600.0, "41539",
                    List.of("Neues Rathaus", "Historisches Rathaus", "Kulturhalle", "Stadtbibliothek",
                            "St. Michael", "Christuskirche", "Gymnasium Dormagen", "Hallenbad",
                            "Kreiskrankenhaus Dormagen", "Einkaufszentrum Kölner Straße", "Bettina-von-Arnim-Gymnasium",
                            "Realschule Dormagen", "Rathaus-Galerie", "Feuerwache Dormagen")),
            district("horrem", "Horrem", 51.1005, 6.8105, -12.0, 1_500, 690.0, 520.0, 300.0, "41539",
                    List.of("Grundschule Horrem", "Pfarrkirche Horrem", "Sporthalle Horrem")),
            district("nievenheim", "Nievenheim", 51.1125, 6.7735, 8.0, 2_600, 920.0, 690.0, 350.0, "41542",
                    List.of("St. Pankratius", "Grundschule Nievenheim", "Sporthalle Nievenheim",
                            "Bürgerhaus Nievenheim")),
            district("hackenbroich", "Hackenbroich", 51.0556, 6.8172, 17.0, 2_700, 920.0, 690.0, 320.0, "41540",
                    List.of("Grundschule Hackenbroich", "Pfarrkirche Hackenbroich", "Einkaufszentrum Hackenbroich")),
            district("zons", "Zons", 51.1219, 6.8428, 35.0, 1_300, 630.0, 520.0, 250.0, "41541",
                    List.of("Burg Friedestrom", "Kreismuseum Zons", "St. Martinus", "Grundschule Zons")),
            district("rheinfeld", "Rheinfeld", 51.112, 6.856, -20.0, 1_000, 630.0, 400.0, 200.0, "41539",
                    List.of("Grundschule Rheinfeld", "Pfarrkirche Rheinfeld")),
            district("stuerzelberg", "Stürzelberg", 51.1408, 6.8156, 40.0, 900, 580.0, 400.0, 200.0, "41541",
                    List.of("Grundschule Stürzelberg", "Pfarrkirche Stürzelberg")),
            district("st-peter", "St. Peter", 51.1305, 6.8215, 25.0, 250, 290.0, 210.0, 100.0, "41541",
                    List.of("Kapelle St. Peter")),
            district("ueckerath", "Ückerath", 51.1225, 6.7665, 5.0, 700, 480.0, 340.0, 150.0, "41542",
                    List.of("Grundschule Ückerath")),
            district("delrath", "Delrath", 51.1305, 6.7905, -30.0, 1_000, 520.0, 440.0, 180.0, "41542",
                    List.of("St. Gabriel", "Grundschule Delrath")),
            district("gohr", "Gohr", 51.0985, 6.7335, 15.0, 550, 400.0, 320.0, 150.0, "41542",
                    List.of("St. Odilia")),
            district("broich", "Broich", 51.0895, 6.7375, -10.0, 200, 250.0, 180.0, 80.0, "41542", List.of()),
            district("straberg", "Straberg", 51.0735, 6.7555, 30.0, 450, 380.0, 290.0, 120.0, "41542",
                    List.of("St. Agatha")),
            district("delhoven", "Delhoven", 51.0825, 6.8145, -5.0, 900, 520.0, 400.0, 150.0, "41540",
                    List.of("Grundschule Delhoven", "St. Josef")),
            district("hackhausen", "Hackhausen", 51.0665, 6.8005, 0.0, 150, 230.0, 170.0, 60.0, "41540", List.of()),
            district("knechtsteden", "Knechtsteden", 51.0856, 6.7591, 0.0, 30, 150.0, 120.0, 150.0, "41540",
                    List.of("Kloster Knechtsteden", "Basilika Knechtsteden")));

    /**
     * The woods: the Chorbusch between Hackenbroich, Delhoven and Knechtsteden, the Knechtstedener Busch and the
     * Mühlenbusch on either side of the monastery, and the trees of the Rhine meadows north of Zons.
     */
    static final List<OpenArea> WOODS = List.of(
            blob("chorbusch", "Chorbusch", "forest", 51.0705, 6.7835, 1_150.0, 650.0, 25.0, 1),
            blob("knechtstedener-busch", "Knechtstedener Busch", "forest", 51.0925, 6.7640, 600.0, 420.0, -20.0, 2),
            blob("muehlenbusch", "Mühlenbusch", "forest", 51.0785, 6.7640, 480.0, 300.0, 10.0, 3),
            blob("zonser-grind", "Zonser Grind", "forest", 51.1290, 6.8370, 480.0, 170.0, 30.0, 4));

    /** The Straberger See, a flooded gravel pit west of Straberg. */
    static final List<OpenArea> LAKES = List.of(
            blob("straberger-see", "Straberger See", "water", 51.0765, 6.7420, 420.0, 220.0, 15.0, 5));

    private DormagenGeography() {

    }

    static double[] projected(double latitude, double longitude) {
        return Utm.wgs84ToEtrs89Utm32(latitude, longitude);
    }

    static double northingAt(double latitude) {
        return projected(latitude, 6.85)[1];
    }

    /** The Rhine's west bank easting at a northing along the stretch where it flows north. */
    static double rhineWestBankEasting(double northing) {
        return RHINE.eastingAtNorthing(northing) - RHINE_WIDTH / 2.0;
    }

    /**
     * A CHEMPARK part between two north-south lines, from the park's south latitude to
     * {@code northLatitude}: the west fence follows {@code westLine} at the fence clearance,
     * the east fence follows {@code eastLine} shifted by {@code eastOffset}. Counter-clockwise.
     */
    private static double[][] chemparkPart(double northLatitude, Polyline westLine, Polyline eastLine,
            double eastOffset) {
        double southNorthing = northingAt(CHEMPARK_SOUTH_LATITUDE);
        double northNorthing = northingAt(northLatitude);
        List<double[]> ring = new ArrayList<>();
        for (double northing : breakNorthings(eastLine, southNorthing, northNorthing)) {
            ring.add(new double[] {eastLine.eastingAtNorthing(northing) + eastOffset, northing});
        }
        List<Double> westNorthings = breakNorthings(westLine, southNorthing, northNorthing);
        for (int index = westNorthings.size() - 1; index >= 0; index--) {
            double northing = westNorthings.get(index);
            ring.add(new double[] {westLine.eastingAtNorthing(northing) + CHEMPARK_FENCE_CLEARANCE, northing});
        }
        return ring.toArray(double[][]::new);
    }

    /** The two ends plus every vertex northing of the line strictly between them, ascending. */
    private static List<Double> breakNorthings(Polyline line, double southNorthing, double northNorthing) {
        List<Double> northings = new ArrayList<>();
        northings.add(southNorthing);
        for (int index = 0; index < line.pointCount(); index++) {
            double northing = line.point(index)[1];
            if (northing > southNorthing && northing < northNorthing) {
                northings.add(northing);
            }
        }
        northings.add(northNorthing);
        return northings;
    }

    private static District district(String idPrefix, String name, double latitude, double longitude,
            double streetGridAngleDegrees, int targetBuildingCount, double halfExtentAlong, double halfExtentAcross,
            double coreRadius, String postcode, List<String> landmarkNames) {
        double[] centre = projected(latitude, longitude);
        return new District(idPrefix, name, centre[0], centre[1], streetGridAngleDegrees, targetBuildingCount,
                halfExtentAlong, halfExtentAcross, coreRadius, postcode, landmarkNames);
    }

    /**
     * An irregular, star-shaped outline around a centre: an ellipse whose radius swells and shrinks by up to a
     * fifth in two smooth waves, so the outline stays simple with no wood looking like a drawn oval.
     */
    private static OpenArea blob(String id, String name, String function, double latitude, double longitude,
            double halfLength, double halfWidth, double angleDegrees, int variant) {
        double[] centre = projected(latitude, longitude);
        double angle = StrictMath.toRadians(angleDegrees);
        int points = 28;
        double[][] outline = new double[points][];
        for (int point = 0; point < points; point++) {
            double theta = 2.0 * Math.PI * point / points;
            double swell = 1.0 + 0.12 * StrictMath.sin(2.0 * theta + variant) + 0.08 * StrictMath.sin(5.0 * theta + 2.0 * variant);
            double along = halfLength * StrictMath.cos(theta) * swell;
            double across = halfWidth * StrictMath.sin(theta) * swell;
            outline[point] = new double[] {centre[0] + along * StrictMath.cos(angle) - across * StrictMath.sin(angle),
                centre[1] + along * StrictMath.sin(angle) + across * StrictMath.cos(angle)};
        }
        return new OpenArea(id, name, function, outline);
    }

    private static <T> List<T> concatenate(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
