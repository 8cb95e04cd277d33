package de.dormagentwin.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a CityGML 2.0 tile shaped like NRW's LoD2 tiles (the CityModel envelope in AdV's UTM 32 srsName,
 * bldg:Building with gen:stringAttributes, function, roofType and measuredHeight, boundedBy Ground-, Wall- and
 * RoofSurfaces with lod2MultiSurface polygons, UUID-like gml:ids) with as many buildings as asked: for measuring
 * the reader on files as large as the real ones, which cannot be shipped. Every fifth building consists of two
 * flat-roofed parts; the others are gable-roofed houses. About 6 KB a building, as in NRW's tiles.
 */
public final class NrwTileGenerator {
    private static final int EAST_KM = 345;
    private static final int NORTH_KM = 5663;
    private static final int PART_EVERY = 5;

    private final Writer out;
    private final SplittableRandom random;
    private final StringBuilder line = new StringBuilder(1024);
    private long ids;

    private NrwTileGenerator(Writer out, long seed) {
        this.out = out;
        this.random = new SplittableRandom(seed);
    }

    /** How many of {@code buildings} have two parts, for tests that count objects. */
    public static int partedBuildings(int buildings) {
        return (buildings + PART_EVERY - 1) / PART_EVERY;
    }

    /** One tile, {@code LoD2_32_345_5663_1_NW}, with {@code buildings} buildings. */
    public static void write(Path file, int buildings, long seed) throws IOException {
        write(file, EAST_KM, NORTH_KM, buildings, 0, seed);
    }

    /**
     * A tile named and placed as NRW's tile of the kilometre square at {@code eastKm}, {@code northKm}, in {@code folder}.
     * Building ids count on from {@code firstBuilding}, so that the tiles of one folder do not share ids.
     */
    public static Path writeTile(Path folder, int eastKm, int northKm, int buildings, int firstBuilding, long seed) throws IOException {
        Path file = folder.resolve(tileName(eastKm, northKm) + ".gml");
        write(file, eastKm, northKm, buildings, firstBuilding, seed);
        return file;
    }

    public static String tileName(int eastKm, int northKm) {
        return "LoD2_32_" + eastKm + "_" + northKm + "_1_NW";
    }

