package de.dormagentwin.sample;

import de.dormagentwin.sample.CityObjectRecord.GeometryType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates LoD 2.2 buildings on rectangular footprints, with gable, hip or flat roofs and
 * ground, wall and roof semantics. Shared by the Dormagen sample and the synthetic benchmark
 * city so both exercise the same geometry.
 */
final class BuildingWriter {

    static final double STOREY_HEIGHT = 3.0;

    /** What a building is for; drives plausible roof shapes and storey counts. */
    enum BuildingKind {
        HOUSE("residential"),
        APARTMENT_BLOCK("residential"),
        COMMERCIAL("commercial");

        private final String function;

        BuildingKind(String function) {
            this.function = function;
        }

        String function() {
            return function;
        }
    }

    /**
     * Everything that fixes a building's shape. Homes and offices have 3 m storeys;
     * industrial halls are given taller ones.
     */
    record Design(Footprint footprint, double groundHeight, int storeys, double storeyHeight, RoofType roofType,
            double roofPitchDegrees) {

        /** A flat-roofed design, as used for commercial and industrial buildings. */
        static Design flat(Footprint footprint, double groundHeight, int storeys, double storeyHeight) {
            return new Design(footprint, groundHeight, storeys, storeyHeight, RoofType.FLAT, 0.0);
        }

        double wallHeight() {
            return storeys * storeyHeight;
        }

        /** Height of the ridge above the eaves; both roof planes share the pitch. */
        double roofRise() {
            if (roofType == RoofType.FLAT) {
                return 0.0;
            }
            return footprint.width() / 2.0 * StrictMath.tan(StrictMath.toRadians(roofPitchDegrees));
        }

        /** From the ground to the highest point, rounded to centimetres as surveys report it. */
        double measuredHeight() {
            return Math.round((wallHeight() + roofRise()) * 100.0) / 100.0;
        }
    }

    private BuildingWriter() {
    }

    /**
     * Picks roof and storeys for a building of the given kind. Houses mostly get gable roofs,
     * apartment blocks often flat ones, commercial buildings always flat ones.
     */
    static Design randomDesign(SplittableRandom random, BuildingKind kind, Footprint footprint,
            double groundHeight, int maximumStoreys) {
        double roofDraw = random.nextDouble();
        RoofType roofType = switch (kind) {
            case HOUSE -> roofDraw < 0.66 ? RoofType.GABLE : roofDraw < 0.86 ? RoofType.HIP : RoofType.FLAT;
            case APARTMENT_BLOCK -> roofDraw < 0.42 ? RoofType.GABLE : roofDraw < 0.52 ? RoofType.HIP : RoofType.FLAT;
            case COMMERCIAL -> RoofType.FLAT;
        };
        double storeyDraw = random.nextDouble();
        int storeys = switch (kind) {
            case HOUSE -> storeyDraw < 0.22 ? 1 : storeyDraw < 0.88 ? 2 : 3;
            case APARTMENT_BLOCK -> storeyDraw < 0.45 ? 3 : 4;
            case COMMERCIAL -> storeyDraw < 0.6 ? 1 : 2;
        };
        double pitchDegrees = switch (roofType) {
            case GABLE -> 30.0 + 15.0 * random.nextDouble();
            case HIP -> 25.0 + 10.0 * random.nextDouble();
            case FLAT -> 0.0;
        };
        return new Design(footprint, groundHeight, Math.min(storeys, maximumStoreys), STOREY_HEIGHT, roofType,
                pitchDegrees);
    }

    /**
     * The city object with attributes "function", "roofType", "measuredHeight" and
     * "storeysAboveGround", followed by {@code furtherAttributes} in their order.
     */
    static CityObjectRecord building(String id, Design design, String function, Map<String, Object> furtherAttributes) {
        return building(id, mesh(design), function, design.roofType(), design.measuredHeight(), design.storeys(),
                furtherAttributes);
    }

