package de.dormagentwin.sample;

import de.dormagentwin.model.Chempark;
import de.dormagentwin.sample.BuildingWriter.Design;
import de.dormagentwin.sample.CityObjectRecord.GeometryType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Lays out the CHEMPARK's facilities at their real scale: an internal street grid cuts both
 * parts into blocks of about 5 ha; the northernmost block of each part, by its gate, holds the
 * office blocks of the administration, the next {@value #PLANT_COUNT} blocks from the north
 * become production plants (halls 100 to 170 m long, distillation columns 40 to 80 m tall,
 * tanks 15 to 40 m across), the rest logistics areas with warehouses up to 250 m long, and
 * port cranes line the Rhine quay.
 *
 * <p>Every facility stays inside its block, so facilities never overlap and never leave the
 * park's fence, which itself lies between the A 57 and the Rhine.
 */
final class ChemparkPlanner {

    static final int PLANT_COUNT = 30;

    private static final double BLOCK_LENGTH = 270.0;
    private static final double BLOCK_DEPTH = 170.0;
    private static final double INTERNAL_ROAD_WIDTH = 20.0;
    /** The tank farm, or a cooling tower, fills the block's end beyond the production hall. */
    private static final double TANK_FARM_START = 185.0;
    private static final double TANK_FARM_LENGTH = 78.0;
    private static final double TANK_FARM_DEPTH = 148.0;
    private static final double BLOCK_CLEARANCE_FROM_FENCE = 15.0;
    /** Blocks follow the Rhine, which runs about 20 degrees west of north past the park. */
    private static final double GRID_ANGLE_RADIANS = StrictMath.toRadians(110.0);
    private static final double PORT_LATITUDE = 51.0805;
    private static final int PORT_CRANE_COUNT = 6;
    private static final double PORT_CRANE_SPACING = 70.0;

    /** A block of the internal grid, a rectangle in the grid's orientation. */
    private record Block(Footprint area, String part) {
    }

    private final SplittableRandom random;
    private final List<CityObjectRecord> facilities = new ArrayList<>();
    private final Map<String, Integer> countersByFunction = new HashMap<>();

    private ChemparkPlanner(long seed) {
        random = new SplittableRandom(seed);
    }

    /** All facilities, north to south, each a Building or OtherConstruction with the CHEMPARK attributes. */
    static List<CityObjectRecord> plan(long seed) {
        ChemparkPlanner planner = new ChemparkPlanner(seed);
        List<Block> blocks = new ArrayList<>(blocksInside(DormagenGeography.CHEMPARK_EAST_PART, "east"));
        blocks.addAll(blocksInside(DormagenGeography.CHEMPARK_WEST_PART, "west"));
        blocks.sort(Comparator.comparingDouble((Block block) -> -block.area().centreNorthing())
                .thenComparingDouble(block -> block.area().centreEasting()));
        int plantNumber = 0;
        int logisticsNumber = 0;
        List<String> partsWithOffices = new ArrayList<>();
        for (Block block : blocks) {
            if (!partsWithOffices.contains(block.part())) {
                partsWithOffices.add(block.part());
                planner.administration(block, "Administration " + block.part());
            } else if (plantNumber < PLANT_COUNT) {
                plantNumber++;
                planner.productionPlant(block, "Plant " + plantNumber);
            } else {
                logisticsNumber++;
                planner.logisticsArea(block, "Logistics area " + logisticsNumber);
            }
        }
        planner.portCranes();
        return planner.facilities;
    }

    /** Blocks of the park's internal grid that lie wholly inside a part, with room to the fence. */
    private static List<Block> blocksInside(double[][] part, String partName) {
        double[] origin = DormagenGeography.projected(51.078, 6.862);
        // A footprint of no size serves as the grid's coordinate frame.
        Footprint grid = new Footprint(origin[0], origin[1], 0.0, 0.0, GRID_ANGLE_RADIANS);
        double pitchAlong = BLOCK_LENGTH + INTERNAL_ROAD_WIDTH;
        double pitchAcross = BLOCK_DEPTH + INTERNAL_ROAD_WIDTH;
        List<Block> blocks = new ArrayList<>();
        for (int alongIndex = -12; alongIndex <= 12; alongIndex++) {
            for (int acrossIndex = -14; acrossIndex <= 14; acrossIndex++) {
                double[] centre = grid.localToWorld(alongIndex * pitchAlong, acrossIndex * pitchAcross);
                Footprint area = new Footprint(centre[0], centre[1], BLOCK_LENGTH, BLOCK_DEPTH, GRID_ANGLE_RADIANS);
                if (liesWellInside(area.corners(), part)) {
                    blocks.add(new Block(area, partName));
                }
            }
        }
        return blocks;
    }

    private static boolean liesWellInside(double[][] rectangle, double[][] part) {
        for (double[] corner : rectangle) {
            if (!Planar.contains(part, corner[0], corner[1])) {
                return false;
            }
        }
        return Planar.boundaryDistance(rectangle, part) >= BLOCK_CLEARANCE_FROM_FENCE;
    }

    /**
     * A production plant: a pipe rack along one long edge of the block; in the first part the
     * production hall with its control room, a row of distillation columns and often a stack;
     * in the rest a tank farm or, in a few plants, a cooling tower. Block coordinates run
     * 0-270 m along the grid axis (north-north-west) and 0-170 m across it.
     */
    private void productionPlant(Block block, String plant) {
        Footprint area = block.area();
        String part = block.part();
        if (random.nextDouble() < 0.8) {
            double length = 200.0 + 50.0 * random.nextDouble();
            double height = 8.0 + 4.0 * random.nextDouble();
            Footprint rack = rectangle(area, 8.0, 8.0 + length, 4.0, 10.0);
            facilityConstruction("pipe rack", pick(0.2, "none", 0.6, "flammable", "toxic"), plant, part,
                    boxMesh(rack, height), height);
        }

        double hallLength = 100.0 + 70.0 * random.nextDouble();
        double hallWidth = 30.0 + 20.0 * random.nextDouble();
        Footprint hall = rectangle(area, 8.0, 8.0 + hallLength, 166.0 - hallWidth, 166.0);
        int plantStoreys = 2 + random.nextInt(4);
        String plantHazard = pick(0.3, "none", 0.45, "flammable", random.nextDouble() < 0.7 ? "toxic" : "explosive");
        facilityBuilding("plant building", plantHazard, plant, part,
                Design.flat(hall, groundAt(hall), plantStoreys, 6.0));

        Footprint controlRoom = rectangle(area, 8.0, 8.0 + 14.0 + 6.0 * random.nextDouble(), 18.0, 30.0);
        facilityBuilding("control room", "none", plant, part, Design.flat(controlRoom, groundAt(controlRoom), 1, 4.5));

        int columns = 2 + random.nextInt(3);
        String columnHazard = pick(0.2, "none", 0.6, "flammable", "toxic");
        for (int column = 0; column < columns; column++) {
            double[] position = area.localToWorld(40.0 + 16.0 * column - BLOCK_LENGTH / 2.0, 60.0 - BLOCK_DEPTH / 2.0);
            double radius = 1.5 + 2.0 * random.nextDouble();
            double height = 40.0 + 40.0 * random.nextDouble();
            double ground = DormagenTerrain.baseHeight(Shapes.regularPolygon(position[0], position[1], radius, 12));
            Mesh mesh = new Mesh();
            Shapes.cylinder(mesh, position[0], position[1], radius, 12, ground, ground + height);
            facilityConstruction("column", columnHazard, plant, part, mesh, height);
        }

        if (random.nextDouble() < 0.4) {
            double[] position = area.localToWorld(130.0 - BLOCK_LENGTH / 2.0, 50.0 - BLOCK_DEPTH / 2.0);
            double radius = 1.5 + 1.5 * random.nextDouble();
            double height = 40.0 + 80.0 * random.nextDouble();
            double ground = DormagenTerrain.baseHeight(Shapes.regularPolygon(position[0], position[1], radius, 16));
            Mesh mesh = new Mesh();
            Shapes.cylinder(mesh, position[0], position[1], radius, 16, ground, ground + height);
            facilityConstruction("stack", "none", plant, part, mesh, height);
        }

        if (random.nextDouble() < 0.1) {
            coolingTower(area, plant, part);
        } else {
            tankFarm(area, plant, part);
        }
    }

    /**
     * Storage tanks 15 to 40 m across in the block's last 80 m, in one or two columns of up to
     * three rows, as many as fit with 8 m between them.
     */
    private void tankFarm(Footprint area, String plant, String part) {
        double radius = 7.5 + 12.5 * random.nextDouble();
        double height = 12.0 + 13.0 * random.nextDouble();
        double spacing = 2.0 * radius + 8.0;
        int columns = Math.max(1, Math.min(2, (int) Math.floor((TANK_FARM_LENGTH + 8.0) / spacing)));
        int rows = Math.max(1, Math.min(3, (int) Math.floor((TANK_FARM_DEPTH + 8.0) / spacing)));
        String hazard = pick(0.2, "none", 0.5, "flammable", "toxic");
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                if (rows * columns > 2 && random.nextDouble() < 0.2) {
                    continue;
                }
                double along = TANK_FARM_START + radius + column * spacing;
                double across = 16.0 + radius + row * spacing;
                double[] position = area.localToWorld(along - BLOCK_LENGTH / 2.0, across - BLOCK_DEPTH / 2.0);
                double ground = DormagenTerrain.baseHeight(Shapes.regularPolygon(position[0], position[1], radius, 24));
                Mesh mesh = new Mesh();
                Shapes.cylinder(mesh, position[0], position[1], radius, 24, ground, ground + height);
                facilityConstruction("storage tank", hazard, plant, part, mesh, height);
            }
        }
    }

    /**
     * The offices by a part's gate: three or four blocks of five to eight storeys, 45 to 80 m
     * long, in a row along the block's first edge.
     */
    private void administration(Block block, String name) {
        int offices = 3 + random.nextInt(2);
        double along = 10.0;
        for (int office = 0; office < offices; office++) {
            double length = 45.0 + 35.0 * random.nextDouble();
            double depth = 14.0 + 4.0 * random.nextDouble();
            if (along + length > BLOCK_LENGTH - 10.0) {
                break;
            }
            double acrossFrom = office % 2 == 0 ? 20.0 : 90.0;
            Footprint footprint = rectangle(block.area(), along, along + length, acrossFrom, acrossFrom + depth);
            int storeys = 5 + random.nextInt(4);
            facilityBuilding("office", "none", name, block.part(),
                    Design.flat(footprint, groundAt(footprint), storeys, 3.5));
            along += length + (office % 2 == 0 ? -length / 2.0 : 20.0);
        }
    }

    /**
     * A natural-draught cooling tower: a hyperboloid of revolution approximated by stacked
     * frustums, narrowest at about three quarters of its height.
     */
    private void coolingTower(Footprint area, String plant, String part) {
        double baseRadius = 24.0 + 6.0 * random.nextDouble();
        double height = 45.0 + 20.0 * random.nextDouble();
        double waistRadius = 0.62 * baseRadius;
        double waistHeight = 0.75 * height;
        double curvature = waistHeight / Math.sqrt((baseRadius / waistRadius) * (baseRadius / waistRadius) - 1.0);
        double[] position = area.localToWorld(TANK_FARM_START + TANK_FARM_LENGTH / 2.0 - BLOCK_LENGTH / 2.0,
                16.0 + TANK_FARM_DEPTH / 2.0 - BLOCK_DEPTH / 2.0);
        double ground = DormagenTerrain.baseHeight(Shapes.regularPolygon(position[0], position[1], baseRadius, 24));
        int levels = 9;
        double[] radii = new double[levels];
        double[] heights = new double[levels];
        for (int level = 0; level < levels; level++) {
            double heightAboveGround = height * level / (levels - 1);
            double fromWaist = (heightAboveGround - waistHeight) / curvature;
            radii[level] = waistRadius * Math.sqrt(1.0 + fromWaist * fromWaist);
            heights[level] = ground + heightAboveGround;
        }
        Mesh mesh = new Mesh();
        Shapes.stackedFrustums(mesh, position[0], position[1], radii, heights, 24);
        facilityConstruction("cooling tower", "none", plant, part, mesh, height);
    }

    /** One or two warehouses and a control room. */
    private void logisticsArea(Block block, String plant) {
        Footprint area = block.area();
        String part = block.part();
        boolean twoHalls = random.nextDouble() < 0.6;
        double firstDepth = twoHalls ? 45.0 + 15.0 * random.nextDouble() : 80.0 + 40.0 * random.nextDouble();
        double firstLength = 100.0 + 150.0 * random.nextDouble();
        Footprint firstHall = rectangle(area, 10.0, 10.0 + firstLength, 36.0, 36.0 + firstDepth);
        facilityBuilding("warehouse", pick(0.6, "none", 0.3, "flammable", "toxic"), plant, part,
                Design.flat(firstHall, groundAt(firstHall), 1, 8.0 + 6.0 * random.nextDouble()));
        if (twoHalls) {
            double secondLength = 100.0 + 150.0 * random.nextDouble();
            Footprint secondHall = rectangle(area, 10.0, 10.0 + secondLength, 36.0 + firstDepth + 14.0, 164.0);
            facilityBuilding("warehouse", pick(0.6, "none", 0.3, "flammable", "toxic"), plant, part,
                    Design.flat(secondHall, groundAt(secondHall), 1, 8.0 + 6.0 * random.nextDouble()));
        }
        Footprint controlRoom = rectangle(area, 10.0, 24.0, 10.0, 26.0);
        facilityBuilding("control room", "none", plant, part, Design.flat(controlRoom, groundAt(controlRoom), 1, 4.5));
    }

    /**
     * Gantry cranes on the Rhine quay of the park's port, at about Rhine-km 709: a portal,
     * a tower, a cabin and a boom parked along the quay, so nothing reaches over the water.
     */
    private void portCranes() {
        double portNorthing = DormagenGeography.northingAt(PORT_LATITUDE);
        for (int crane = 0; crane < PORT_CRANE_COUNT; crane++) {
            double northing = portNorthing + (crane - (PORT_CRANE_COUNT - 1) / 2.0) * PORT_CRANE_SPACING;
            double[] onCentreline = DormagenGeography.RHINE.nearestPointWithDirection(
                    DormagenGeography.RHINE.eastingAtNorthing(northing), northing);
            double flowAngle = StrictMath.atan2(onCentreline[3], onCentreline[2]);
            double[] bankNormalWest = {-onCentreline[3], onCentreline[2]};
            // On the quay at the top of the bank, where the ground is level.
            double inland = DormagenGeography.RHINE_WIDTH / 2.0 + DormagenTerrain.BANK_OUTSIDE + 10.0;
            double easting = onCentreline[0] + bankNormalWest[0] * inland;
            double craneNorthing = onCentreline[1] + bankNormalWest[1] * inland;
            Footprint portal = new Footprint(easting, craneNorthing, 12.0, 9.0, flowAngle);
            double ground = DormagenTerrain.baseHeight(portal.corners());

            Mesh mesh = new Mesh();
            Shapes.prism(mesh, portal.corners(), ground, ground + 9.0, false);
            Footprint tower = new Footprint(easting, craneNorthing, 3.0, 3.0, flowAngle);
            Shapes.prism(mesh, tower.corners(), ground + 9.0, ground + 30.0, false);
            double[] cabinCentre = portal.localToWorld(0.0, 3.5);
            Footprint cabin = new Footprint(cabinCentre[0], cabinCentre[1], 5.0, 4.0, flowAngle);
            Shapes.prism(mesh, cabin.corners(), ground + 26.0, ground + 30.0, false);
            double[] boomCentre = portal.localToWorld(15.0, 0.0);
            Footprint boom = new Footprint(boomCentre[0], boomCentre[1], 36.0, 2.0, flowAngle);
            Shapes.prism(mesh, boom.corners(), ground + 30.0, ground + 32.0, false);
            String id = nextId("port crane");
            facilities.add(CityObjectRecord.of(id, "OtherConstruction",
                    attributes("port crane", "none", "Rhine port (Rhine-km 709)", "east", 32.0),
                    GeometryType.MULTI_SURFACE, "2", mesh));
        }
    }

    private void facilityBuilding(String function, String hazardClass, String plant, String part, Design design) {
        Map<String, Object> further = new LinkedHashMap<>();
        further.put(Chempark.SITE_ATTRIBUTE, Chempark.SITE);
        further.put("hazardClass", hazardClass);
        further.put("plant", plant);
        further.put("part", part);
        facilities.add(BuildingWriter.building(nextId(function), design, function, further));
    }

    private void facilityConstruction(String function, String hazardClass, String plant, String part, Mesh mesh,
            double height) {
        facilities.add(CityObjectRecord.of(nextId(function), "OtherConstruction",
                attributes(function, hazardClass, plant, part, height), GeometryType.SOLID, "2", mesh));
    }

    private static Map<String, Object> attributes(String function, String hazardClass, String plant, String part,
            double height) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put(Chempark.SITE_ATTRIBUTE, Chempark.SITE);
        attributes.put("function", function);
        attributes.put("hazardClass", hazardClass);
        attributes.put("plant", plant);
        attributes.put("part", part);
        attributes.put("measuredHeight", Math.round(height * 100.0) / 100.0);
        return attributes;
    }

    /** Readable, stable ids such as {@code chempark-storage-tank-017}. */
    private String nextId(String function) {
        int number = countersByFunction.merge(function, 1, Integer::sum);
        return String.format(Locale.ROOT, "chempark-%s-%03d", function.replace(' ', '-'), number);
    }

    /** A rectangle given by its extent in block coordinates (0-270 m along, 0-170 m across). */
    private static Footprint rectangle(Footprint area, double alongFrom, double alongTo, double acrossFrom,
            double acrossTo) {
        double[] centre = area.localToWorld((alongFrom + alongTo) / 2.0 - BLOCK_LENGTH / 2.0,
                (acrossFrom + acrossTo) / 2.0 - BLOCK_DEPTH / 2.0);
        return new Footprint(centre[0], centre[1], alongTo - alongFrom, acrossTo - acrossFrom, area.angleRadians());
    }

    private static Mesh boxMesh(Footprint footprint, double height) {
        double ground = groundAt(footprint);
        Mesh mesh = new Mesh();
        Shapes.prism(mesh, footprint.corners(), ground, ground + height, false);
        return mesh;
    }

    private static double groundAt(Footprint footprint) {
        return DormagenTerrain.baseHeight(footprint.corners());
    }

    /** The first value with the first probability, the second with the second, else the third. */
    private String pick(double firstProbability, String first, double secondProbability, String second, String third) {
        double draw = random.nextDouble();
        if (draw < firstProbability) {
            return first;
        }
        return draw < firstProbability + secondProbability ? second : third;
    }
}
