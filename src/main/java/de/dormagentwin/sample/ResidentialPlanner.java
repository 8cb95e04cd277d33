package de.dormagentwin.sample;

import de.dormagentwin.sample.BuildingWriter.BuildingKind;
import de.dormagentwin.sample.BuildingWriter.Design;
import de.dormagentwin.sample.CityObjectRecord.GeometryType;
import de.dormagentwin.sample.DormagenGeography.Corridor;
import de.dormagentwin.sample.DormagenGeography.District;
import de.dormagentwin.sample.DormagenGeography.OpenArea;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Places the homes, apartment blocks and shops of each district on a street grid turned
 * to the district's own angle, and writes the streets they face. Blocks nearest the centre,
 * measured within the district's intended extent, fill first, with some noise so the edge of
 * each settlement is ragged; lots that would touch the Rhine, the railway, a road, the
 * CHEMPARK, a wood, a lake or an earlier building stay empty. A few blocks stay green: parks,
 * sports fields, allotments and cemeteries.
 */
final class ResidentialPlanner {

    /** Along the streets: 100 m blocks between 10 m cross streets. */
    private static final double BLOCK_PITCH_ALONG_STREET = 110.0;
    /** Across the streets: two rows of 30 m deep lots between 10 m streets. */
    private static final double BLOCK_PITCH_ACROSS_STREET = 70.0;
    private static final double STREET_WIDTH = 10.0;
    private static final double LOT_DEPTH = 30.0;
    /** How far beyond its intended extent, in multiples of it, a district may grow to reach its count. */
    private static final double MAXIMUM_REACH = 1.7;
    /** A residential street's strip: narrower than the gap between the lots, so it never runs under a house. */
    private static final double STREET_STRIP_WIDTH = 7.0;
    private static final double STREET_ABOVE_GROUND = 0.05;
    private static final double STREET_PIECE_LENGTH = 50.0;
    private static final double GREEN_SHARE = 0.07;
    /** A street is laid in steps this long, so that it stops just short of what it may not cross. */
    private static final double CLEARANCE_STEP = 10.0;
    /** What a street keeps from buildings and green blocks placed before it. */
    private static final double STREET_CLEARANCE = 1.0;
    /** How far along its street, to either side, a lot's street must be free: at least two steps of it. */
    private static final double STREET_REACH = 15.0;

    private static final double RHINE_CLEARANCE = 80.0;
    private static final double RAILWAY_CLEARANCE = 12.0;
    private static final double MOTORWAY_CLEARANCE = 25.0;
    private static final double ROAD_CLEARANCE = 5.0;
    private static final double CHEMPARK_CLEARANCE = 60.0;
    private static final double BUILDING_CLEARANCE = 3.0;
    private static final double OPEN_AREA_CLEARANCE = 10.0;

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

    /** A block's or a street piece's place in a district's grid, ordered so that iteration is deterministic. */
    private record Cell(int line, int index) implements Comparable<Cell> {
        @Override
        public int compareTo(Cell other) {
            return line != other.line ? Integer.compare(line, other.line) : Integer.compare(index, other.index);
        }
    }

    /** What one district's planning leaves for its streets and land use. */
    private static final class DistrictLayout {
        final District district;
        final int districtIndex;
        final Footprint frame;
        /** Blocks with buildings or green, by across index (line) and along index. */
        final TreeSet<Cell> usedBlocks = new TreeSet<>();
        /** Per street along the grid (line = across index of the street) and block: the along extent of its lots. */
        final TreeMap<Cell, double[]> frontages = new TreeMap<>();
        final List<CityObjectRecord> greens = new ArrayList<>();
        final List<CityObjectRecord> streets = new ArrayList<>();

        DistrictLayout(District district, int districtIndex, Footprint frame) {
            this.district = district;
            this.districtIndex = districtIndex;
            this.frame = frame;
        }

        void front(int streetLine, int alongIndex, double from, double to) {
            double[] extent = frontages.computeIfAbsent(new Cell(streetLine, alongIndex),
                    cell -> new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
            extent[0] = Math.min(extent[0], from);
            extent[1] = Math.max(extent[1], to);
        }
    }

    /** Everything the planner makes, each list in file order. */
    record Plan(List<PlannedBuilding> buildings, List<CityObjectRecord> streets, List<CityObjectRecord> residentialAreas,
            List<CityObjectRecord> greenAreas) {
    }

    private final OccupancyIndex occupancy;
    private final List<PlannedBuilding> planned = new ArrayList<>();
    private final List<DistrictLayout> layouts = new ArrayList<>();

