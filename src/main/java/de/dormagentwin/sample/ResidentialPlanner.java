package de.dormagentwin.sample;

import de.dormagentwin.sample.BuildingWriter.BuildingKind;
import de.dormagentwin.sample.BuildingWriter.Design;
import de.dormagentwin.sample.DormagenGeography.Corridor;
import de.dormagentwin.sample.DormagenGeography.District;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Places the homes, apartment blocks and shops of each district on a street grid turned
 * to the district's own angle. Blocks nearest the centre fill first, with some noise so
 * the edge of each settlement is ragged; lots that would touch the Rhine, the railway, a
 * road, the CHEMPARK or an earlier building stay empty.
 */
final class ResidentialPlanner {

    /** Along the streets: 100 m blocks between 10 m cross streets. */
    private static final double BLOCK_PITCH_ALONG_STREET = 110.0;
    /** Across the streets: two rows of 30 m deep lots between 10 m streets. */
    private static final double BLOCK_PITCH_ACROSS_STREET = 70.0;
    private static final double STREET_WIDTH = 10.0;
    private static final double LOT_DEPTH = 30.0;
    private static final double MAXIMUM_RADIUS = 1_700.0;

    private static final double RHINE_CLEARANCE = 80.0;
    private static final double RAILWAY_CLEARANCE = 12.0;
    private static final double MOTORWAY_CLEARANCE = 25.0;
    private static final double ROAD_CLEARANCE = 5.0;
    private static final double CHEMPARK_CLEARANCE = 60.0;
    private static final double BUILDING_CLEARANCE = 3.0;

    private static final List<String> STREET_NAMES = List.of(
            "Kölner Straße", "Neusser Straße", "Kirchstraße", "Schulstraße", "Bahnhofstraße", "Lindenstraße",
            "Gartenstraße", "Rheinstraße", "Mühlenweg", "Birkenweg", "Ahornweg", "Eichenweg", "Buchenweg",
            "Kastanienallee", "Goethestraße", "Schillerstraße", "Heinestraße", "Uhlandstraße", "Mozartstraße",
            "Beethovenstraße", "Weidenweg", "Am Wasserturm", "Im Feld", "Auf der Heide", "Florastraße",
            "Römerstraße", "Friedhofstraße", "Sandweg", "Kapellenstraße", "Amselweg", "Drosselweg", "Finkenweg",
            "Lerchenweg", "Meisenweg", "Rosenstraße", "Tulpenweg", "Nelkenweg", "Am Weiher", "Wiesenweg",
            "Haberlandstraße", "Knechtstedener Straße", "Marktplatz", "Burgstraße", "Deichstraße");

    /** A building chosen for a lot, written later. */
    record PlannedBuilding(String id, Design design, String function, Map<String, Object> furtherAttributes) {

        CityObjectRecord toCityObject() {
            return BuildingWriter.building(id, design, function, furtherAttributes);
        }
    }

    private record Block(int alongIndex, int acrossIndex, double rank) {
    }

    private final OccupancyIndex occupancy;
    private final List<PlannedBuilding> planned = new ArrayList<>();

    private ResidentialPlanner(OccupancyIndex occupancy) {
        this.occupancy = occupancy;
    }

    /**
     * Plans every district in turn. Footprints already in {@code occupancy} (stations,
     * landmarks) are kept clear, and each placed building is added to it.
     */
    static List<PlannedBuilding> plan(long seed, OccupancyIndex occupancy) {
        ResidentialPlanner planner = new ResidentialPlanner(occupancy);
        List<District> districts = DormagenGeography.DISTRICTS;
        for (int index = 0; index < districts.size(); index++) {
            planner.planDistrict(districts.get(index), index, new SplittableRandom(seed + 7_919L * (index + 1)));
        }
        return planner.planned;
    }