    /** The same attributes for a building whose LoD 2.2 shell was made elsewhere, such as a landmark. */
    static CityObjectRecord building(String id, Mesh mesh, String function, RoofType roofType, double measuredHeight,
            int storeys, Map<String, Object> furtherAttributes) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("function", function);
        attributes.put("roofType", roofType.attributeValue());
        attributes.put("measuredHeight", measuredHeight);
        attributes.put("storeysAboveGround", storeys);
        attributes.putAll(furtherAttributes);
        return CityObjectRecord.of(id, "Building", attributes, GeometryType.SOLID, "2.2", mesh);
    }

    /** The closed LoD 2.2 shell of a design. */
    static Mesh mesh(Design design) {
        Footprint footprint = design.footprint();
        if (design.roofType() == RoofType.FLAT) {
            Mesh mesh = new Mesh();
            Shapes.prism(mesh, footprint.corners(), design.groundHeight(),
                    design.groundHeight() + design.wallHeight(), true);
            return mesh;
        }
        return pitchedRoofMesh(design);
    }

    /**
     * Walls up to the eaves and two main roof planes meeting at a ridge along the footprint's
     * length. A gable roof closes the short sides with pentagonal gable walls; a hip roof
     * pulls the ridge ends inwards and closes them with triangular roof planes.
     */
    private static Mesh pitchedRoofMesh(Design design) {
        Footprint footprint = design.footprint();
        double[][] corners = footprint.corners();
        double ground = design.groundHeight();
        double eaves = ground + design.wallHeight();
        double ridge = eaves + design.roofRise();
        boolean hip = design.roofType() == RoofType.HIP;
        // A hip end slopes like the main planes unless the footprint is nearly square.
        double ridgeInset = hip ? Math.min(footprint.width() / 2.0, (footprint.length() - 1.0) / 2.0) : 0.0;
        double[] ridgeStart = footprint.localToWorld(-footprint.length() / 2.0 + ridgeInset, 0.0);
        double[] ridgeEnd = footprint.localToWorld(footprint.length() / 2.0 - ridgeInset, 0.0);

        Mesh mesh = new Mesh();
        int[] bottom = new int[4];
        int[] top = new int[4];
        for (int corner = 0; corner < 4; corner++) {
            bottom[corner] = mesh.addVertex(corners[corner][0], corners[corner][1], ground);
        }
        for (int corner = 0; corner < 4; corner++) {
            top[corner] = mesh.addVertex(corners[corner][0], corners[corner][1], eaves);
        }
        int ridgeAtStart = mesh.addVertex(ridgeStart[0], ridgeStart[1], ridge);
        int ridgeAtEnd = mesh.addVertex(ridgeEnd[0], ridgeEnd[1], ridge);

        mesh.addFace(SurfaceType.GROUND, Shapes.reversed(bottom));
        // Corners 0-1 and 2-3 are the long sides, 1-2 and 3-0 the short (gable or hip) ends.
        mesh.addFace(SurfaceType.WALL, bottom[0], bottom[1], top[1], top[0]);
        if (hip) {
            mesh.addFace(SurfaceType.WALL, bottom[1], bottom[2], top[2], top[1]);
        } else {
            mesh.addFace(SurfaceType.WALL, bottom[1], bottom[2], top[2], ridgeAtEnd, top[1]);
        }
        mesh.addFace(SurfaceType.WALL, bottom[2], bottom[3], top[3], top[2]);
        if (hip) {
            mesh.addFace(SurfaceType.WALL, bottom[3], bottom[0], top[0], top[3]);
        } else {
            mesh.addFace(SurfaceType.WALL, bottom[3], bottom[0], top[0], ridgeAtStart, top[3]);
        }
        mesh.addFace(SurfaceType.ROOF, top[0], top[1], ridgeAtEnd, ridgeAtStart);
        mesh.addFace(SurfaceType.ROOF, top[2], top[3], ridgeAtStart, ridgeAtEnd);
        if (hip) {
            mesh.addFace(SurfaceType.ROOF, top[1], top[2], ridgeAtEnd);
            mesh.addFace(SurfaceType.ROOF, top[3], top[0], ridgeAtStart);
        }
        return mesh;
    }
}