    private ResidentialPlanner(OccupancyIndex occupancy) {
        this.occupancy = occupancy;
    }

    /**
     * Plans every district in turn. Footprints already in {@code occupancy} (stations,
     * landmarks) are kept clear, and each placed building and green block is added to it.
     */
    static Plan plan(long seed, OccupancyIndex occupancy) {
        ResidentialPlanner planner = new ResidentialPlanner(occupancy);
        List<District> districts = DormagenGeography.DISTRICTS;
        for (int index = 0; index < districts.size(); index++) {
            planner.planDistrict(districts.get(index), index, new SplittableRandom(seed + 7_919L * (index + 1)));
        }
        List<CityObjectRecord> streets = new ArrayList<>();
        List<CityObjectRecord> residential = new ArrayList<>();
        List<CityObjectRecord> greens = new ArrayList<>();
        for (DistrictLayout layout : planner.layouts) {
            streets.addAll(layout.streets);
            residential.add(residentialArea(layout));
            greens.addAll(layout.greens);
        }
        return new Plan(planner.planned, streets, residential, greens);
    }

    private void planDistrict(District district, int districtIndex, SplittableRandom random) {
        double angle = StrictMath.toRadians(district.streetGridAngleDegrees());
        // A footprint of no size serves as the street grid's coordinate frame.
        Footprint frame = new Footprint(district.centreEasting(), district.centreNorthing(), 0.0, 0.0, angle);
        DistrictLayout layout = new DistrictLayout(district, districtIndex, frame);
        layouts.add(layout);
        List<Block> blocks = new ArrayList<>();
        int alongReach = (int) Math.ceil(MAXIMUM_REACH * district.halfExtentAlong() / BLOCK_PITCH_ALONG_STREET);
        int acrossReach = (int) Math.ceil(MAXIMUM_REACH * district.halfExtentAcross() / BLOCK_PITCH_ACROSS_STREET);
        for (int along = -alongReach; along < alongReach; along++) {
            for (int across = -acrossReach; across < acrossReach; across++) {
                double reach = Planar.length((along + 0.5) * BLOCK_PITCH_ALONG_STREET / district.halfExtentAlong(),
                        (across + 0.5) * BLOCK_PITCH_ACROSS_STREET / district.halfExtentAcross());
                // The noise makes the settlement's edge ragged instead of a perfect ellipse.
                double rank = reach * (0.8 + 0.4 * random.nextDouble());
                if (reach <= MAXIMUM_REACH) {
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
            if (random.nextDouble() < GREEN_SHARE) {
                planGreen(layout, block, random);
                continue;
            }
            int before = placed;
            for (boolean facesStreetBelow : new boolean[] {true, false}) {
                placed = planRow(layout, block, facesStreetBelow, landmarks, random, placed);
            }
            if (placed > before) {
                layout.usedBlocks.add(new Cell(block.acrossIndex(), block.alongIndex()));
            }
        }
        layout.streets.addAll(streets(layout));
    }

    /**
     * Keeps a whole block green where nothing stands in the way: the district's first green is its cemetery,
     * the second its sports ground, the rest parks and allotments.
     */
    private void planGreen(DistrictLayout layout, Block block, SplittableRandom random) {
        double draw = random.nextDouble();
        double alongFrom = block.alongIndex() * BLOCK_PITCH_ALONG_STREET + STREET_WIDTH / 2.0;
        double alongTo = (block.alongIndex() + 1) * BLOCK_PITCH_ALONG_STREET - STREET_WIDTH / 2.0;
        double acrossFrom = block.acrossIndex() * BLOCK_PITCH_ACROSS_STREET + STREET_WIDTH / 2.0;
        double acrossTo = (block.acrossIndex() + 1) * BLOCK_PITCH_ACROSS_STREET - STREET_WIDTH / 2.0;
        double[][] area = rectangle(layout.frame, alongFrom, alongTo, acrossFrom, acrossTo);
        if (!isBuildable(area)) {
            return;
        }
        occupancy.add(area);
        layout.usedBlocks.add(new Cell(block.acrossIndex(), block.alongIndex()));
        layout.front(block.acrossIndex(), block.alongIndex(), alongFrom, alongTo);
        layout.front(block.acrossIndex() + 1, block.alongIndex(), alongFrom, alongTo);
        int number = layout.greens.size() + 1;
        String function = switch (number) {
            case 1 -> "cemetery";
            case 2 -> "sports";
            default -> draw < 0.55 ? "park" : draw < 0.8 ? "allotments" : "sports";
        };
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("function", function);
        attributes.put("district", layout.district.name());
        String id = String.format(Locale.ROOT, "%s-%s-%02d", layout.district.idPrefix(), function, number);
        layout.greens.add(LandUse.area(id, attributes, List.<double[][]>of(area)));
    }

    /**
     * Fills one row of lots of a block. A row faces either the street on its low side
     * ("below", across index {@code j}) or the one on its high side (index {@code j + 1}).
     */
    private int planRow(DistrictLayout layout, Block block, boolean facesStreetBelow, List<String> landmarks,
            SplittableRandom random, int placedSoFar) {
        District district = layout.district;
        int districtIndex = layout.districtIndex;
        Footprint frame = layout.frame;
        int placed = placedSoFar;
        double blockStart = block.alongIndex() * BLOCK_PITCH_ALONG_STREET + STREET_WIDTH / 2.0;
        double blockEnd = (block.alongIndex() + 1) * BLOCK_PITCH_ALONG_STREET - STREET_WIDTH / 2.0;
        double streetLine = facesStreetBelow
                ? block.acrossIndex() * BLOCK_PITCH_ACROSS_STREET + STREET_WIDTH / 2.0
                : (block.acrossIndex() + 1) * BLOCK_PITCH_ACROSS_STREET - STREET_WIDTH / 2.0;
        double inwards = facesStreetBelow ? 1.0 : -1.0;
        int streetIndex = facesStreetBelow ? block.acrossIndex() : block.acrossIndex() + 1;
        String streetName = streetName(streetIndex, districtIndex);
        double distanceToCentre = Planar.length((block.alongIndex() + 0.5) * BLOCK_PITCH_ALONG_STREET,
                (block.acrossIndex() + 0.5) * BLOCK_PITCH_ACROSS_STREET);
        boolean inCore = distanceToCentre < district.coreRadius();

        double lotStart = blockStart;
        while (placed < district.targetBuildingCount()) {
            BuildingKind kind = chooseKind(random, inCore, district.isTownCentre());
            double lotWidth = switch (kind) {
                case HOUSE -> 10.0 + 7.0 * random.nextDouble();
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
            double sideGap = kind == BuildingKind.HOUSE ? 3.2 + 1.3 * random.nextDouble() : 4.0;
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
            if (!isBuildable(corners) || !hasStreetInFront(frame, streetIndex, lotCentre)) {
                continue;
            }
            Design design = BuildingWriter.randomDesign(random, kind,
                    footprint, DormagenTerrain.baseHeight(corners), 4);

            placed++;
            occupancy.add(corners);
            layout.front(streetIndex, block.alongIndex(), lotCentre - frontage / 2.0, lotCentre + frontage / 2.0);
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
        if (touchesOpenArea(corners)) {
            return false;
        }
        return occupancy.isFree(corners, BUILDING_CLEARANCE);
    }

    /** Whether a polygon reaches into a wood or a lake, or lies around one. */
    private static boolean touchesOpenArea(double[][] corners) {
        List<OpenArea> open = new ArrayList<>(DormagenGeography.WOODS);
        open.addAll(DormagenGeography.LAKES);
        for (OpenArea area : open) {
            for (double[] corner : corners) {
                if (Planar.contains(area.outline(), corner[0], corner[1])) {
                    return true;
                }
            }
            if (Planar.contains(corners, area.outline()[0][0], area.outline()[0][1])
                    || Planar.boundaryDistance(corners, area.outline()) < OPEN_AREA_CLEARANCE) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a piece of residential street may be laid: never into the Rhine, the CHEMPARK, a wood or a lake,
     * and never across the motorway or the railway, where a real street would need a bridge.
     */
    private boolean streetMayRunOver(double[][] piece) {
        if (DormagenGeography.RHINE.comesWithin(piece, DormagenGeography.RHINE_WIDTH / 2.0 + 20.0)) {
            return false;
        }
        for (Corridor barrier : List.of(DormagenGeography.RAILWAY, DormagenGeography.A57)) {
            if (barrier.centreline().comesWithin(piece, barrier.width() / 2.0 + 2.0)) {
                return false;
            }
        }
        for (double[][] part : List.of(DormagenGeography.CHEMPARK_EAST_PART, DormagenGeography.CHEMPARK_WEST_PART)) {
            if (Planar.contains(part, piece[0][0], piece[0][1]) || Planar.boundaryDistance(piece, part) < 10.0) {
                return false;
            }
        }
        return !touchesOpenArea(piece) && occupancy.isFree(piece, STREET_CLEARANCE);
    }

    /**
     * Whether the street in front of a lot can be laid for 15 m to either side of its middle: a house stands only
     * where its street will reach it, not behind a building of an earlier district that stands on the street's line.
     */
    private boolean hasStreetInFront(Footprint frame, int streetIndex, double lotCentre) {
        double street = streetIndex * BLOCK_PITCH_ACROSS_STREET;
        return streetMayRunOver(rectangle(frame, lotCentre - STREET_REACH, lotCentre + STREET_REACH,
                street - STREET_STRIP_WIDTH / 2.0, street + STREET_STRIP_WIDTH / 2.0));
    }

    private static String streetName(int streetIndex, int districtIndex) {
        return STREET_NAMES.get(Math.floorMod(streetIndex + 11 * districtIndex, STREET_NAMES.size()));
    }

    /**
     * A district's streets: one object per run of street along the grid past its lots, then one per run of cross
     * street between its blocks, with ids such as {@code mitte-s0012}; each a strip a few centimetres above the
     * ground, cut where it would cross the railway, the motorway, the Rhine, the CHEMPARK, a wood or a building
     * placed before. Its pieces then go into the occupancy, so that no later district builds on them.
     */
    private List<CityObjectRecord> streets(DistrictLayout layout) {
        List<double[][]> laid = new ArrayList<>();
        List<double[]> runs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Boolean> alongTheGrid = new ArrayList<>();
        TreeMap<Integer, TreeMap<Integer, double[]>> byLine = new TreeMap<>();
        layout.frontages.forEach((cell, extent) ->
                byLine.computeIfAbsent(cell.line(), line -> new TreeMap<>()).put(cell.index(), extent));
        for (Map.Entry<Integer, TreeMap<Integer, double[]>> line : byLine.entrySet()) {
            double across = line.getKey() * BLOCK_PITCH_ACROSS_STREET;
            double[] run = null;
            int previousIndex = Integer.MIN_VALUE;
            for (Map.Entry<Integer, double[]> piece : line.getValue().entrySet()) {
                int index = piece.getKey();
                boolean joinsPrevious = index == previousIndex + 1;
                double from = joinsPrevious ? index * BLOCK_PITCH_ALONG_STREET : piece.getValue()[0] - STREET_WIDTH / 2.0;
                double to = line.getValue().containsKey(index + 1)
                        ? (index + 1) * BLOCK_PITCH_ALONG_STREET : piece.getValue()[1] + STREET_WIDTH / 2.0;
                if (!joinsPrevious) {
                    run = null;
                }
                int steps = (int) Math.ceil((to - from) / CLEARANCE_STEP);
                for (int step = 0; step < steps; step++) {
                    double stepFrom = from + (to - from) * step / steps;
                    double stepTo = step + 1 == steps ? to : from + (to - from) * (step + 1) / steps;
                    double[][] strip = rectangle(layout.frame, stepFrom, stepTo,
                            across - STREET_STRIP_WIDTH / 2.0, across + STREET_STRIP_WIDTH / 2.0);
                    if (!streetMayRunOver(strip)) {
                        run = null;
                        continue;
                    }
                    laid.add(strip);
                    if (run != null) {
                        run[1] = stepTo;
                    } else {
                        run = new double[] {stepFrom, stepTo, across};
                        runs.add(run);
                        names.add(streetName(line.getKey(), layout.districtIndex));
                        alongTheGrid.add(true);
                    }
                }
                previousIndex = index;
            }
        }
        TreeSet<Cell> crossPieces = new TreeSet<>();
        for (Cell block : layout.usedBlocks) {
            crossPieces.add(new Cell(block.index(), block.line()));
            crossPieces.add(new Cell(block.index() + 1, block.line()));
        }
        double[] run = null;
        Cell previous = null;
        for (Cell piece : crossPieces) {
            double along = piece.line() * BLOCK_PITCH_ALONG_STREET;
            boolean joinsPrevious = previous != null && previous.line() == piece.line()
                    && previous.index() + 1 == piece.index();
            if (!joinsPrevious) {
                run = null;
            }
            int steps = (int) Math.ceil(BLOCK_PITCH_ACROSS_STREET / CLEARANCE_STEP);
            for (int step = 0; step < steps; step++) {
                double from = piece.index() * BLOCK_PITCH_ACROSS_STREET + BLOCK_PITCH_ACROSS_STREET * step / steps;
                double to = piece.index() * BLOCK_PITCH_ACROSS_STREET + BLOCK_PITCH_ACROSS_STREET * (step + 1) / steps;
                double[][] strip = rectangle(layout.frame, along - STREET_STRIP_WIDTH / 2.0,
                        along + STREET_STRIP_WIDTH / 2.0, from, to);
                if (!streetMayRunOver(strip)) {
                    run = null;
                    continue;
                }
                laid.add(strip);
                if (run != null) {
                    run[1] = to;
                } else {
                    run = new double[] {from, to, along};
                    runs.add(run);
                    names.add(STREET_NAMES.get(Math.floorMod(piece.line() * 7 + 5 + 13 * layout.districtIndex,
                            STREET_NAMES.size())));
                    alongTheGrid.add(false);
                }
            }
            previous = piece;
        }
        // Only now: the district's own streets cross each other.
        laid.forEach(occupancy::add);
        List<CityObjectRecord> streets = new ArrayList<>();
        for (int index = 0; index < runs.size(); index++) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("name", names.get(index));
            attributes.put("function", "residential street");
            String id = String.format(Locale.ROOT, "%s-s%04d", layout.district.idPrefix(), index + 1);
            Mesh mesh = streetMesh(layout.frame, runs.get(index), alongTheGrid.get(index));
            streets.add(CityObjectRecord.of(id, "Road", attributes, GeometryType.MULTI_SURFACE, "1", mesh));
        }
        return streets;
    }

    /**
     * A street's strip from {@code run[0]} to {@code run[1]} at {@code run[2]} across it, in pieces short enough
     * to follow the ground; the left side is the one counter-clockwise of the direction of travel.
     */
    private static Mesh streetMesh(Footprint frame, double[] run, boolean alongTheGrid) {
        int pieces = Math.max(1, (int) Math.ceil((run[1] - run[0]) / STREET_PIECE_LENGTH));
        double[][] leftSide = new double[pieces + 1][];
        double[][] rightSide = new double[pieces + 1][];
        double[] heights = new double[pieces + 1];
        double half = STREET_STRIP_WIDTH / 2.0;
        for (int section = 0; section <= pieces; section++) {
            double position = run[0] + (run[1] - run[0]) * section / pieces;
            double[] middle;
            if (alongTheGrid) {
                middle = frame.localToWorld(position, run[2]);
                leftSide[section] = frame.localToWorld(position, run[2] + half);
                rightSide[section] = frame.localToWorld(position, run[2] - half);
            } else {
                middle = frame.localToWorld(run[2], position);
                leftSide[section] = frame.localToWorld(run[2] - half, position);
                rightSide[section] = frame.localToWorld(run[2] + half, position);
            }
            heights[section] = DormagenTerrain.heightAt(middle[0], middle[1]) + STREET_ABOVE_GROUND;
        }
        Mesh mesh = new Mesh();
        Shapes.strip(mesh, leftSide, rightSide, heights);
        return mesh;
    }

    /**
     * The district's built-up ground: one rectangle per run of neighbouring blocks in a row, streets included,
     * so that every building of the district stands on it.
     */
    private static CityObjectRecord residentialArea(DistrictLayout layout) {
        List<double[][]> rectangles = new ArrayList<>();
        Cell runStart = null;
        Cell previous = null;
        for (Cell block : layout.usedBlocks) {
            if (runStart != null && (previous.line() != block.line() || previous.index() + 1 != block.index())) {
                rectangles.add(blockRun(layout.frame, runStart, previous));
                runStart = null;
            }
            if (runStart == null) {
                runStart = block;
            }
            previous = block;
        }
        if (runStart != null) {
            rectangles.add(blockRun(layout.frame, runStart, previous));
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("function", "residential");
        attributes.put("district", layout.district.name());
        return LandUse.area(layout.district.idPrefix() + "-residential", attributes, rectangles);
    }

    private static double[][] blockRun(Footprint frame, Cell first, Cell last) {
        return rectangle(frame, first.index() * BLOCK_PITCH_ALONG_STREET, (last.index() + 1) * BLOCK_PITCH_ALONG_STREET,
                first.line() * BLOCK_PITCH_ACROSS_STREET, (first.line() + 1) * BLOCK_PITCH_ACROSS_STREET);
    }

    /** A rectangle in a district's grid, counter-clockwise seen from above. */
    private static double[][] rectangle(Footprint frame, double alongFrom, double alongTo, double acrossFrom,
            double acrossTo) {
        return new double[][] {frame.localToWorld(alongFrom, acrossFrom), frame.localToWorld(alongTo, acrossFrom),
            frame.localToWorld(alongTo, acrossTo), frame.localToWorld(alongFrom, acrossTo)};
    }
}