    private void planDistrict(District district, int districtIndex, SplittableRandom random) {
        double angle = StrictMath.toRadians(district.streetGridAngleDegrees());
        // A footprint of no size serves as the street grid's coordinate frame.
        Footprint frame = new Footprint(district.centreEasting(), district.centreNorthing(), 0.0, 0.0, angle);
        List<Block> blocks = new ArrayList<>();
        int alongReach = (int) Math.ceil(MAXIMUM_RADIUS / BLOCK_PITCH_ALONG_STREET);
        int acrossReach = (int) Math.ceil(MAXIMUM_RADIUS / BLOCK_PITCH_ACROSS_STREET);
        for (int along = -alongReach; along < alongReach; along++) {
            for (int across = -acrossReach; across < acrossReach; across++) {
                double distance = Planar.length((along + 0.5) * BLOCK_PITCH_ALONG_STREET,
                        (across + 0.5) * BLOCK_PITCH_ACROSS_STREET);
                // The noise makes the settlement's edge ragged instead of a perfect disc.
                double rank = distance * (0.75 + 0.5 * random.nextDouble());
                if (distance <= MAXIMUM_RADIUS) {
                    blocks.add(new Block(along, across, rank));
                }
            }
        }
        blocks.sort(Comparator.comparingDouble(Block::rank)
                .thenComparingInt(Block::alongIndex).thenComparingInt(Block::acrossIndex));

        List<String> landmarks = new ArrayList<>(district.landmarkNames());
        int placed = 0;
        for (Block block : blocks) {
            if (placed >= district.targetBuildingCount()) {
                break;
            }
            // Some blocks stay green: parks, playgrounds, sports fields.
            if (random.nextDouble() < 0.07) {
                continue;
            }
            for (boolean facesStreetBelow : new boolean[] {true, false}) {
                placed = planRow(district, districtIndex, frame, block, facesStreetBelow, landmarks, random, placed);
            }
        }
    }

    /**
     * Fills one row of lots of a block. A row faces either the street on its low side
     * ("below", across index {@code j}) or the one on its high side (index {@code j + 1}).
     */
    private int planRow(District district, int districtIndex, Footprint frame, Block block, boolean facesStreetBelow,
            List<String> landmarks, SplittableRandom random, int placedSoFar) {
        int placed = placedSoFar;
        double blockStart = block.alongIndex() * BLOCK_PITCH_ALONG_STREET + STREET_WIDTH / 2.0;
        double blockEnd = (block.alongIndex() + 1) * BLOCK_PITCH_ALONG_STREET - STREET_WIDTH / 2.0;
        double streetLine = facesStreetBelow
                ? block.acrossIndex() * BLOCK_PITCH_ACROSS_STREET + STREET_WIDTH / 2.0
                : (block.acrossIndex() + 1) * BLOCK_PITCH_ACROSS_STREET - STREET_WIDTH / 2.0;
        double inwards = facesStreetBelow ? 1.0 : -1.0;
        int streetIndex = facesStreetBelow ? block.acrossIndex() : block.acrossIndex() + 1;
        String streetName = STREET_NAMES.get(Math.floorMod(streetIndex + 11 * districtIndex, STREET_NAMES.size()));
        double distanceToCentre = Planar.length((block.alongIndex() + 0.5) * BLOCK_PITCH_ALONG_STREET,
                (block.acrossIndex() + 0.5) * BLOCK_PITCH_ACROSS_STREET);
        boolean inCore = distanceToCentre < district.coreRadius();

        double lotStart = blockStart;
        while (placed < district.targetBuildingCount()) {
            BuildingKind kind = chooseKind(random, inCore, district.isTownCentre());
            double lotWidth = switch (kind) {
                case HOUSE -> 14.0 + 6.0 * random.nextDouble();
                case APARTMENT_BLOCK -> 28.0 + 16.0 * random.nextDouble();
                case COMMERCIAL -> 34.0 + 18.0 * random.nextDouble();
            };
            if (lotStart + lotWidth > blockEnd) {
                if (kind == BuildingKind.HOUSE || lotStart + 14.0 > blockEnd) {
                    break;
                }
                continue;
            }
            double lotCentre = lotStart + lotWidth / 2.0;
            lotStart += lotWidth;
            // A few lots stay empty: gardens, garages, building sites.
            if (random.nextDouble() < 0.05) {
                continue;
            }
            double sideGap = kind == BuildingKind.HOUSE ? 3.0 + 2.0 * random.nextDouble() : 4.0;
            double frontage = lotWidth - sideGap;
            double depth = switch (kind) {
                case HOUSE -> 9.0 + 4.0 * random.nextDouble();
                case APARTMENT_BLOCK -> 12.0 + 3.0 * random.nextDouble();
                case COMMERCIAL -> 16.0 + 8.0 * random.nextDouble();
            };
            double setback = kind == BuildingKind.HOUSE
                    ? 3.0 + 4.0 * random.nextDouble()
                    : 2.0 + 2.0 * random.nextDouble();
            setback = Math.min(setback, LOT_DEPTH - depth - 1.0);
            double acrossCentre = streetLine + inwards * (setback + depth / 2.0);
            double[] centre = frame.localToWorld(lotCentre, acrossCentre);
            Footprint footprint = Footprint.withRidgeAlongLongerSide(centre[0], centre[1], frontage, depth,
                    frame.angleRadians());
            double[][] corners = footprint.corners();
            if (!isBuildable(corners)) {
                continue;
            }
            Design design = BuildingWriter.randomDesign(random, kind,
                    footprint, DormagenTerrain.baseHeight(corners), 4);

            placed++;
            occupancy.add(corners);
            Map<String, Object> further = new LinkedHashMap<>();
            further.put("district", district.name());
            String function = kind.function();
            if (kind != BuildingKind.HOUSE && inCore && !landmarks.isEmpty() && random.nextDouble() < 0.5) {
                function = "public";
                further.put("name", landmarks.remove(0));
            } else if (random.nextDouble() < 0.1) {
                further.put("address", address(streetName, lotCentre, facesStreetBelow, district.postcode()));
            }
            String id = String.format(Locale.ROOT, "%s-b%04d", district.idPrefix(), placed);
            planned.add(new PlannedBuilding(id, design, function, further));
        }
        return placed;
    }