    private static void write(Path file, int eastKm, int northKm, int buildings, int firstBuilding, long seed) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            NrwTileGenerator generator = new NrwTileGenerator(writer, seed);
            generator.header(eastKm, northKm);
            int columns = (int) Math.ceil(Math.sqrt(buildings));
            double spacing = 1000.0 / columns;
            for (int i = 0; i < buildings; i++) {
                double x = eastKm * 1000.0 + (i % columns) * spacing;
                double y = northKm * 1000.0 + (i / columns) * spacing;
                if (i % PART_EVERY == 0) {
                    generator.partedBuilding(firstBuilding + i, x, y);
                } else {
                    generator.house(firstBuilding + i, x, y);
                }
            }
            writer.write("</core:CityModel>\n");
        }
    }

    private void header(int eastKm, int northKm) throws IOException {
        out.write("""
                <?xml version="1.0" encoding="UTF-8"?>
                <core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0" xmlns:bldg="http://www.opengis.net/citygml/building/2.0" \
                xmlns:gen="http://www.opengis.net/citygml/generics/2.0" xmlns:gml="http://www.opengis.net/gml" xmlns:xlink="http://www.w3.org/1999/xlink">
                <gml:name>%s</gml:name>
                <gml:boundedBy>
                <gml:Envelope srsName="urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH" srsDimension="3">
                <gml:lowerCorner>%d %d 30</gml:lowerCorner>
                <gml:upperCorner>%d %d 80</gml:upperCorner>
                </gml:Envelope>
                </gml:boundedBy>
                """.formatted(tileName(eastKm, northKm), eastKm * 1000, northKm * 1000, (eastKm + 1) * 1000, (northKm + 1) * 1000));
    }

    private void startBuilding(String tag, String id) throws IOException {
        out.write("<" + tag + " gml:id=\"" + id + "\">\n<core:creationDate>2024-03-01</core:creationDate>\n");
        out.write("<core:externalReference>\n<core:informationSystem>http://repository.gdi-de.org/schemas/adv/citygml/fdv/art.htm#_9100</core:informationSystem>\n"
                + "<core:externalObject>\n<core:name>" + id + "</core:name>\n</core:externalObject>\n</core:externalReference>\n");
        stringAttribute("DatenquelleDachhoehe", "1000");
        stringAttribute("DatenquelleLage", "1000");
        stringAttribute("DatenquelleBodenhoehe", "1100");
        stringAttribute("Gemeindeschluessel", "05162008");
    }

    private void stringAttribute(String name, String value) throws IOException {
        out.write("<gen:stringAttribute name=\"" + name + "\">\n<gen:value>" + value + "</gen:value>\n</gen:stringAttribute>\n");
    }

    private void house(int index, double x, double y) throws IOException {
        String id = "DENW36AL" + String.format("%08X", index);
        double width = 6 + random.nextDouble() * 8;
        double depth = 6 + random.nextDouble() * 6;
        double ground = 35 + random.nextDouble() * 10;
        double eaves = ground + 3 + random.nextDouble() * 6;
        double ridge = eaves + 2 + random.nextDouble() * 4;
        out.write("<core:cityObjectMember>\n");
        startBuilding("bldg:Building", id);
        out.write("<bldg:function>31001_1000</bldg:function>\n<bldg:roofType>3100</bldg:roofType>\n");
        out.write("<bldg:measuredHeight uom=\"urn:adv:uom:m\">" + number(ridge - ground) + "</bldg:measuredHeight>\n");
        double x1 = x + width;
        double y1 = y + depth;
        double middle = y + depth / 2;
        surface("GroundSurface", new double[]{x, y, ground, x, y1, ground, x1, y1, ground, x1, y, ground});
        surface("WallSurface", new double[]{x, y, ground, x1, y, ground, x1, y, eaves, x, y, eaves});
        surface("WallSurface", new double[]{x1, y1, ground, x, y1, ground, x, y1, eaves, x1, y1, eaves});
        surface("WallSurface", new double[]{x1, y, ground, x1, y1, ground, x1, y1, eaves, x1, middle, ridge, x1, y, eaves});
        surface("WallSurface", new double[]{x, y1, ground, x, y, ground, x, y, eaves, x, middle, ridge, x, y1, eaves});
        surface("RoofSurface", new double[]{x, y, eaves, x1, y, eaves, x1, middle, ridge, x, middle, ridge});
        surface("RoofSurface", new double[]{x1, y1, eaves, x, y1, eaves, x, middle, ridge, x1, middle, ridge});
        out.write("</bldg:Building>\n</core:cityObjectMember>\n");
    }

    private void partedBuilding(int index, double x, double y) throws IOException {
        String id = "DENW36AL" + String.format("%08X", index);
        double ground = 35 + random.nextDouble() * 10;
        out.write("<core:cityObjectMember>\n");
        startBuilding("bldg:Building", id);
        out.write("<bldg:function>31001_2000</bldg:function>\n");
        double width = 5 + random.nextDouble() * 5;
        for (int part = 0; part < 2; part++) {
            out.write("<bldg:consistsOfBuildingPart>\n");
            startBuilding("bldg:BuildingPart", id + "_" + (char) ('A' + part));
            double height = 3 + random.nextDouble() * 12;
            out.write("<bldg:roofType>1000</bldg:roofType>\n<bldg:measuredHeight uom=\"urn:adv:uom:m\">" + number(height) + "</bldg:measuredHeight>\n");
            box(x + part * width, y, x + (part + 1) * width, y + width, ground, ground + height);
            out.write("</bldg:BuildingPart>\n</bldg:consistsOfBuildingPart>\n");
        }
        out.write("</bldg:Building>\n</core:cityObjectMember>\n");
    }

    private void box(double x0, double y0, double x1, double y1, double z0, double z1) throws IOException {
        surface("GroundSurface", new double[]{x0, y0, z0, x0, y1, z0, x1, y1, z0, x1, y0, z0});
        surface("WallSurface", new double[]{x0, y0, z0, x1, y0, z0, x1, y0, z1, x0, y0, z1});
        surface("WallSurface", new double[]{x1, y0, z0, x1, y1, z0, x1, y1, z1, x1, y0, z1});
        surface("WallSurface", new double[]{x1, y1, z0, x0, y1, z0, x0, y1, z1, x1, y1, z1});
        surface("WallSurface", new double[]{x0, y1, z0, x0, y0, z0, x0, y0, z1, x0, y1, z1});
        surface("RoofSurface", new double[]{x0, y0, z1, x1, y0, z1, x1, y1, z1, x0, y1, z1});
    }

    /** One boundary surface with one polygon; the ring is written closed, as GML wants. */
    private void surface(String type, double[] ring) throws IOException {
        line.setLength(0);
        line.append("<bldg:boundedBy>\n<bldg:").append(type).append(" gml:id=\"").append(uuid()).append("\">\n<bldg:lod2MultiSurface>\n<gml:MultiSurface>\n")
                .append("<gml:surfaceMember>\n<gml:Polygon gml:id=\"").append(uuid()).append("\">\n<gml:exterior>\n<gml:LinearRing>\n<gml:posList srsDimension=\"3\">");
        for (int i = 0; i <= ring.length; i += 3) {
            int at = i % ring.length;
            if (i > 0) {
                line.append(' ');
            }
            line.append(number(ring[at])).append(' ').append(number(ring[at + 1])).append(' ').append(number(ring[at + 2]));
        }
        line.append("</gml:posList>\n</gml:LinearRing>\n</gml:exterior>\n</gml:Polygon>\n</gml:surfaceMember>\n</gml:MultiSurface>\n</bldg:lod2MultiSurface>\n</bldg:")
                .append(type).append(">\n</bldg:boundedBy>\n");
        out.append(line);
    }

    private String uuid() {
        long id = ++ids;
        return "UUID_" + String.format("%08x-%04x-4%03x-%04x-%012x", random.nextInt(), (int) (id & 0xFFFF), random.nextInt(0x1000),
                random.nextInt(0x10000), id);
    }

    /** Millimetres, as NRW writes them. */
    private static String number(double metres) {
        long millimetres = Math.round(metres * 1000);
        return millimetres / 1000 + "." + String.format("%03d", Math.abs(millimetres % 1000));
    }
}