    /**
     * Mostly houses; apartment blocks and shops gather in the core, where Dormagen-Mitte,
     * the town centre, has the most of them.
     */
    private static BuildingKind chooseKind(SplittableRandom random, boolean inCore, boolean townCentre) {
        double draw = random.nextDouble();
        double apartmentShare = inCore ? (townCentre ? 0.35 : 0.25) : 0.06;
        double commercialShare = inCore ? (townCentre ? 0.14 : 0.08) : 0.03;
        if (draw < apartmentShare) {
            return BuildingKind.APARTMENT_BLOCK;
        }
        return draw < apartmentShare + commercialShare ? BuildingKind.COMMERCIAL : BuildingKind.HOUSE;
    }

    /** Odd numbers on one side of the street, even on the other, rising along it. */
    private static String address(String streetName, double positionAlongStreet, boolean oddSide, String postcode) {
        int pair = (int) Math.floor((positionAlongStreet + 2_000.0) / 16.0);
        int number = 2 * pair + (oddSide ? 1 : 2);
        return streetName + " " + number + ", " + postcode + " Dormagen";
    }

    private boolean isBuildable(double[][] corners) {
        if (DormagenGeography.RHINE.comesWithin(corners, DormagenGeography.RHINE_WIDTH / 2.0 + RHINE_CLEARANCE)) {
            return false;
        }
        Corridor railway = DormagenGeography.RAILWAY;
        if (railway.centreline().comesWithin(corners, railway.width() / 2.0 + RAILWAY_CLEARANCE)) {
            return false;
        }
        for (Corridor road : DormagenGeography.ROADS) {
            double clearance = road == DormagenGeography.A57 ? MOTORWAY_CLEARANCE : ROAD_CLEARANCE;
            if (road.centreline().comesWithin(corners, road.width() / 2.0 + clearance)) {
                return false;
            }
        }
        for (double[][] part : List.of(DormagenGeography.CHEMPARK_EAST_PART, DormagenGeography.CHEMPARK_WEST_PART)) {
            if (Planar.contains(part, corners[0][0], corners[0][1])
                    || Planar.boundaryDistance(corners, part) < CHEMPARK_CLEARANCE) {
                return false;
            }
        }
        return occupancy.isFree(corners, BUILDING_CLEARANCE);
    }
}
