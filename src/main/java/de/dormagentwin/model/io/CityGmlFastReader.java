package de.dormagentwin.model.io;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.Geometry;
import de.dormagentwin.model.GeometryType;
import de.dormagentwin.model.geo.Crs;
import de.dormagentwin.model.primitive.DoubleList;
import de.dormagentwin.model.primitive.IntList;
import de.dormagentwin.model.text.SafeText;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the common kind of CityGML straight from StAX events into the model {@link CityGmlReader} builds through
 * citygml4j, without citygml4j's buffer of each building's events and its object tree: a tile reads in about a
 * third of the time. The common kind is NRW's tiles and files like them: CityGML 1.0 or 2.0 with only bldg:Building
 * and bldg:BuildingPart, their boundary surfaces (roof, wall, ground, closure; in 2.0 outer ceiling and floor), LoD 1 to 4
 * solids and multi-surfaces of polygons and composite surfaces, xlinks to polygons within the building, and the
 * attributes the model keeps.
 *
 * <p>It guesses nothing. Whatever falls outside that (another feature, an appearance, an opening, implicit geometry,
 * CityGML 3.0, a DTD, a ring that is not closed, a number that is not plain, a srsName of another CRS, an id used
 * twice, text it would have to trim, malformed XML) ends the read with {@link #read} answering null, and the file is
 * read by citygml4j, which says what is wrong where something is. So a model this reader returns has no problems and
 * no notes, and equals the one citygml4j's path builds, vertex for vertex: the same objects in the same order, the
 * vertices pooled per building in the same order (a building's parts before the building itself).
 */
final class CityGmlFastReader {
    private static final System.Logger LOG = System.getLogger(CityGmlFastReader.class.getName());

    private static final String GML = "http://www.opengis.net/gml";
    private static final String XLINK = "http://www.w3.org/1999/xlink";
    /** CityGML 1.0's and 2.0's namespaces of the modules this reader knows, by version. */
    private static final Map<String, Module> MODULES = Map.of(
            "http://www.opengis.net/citygml/1.0", new Module(Kind.CORE, 1),
            "http://www.opengis.net/citygml/2.0", new Module(Kind.CORE, 2),
            "http://www.opengis.net/citygml/building/1.0", new Module(Kind.BUILDING, 1),
            "http://www.opengis.net/citygml/building/2.0", new Module(Kind.BUILDING, 2),
            "http://www.opengis.net/citygml/generics/1.0", new Module(Kind.GENERICS, 1),
            "http://www.opengis.net/citygml/generics/2.0", new Module(Kind.GENERICS, 2));
    private static final Set<String> BOUNDARY_SURFACES = Set.of("RoofSurface", "WallSurface", "GroundSurface", "ClosureSurface");
    /** CityGML 2.0's; in a 1.0 namespace citygml4j passes over them. */
    private static final Set<String> BOUNDARY_SURFACES_SINCE_2 = Set.of("OuterCeilingSurface", "OuterFloorSurface");
    /** Dates the model does not keep: read only to be sure citygml4j would read them too. */
    private static final Set<String> IGNORED_DATES = Set.of("creationDate", "terminationDate");
    private static final int HIGHEST_LOD = 4;
    /** Parts within parts, composite surfaces within composite surfaces: deeper than any real file, read by citygml4j. */
    private static final int MOST_NESTING = 16;
    /** Coordinates one building may hold here (256 MB); a larger one is read by citygml4j, as before. */
    private static final int MOST_FEATURE_COORDINATES = 1 << 25;
    /** Longer attribute text is read by citygml4j. */
    private static final int MOST_TEXT = 1 << 16;
    /** Longer number text is no plain number; it is read by citygml4j. */
    private static final int MOST_NUMBER_CHARS = 64;
    /** What an id names when it is no polygon (a solid, a ring, a building): an xlink to it is left to citygml4j. */
    private static final Object NOT_A_POLYGON = new Object();

    private enum Kind { GML, CORE, BUILDING, GENERICS, OTHER }

    private record Module(Kind kind, int version) {
    }

    /** The file holds something outside this reader's subset; the message says what, for the log. */
    static final class NotInSubset extends Exception {
        private static final long serialVersionUID = 1L;

        NotInSubset(String message) {
            super(message, null, false, false);
        }
    }

    private final String fileName;
    private final XMLStreamReader xml;
    private final Set<String> ids = new HashSet<>();
    private final Map<String, Kind> kinds = new HashMap<>();
    private int version;
    private String title;
    private Crs fileCrs;
    private String lastSrsName;

    // One building at a time: its coordinates and rings, and its geometries by gml:id for xlinks.
    private double[] coordinates = new double[1 << 12];
    private int coordinateCount;
    private final IntList ringStart = new IntList(256);
    private final IntList ringPositions = new IntList(256);
    private final Map<String, Object> geometryIds = new HashMap<>();
    private final char[] carry = new char[MOST_NUMBER_CHARS];
    private int carryLength;
    private final StringBuilder text = new StringBuilder(64);

    private CityGmlFastReader(String fileName, XMLStreamReader xml) {
        this.fileName = fileName;
        this.xml = xml;
    }

    /**
     * The file's model, or null where the file is not within this reader's subset and citygml4j must read it. A file
     * that cannot be opened throws as {@link ModelInput} says.
     */
    static CityModel read(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        try (InputStream in = ModelInput.open(file)) {
            XMLStreamReader xml = factory().createXMLStreamReader(in);
            try {
                return new CityGmlFastReader(fileName, xml).readModel();
            } finally {
                xml.close();
            }
        } catch (NotInSubset e) {
            LOG.log(System.Logger.Level.DEBUG, () -> SafeText.of(fileName + ": read by citygml4j (" + e.getMessage() + ")"));
            return null;
        } catch (XMLStreamException e) {
            // Malformed or cut off: citygml4j's path says where, and keeps the buildings before the fault.
            LOG.log(System.Logger.Level.DEBUG, () -> SafeText.of(fileName + ": read by citygml4j (" + e.getMessage() + ")"));
            return null;
        } catch (RuntimeException e) {
            // A fault of this reader, or a parser's on input it did not expect, must not cost the user the file:
            // citygml4j's path reads it as it always has. Said as a warning, since on the subset it should not happen.
            LOG.log(System.Logger.Level.WARNING, () -> SafeText.of(fileName + ": the fast reader failed (" + e + "); read by citygml4j"));
            return null;
        }
    }

    /**
     * The StAX parser {@code XMLInputFactory.newInstance()} finds (the JDK's, as citygml4j and the bare pass of
     * {@code bench gml} get it), refusing DTDs and external entities: a file with a DTD goes to citygml4j's path.
     */
    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    private CityModel readModel() throws XMLStreamException, NotInSubset {
        child(Kind.CORE, "CityModel", "the root is not a CityGML 1.0 or 2.0 CityModel");
        DoubleList vertices = new DoubleList(1 << 12);
        VertexPool pool = new VertexPool(vertices);
        List<CityObject> objects = new ArrayList<>();
        boolean headerRead = false;
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            Kind kind = kind();
            String name = xml.getLocalName();
            if (kind == Kind.GML && name.equals("name") && !headerRead) {
                String value = plainText();
                if (title == null) {
                    title = value;
                }
            } else if (kind == Kind.GML && name.equals("description")) {
                skip();
            } else if (kind == Kind.GML && name.equals("boundedBy") && !headerRead && fileCrs == null) {
                String srsName = envelopeSrsName();
                fileCrs = Crs.parse(srsName);
                if (fileCrs == null) {
                    throw new NotInSubset("the CityModel's envelope names no CRS this reader knows");
                }
                lastSrsName = srsName;
            } else if (kind == Kind.CORE && name.equals("cityObjectMember")) {
                if (fileCrs == null) {
                    throw new NotInSubset("no CRS before the first city object");
                }
                headerRead = true;
                noLink();
                child(Kind.BUILDING, "Building", "a city object that is no bldg:Building");
                readFeature(pool, objects);
                endOf("cityObjectMember");
                pool.startFeature();
            } else {
                throw new NotInSubset("a CityModel member or property " + name);
            }
        }
        if (objects.isEmpty()) {
            throw new NotInSubset("no building");
        }
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                throw new NotInSubset("an element after the CityModel");
            }
        }
        Map<String, Object> metadata = title == null ? Map.of() : Map.of("title", title);
        return new CityModel(fileName, fileCrs.url(), metadata, vertices.array(), vertices.size() / 3, objects, List.of(), List.of(), 0);
    }

    /** One building with its parts, parsed whole (xlinks may point forward), then turned into objects. */
    private void readFeature(VertexPool pool, List<CityObject> out) throws XMLStreamException, NotInSubset {
        coordinateCount = 0;
        ringStart.clear();
        ringPositions.clear();
        geometryIds.clear();
        Space building = readSpace("Building", 0);
        if (building.id == null) {
            throw new NotInSubset("a building without gml:id");
        }
        convert(building, null, pool, out);
    }

    /** An object and its parts, the object first; its parts' vertices go into the pool before its own, as citygml4j's path does. */
    private void convert(Space space, String parentId, VertexPool pool, List<CityObject> out) throws NotInSubset {
        if (!ids.add(space.id)) {
            throw new NotInSubset("an object id used twice");
        }
        List<Staged> staged = geometries(space);
        int at = out.size();
        out.add(null);
        List<String> children = new ArrayList<>(space.parts.size());
        for (int i = 0; i < space.parts.size(); i++) {
            Space part = space.parts.get(i);
            if (part.id == null) {
                part.id = space.id + "-part-" + (i + 1);
            }
            children.add(part.id);
            convert(part, space.id, pool, out);
        }
        List<Geometry> built = new ArrayList<>(staged.size());
        for (Staged geometry : staged) {
            built.add(geometry.surfaces.build(geometry.type, geometry.lod, pool));
        }
        out.set(at, new CityObject(space.id, space.type, space.attributes(), parentId == null ? List.of() : List.of(parentId),
                List.copyOf(children), List.copyOf(built)));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Parsing: each method starts on its element's start tag and ends on its end tag.

    /** A bldg:Building or bldg:BuildingPart and everything in it. */
    private Space readSpace(String type, int depth) throws XMLStreamException, NotInSubset {
        if (depth > MOST_NESTING) {
            throw new NotInSubset("parts nested deeper than " + MOST_NESTING);
        }
        Space space = new Space(type, xml.getAttributeValue(GML, "id"));
        identify(space.id, NOT_A_POLYGON);
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            Kind kind = kind();
            String name = xml.getLocalName();
            switch (kind) {
                case GML -> {
                    switch (name) {
                        case "name" -> {
                            String value = plainText();
                            if (space.name == null) {
                                space.name = value;
                            }
                        }
                        case "description" -> skip();
                        case "boundedBy" -> checkCrs(envelopeSrsName());
                        default -> throw new NotInSubset("gml:" + name + " on a building");
                    }
                }
                case CORE -> ignoredCore(name);
                case GENERICS -> generic(name, space.generics);
                case BUILDING -> buildingProperty(space, name, depth);
                default -> throw new NotInSubset("an element of another module on a building");
            }
        }
        return space;
    }

    private void buildingProperty(Space space, String name, int depth) throws XMLStreamException, NotInSubset {
        int lod = lodOf(name);
        if (lod > 0 && name.endsWith("Solid")) {
            space.solids[lod] = once(space.solids[lod], solidProperty(name), name);
        } else if (lod > 0 && name.endsWith("MultiSurface")) {
            space.multiSurfaces[lod] = once(space.multiSurfaces[lod], multiSurfaceProperty(name), name);
        } else if (lod > 0 && (name.endsWith("TerrainIntersection") || name.endsWith("MultiCurve"))) {
            skip();
        } else {
            switch (name) {
                case "class" -> space.classifier = once(space.classifier, plainText(), name);
                case "function" -> space.functions.add(plainText());
                case "usage" -> space.usages.add(plainText());
                case "yearOfConstruction" -> space.yearOfConstruction = once(space.yearOfConstruction, year(), name);
                case "yearOfDemolition" -> space.yearOfDemolition = once(space.yearOfDemolition, year(), name);
                case "roofType" -> space.roofType = once(space.roofType, plainText(), name);
                case "measuredHeight" -> space.measuredHeight = once(space.measuredHeight, number(plainText()), name);
                case "storeysAboveGround" -> space.storeysAboveGround = once(space.storeysAboveGround, count(), name);
                case "storeysBelowGround" -> space.storeysBelowGround = once(space.storeysBelowGround, count(), name);
                case "address" -> skip();
                case "boundedBy" -> space.boundaries.add(boundarySurface());
                case "consistsOfBuildingPart" -> {
                    noLink();
                    child(Kind.BUILDING, "BuildingPart", "a consistsOfBuildingPart without a BuildingPart");
                    space.parts.add(readSpace("BuildingPart", depth + 1));
                    endOf(name);
                }
                default -> throw new NotInSubset("bldg:" + name);
            }
        }
    }

    /** lodN in an element's name, 1 to 4; 0 for none. */
    private static int lodOf(String name) {
        if (name.length() > 4 && name.startsWith("lod") && name.charAt(3) >= '1' && name.charAt(3) <= '0' + HIGHEST_LOD) {
            return name.charAt(3) - '0';
        }
        return 0;
    }

    private static <T> T once(T before, T value, String name) throws NotInSubset {
        if (before != null) {
            throw new NotInSubset(name + " given twice");
        }
        return value;
    }

    /** Core properties the model does not keep: an external reference, and dates that are dates. */
    private void ignoredCore(String name) throws XMLStreamException, NotInSubset {
        if (name.equals("externalReference")) {
            skip();
        } else if (IGNORED_DATES.contains(name)) {
            try {
                LocalDate.parse(plainText());
            } catch (DateTimeParseException e) {
                throw new NotInSubset("a " + name + " that is no date");
            }
        } else {
            throw new NotInSubset("core:" + name);
        }
    }

    /** A bldg:boundedBy with its roof, wall or other boundary surface. */
    private Boundary boundarySurface() throws XMLStreamException, NotInSubset {
        noLink();
        if (nextTag() != XMLStreamConstants.START_ELEMENT || kind() != Kind.BUILDING || !(BOUNDARY_SURFACES.contains(xml.getLocalName())
                || version >= 2 && BOUNDARY_SURFACES_SINCE_2.contains(xml.getLocalName()))) {
            throw new NotInSubset("a boundary surface of another kind");
        }
        Boundary boundary = new Boundary(xml.getLocalName());
        identify(xml.getAttributeValue(GML, "id"), NOT_A_POLYGON);
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            Kind kind = kind();
            String name = xml.getLocalName();
            int lod = lodOf(name);
            if (kind == Kind.BUILDING && lod >= 2 && name.endsWith("MultiSurface")) {
                boundary.multiSurfaces[lod] = once(boundary.multiSurfaces[lod], multiSurfaceProperty(name), name);
            } else if (kind == Kind.GML && (name.equals("name") || name.equals("description"))) {
                skip();
            } else if (kind == Kind.GML && name.equals("boundedBy")) {
                checkCrs(envelopeSrsName());
            } else if (kind == Kind.CORE) {
                ignoredCore(name);
            } else if (kind == Kind.GENERICS) {
                generic(name, null);
            } else {
                throw new NotInSubset("an element on a boundary surface: " + name);
            }
        }
        endOf("boundedBy");
        return boundary;
    }

    private GmlNode solidProperty(String property) throws XMLStreamException, NotInSubset {
        noLink();
        child(Kind.GML, "Solid", property + " without a gml:Solid");
        Composite shell = new Composite();
        geometryAttributes(null);
        boolean exterior = false;
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (kind() != Kind.GML || !xml.getLocalName().equals("exterior") || exterior) {
                throw new NotInSubset("a solid with " + xml.getLocalName());
            }
            exterior = true;
            noLink();
            child(Kind.GML, "CompositeSurface", "a solid whose exterior is no composite surface");
            readComposite(shell, 0);
            endOf("exterior");
        }
        if (!exterior) {
            throw new NotInSubset("a solid without exterior");
        }
        endOf(property);
        return shell;
    }

    private Composite multiSurfaceProperty(String property) throws XMLStreamException, NotInSubset {
        noLink();
        child(Kind.GML, "MultiSurface", property + " without a gml:MultiSurface");
        Composite multiSurface = new Composite();
        geometryAttributes(null);
        members(multiSurface, 0);
        endOf(property);
        return multiSurface;
    }

    /** A gml:CompositeSurface's members into {@code composite}, which for a solid is its shell. */
    private void readComposite(Composite composite, int depth) throws XMLStreamException, NotInSubset {
        if (depth > MOST_NESTING) {
            throw new NotInSubset("composite surfaces nested deeper than " + MOST_NESTING);
        }
        geometryAttributes(composite);
        members(composite, depth);
    }

    /** gml:surfaceMember children, each a polygon, a composite surface or an xlink to a polygon. */
    private void members(Composite composite, int depth) throws XMLStreamException, NotInSubset {
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (kind() != Kind.GML || !xml.getLocalName().equals("surfaceMember")) {
                throw new NotInSubset("a surface aggregate with gml:" + xml.getLocalName());
            }
            String href = xml.getAttributeValue(XLINK, "href");
            if (href != null) {
                if (href.length() < 2 || href.charAt(0) != '#' || nextTag() != XMLStreamConstants.END_ELEMENT) {
                    throw new NotInSubset("an xlink:href that is not #id alone");
                }
                composite.members.add(new Link(href.substring(1)));
                continue;
            }
            if (nextTag() != XMLStreamConstants.START_ELEMENT || kind() != Kind.GML) {
                throw new NotInSubset("an empty surface member");
            }
            switch (xml.getLocalName()) {
                case "Polygon" -> composite.members.add(readPolygon());
                case "CompositeSurface" -> {
                    Composite inner = new Composite();
                    readComposite(inner, depth + 1);
                    composite.members.add(inner);
                }
                default -> throw new NotInSubset("a gml:" + xml.getLocalName() + " surface");
            }
            endOf("surfaceMember");
        }
    }

    private Polygon readPolygon() throws XMLStreamException, NotInSubset {
        Polygon polygon = new Polygon();
        geometryAttributes(polygon);
        polygon.firstRing = ringStart.size();
        boolean exterior = false;
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = xml.getLocalName();
            if (kind() != Kind.GML || !(name.equals("exterior") && !exterior && ringStart.size() == polygon.firstRing
                    || name.equals("interior") && exterior)) {
                throw new NotInSubset("a polygon with gml:" + name);
            }
            exterior = true;
            noLink();
            child(Kind.GML, "LinearRing", "a ring that is no gml:LinearRing");
            readRing();
            endOf(name);
        }
        if (!exterior) {
            throw new NotInSubset("a polygon without exterior");
        }
        polygon.endRing = ringStart.size();
        return polygon;
    }

    /** A gml:LinearRing of gml:posList or gml:pos, checked as {@link GmlSurfaces} checks it: 4 positions, finite, closed. */
    private void readRing() throws XMLStreamException, NotInSubset {
        geometryAttributes(null);
        int start = coordinateCount;
        boolean posList = false;
        int positions = 0;
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = xml.getLocalName();
            if (kind() == Kind.GML && name.equals("posList") && !posList && positions == 0) {
                posList = true;
                srsDimension();
                numbers();
                positions = (coordinateCount - start) / 3;
                if ((coordinateCount - start) % 3 != 0) {
                    throw new NotInSubset("a posList of " + (coordinateCount - start) + " numbers");
                }
            } else if (kind() == Kind.GML && name.equals("pos") && !posList) {
                srsDimension();
                int before = coordinateCount;
                numbers();
                if (coordinateCount - before != 3) {
                    throw new NotInSubset("a pos of " + (coordinateCount - before) + " numbers");
                }
                positions++;
            } else {
                throw new NotInSubset("a ring with gml:" + name);
            }
        }
        if (positions < 4) {
            throw new NotInSubset("a ring of fewer than 4 positions");
        }
        for (int at = start; at < coordinateCount; at++) {
            if (!Double.isFinite(coordinates[at])) {
                throw new NotInSubset("a coordinate that is not finite");
            }
        }
        int last = coordinateCount - 3;
        for (int axis = 0; axis < 3; axis++) {
            if (Double.doubleToLongBits(coordinates[start + axis]) != Double.doubleToLongBits(coordinates[last + axis])) {
                throw new NotInSubset("a ring that is not closed");
            }
        }
        ringStart.add(start);
        ringPositions.add(positions);
    }

    /** Only three-dimensional positions, as NRW writes them: another srsDimension would change how the numbers group. */
    private void srsDimension() throws NotInSubset {
        String dimension = xml.getAttributeValue(null, "srsDimension");
        if (dimension != null && !dimension.equals("3")) {
            throw new NotInSubset("srsDimension " + dimension);
        }
    }

    /** A geometry's srsName (checked against the file's CRS), srsDimension and gml:id (kept for xlinks). */
    private void geometryAttributes(Object geometry) throws NotInSubset {
        srsDimension();
        checkCrs(xml.getAttributeValue(null, "srsName"));
        identify(xml.getAttributeValue(GML, "id"), geometry == null ? NOT_A_POLYGON : geometry);
    }

    /** Keeps what a gml:id of this building names, for xlinks; an id used twice would leave it to guess which is meant. */
    private void identify(String id, Object named) throws NotInSubset {
        if (id != null && geometryIds.put(id, named) != null) {
            throw new NotInSubset("a gml:id used twice in one building");
        }
    }

    /** A srsName must name the file's CRS: citygml4j's path refuses another, with a problem. */
    private void checkCrs(String srsName) throws NotInSubset {
        if (srsName == null || srsName.equals(lastSrsName)) {
            return;
        }
        if (!fileCrs.equals(Crs.parse(srsName))) {
            throw new NotInSubset("a srsName other than the file's CRS");
        }
        lastSrsName = srsName;
    }

    /** The numbers of a posList or pos, parsed as they stream by, into this building's coordinates. */
    private void numbers() throws XMLStreamException, NotInSubset {
        carryLength = 0;
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE, XMLStreamConstants.CDATA ->
                        scanNumbers(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                case XMLStreamConstants.END_ELEMENT -> {
                    if (carryLength > 0) {
                        addNumber(carry, 0, carryLength);
                        carryLength = 0;
                    }
                    return;
                }
                default -> throw new NotInSubset("a coordinate list with markup in it");
            }
        }
    }

    /** One piece of a coordinate list's text; a number cut at its end is kept for the next piece. */
    private void scanNumbers(char[] chars, int start, int length) throws NotInSubset {
        int at = start;
        int end = start + length;
        if (carryLength > 0) {
            while (at < end && !isSpace(chars[at])) {
                if (carryLength == MOST_NUMBER_CHARS) {
                    throw new NotInSubset("a number of more than " + MOST_NUMBER_CHARS + " characters");
                }
                carry[carryLength++] = chars[at++];
            }
            if (at == end) {
                return;
            }
            addNumber(carry, 0, carryLength);
            carryLength = 0;
        }
        while (true) {
            while (at < end && isSpace(chars[at])) {
                at++;
            }
            if (at == end) {
                return;
            }
            int from = at;
            while (at < end && !isSpace(chars[at])) {
                at++;
            }
            if (at - from > MOST_NUMBER_CHARS) {
                throw new NotInSubset("a number of more than " + MOST_NUMBER_CHARS + " characters");
            }
            if (at == end) {
                System.arraycopy(chars, from, carry, 0, at - from);
                carryLength = at - from;
                return;
            }
            addNumber(chars, from, at);
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    private void addNumber(char[] chars, int from, int to) throws NotInSubset {
        double value;
        try {
            value = DecimalParser.parse(chars, from, to);
        } catch (NumberFormatException e) {
            throw new NotInSubset("a coordinate that is not a number");
        }
        if (coordinateCount == coordinates.length) {
            if (coordinateCount >= MOST_FEATURE_COORDINATES) {
                throw new NotInSubset("a building of more than " + MOST_FEATURE_COORDINATES + " coordinates");
            }
            coordinates = Arrays.copyOf(coordinates, coordinateCount * 2);
        }
        coordinates[coordinateCount++] = value;
    }

    /** The srsName of a gml:boundedBy's gml:Envelope, or null. */
    private String envelopeSrsName() throws XMLStreamException, NotInSubset {
        child(Kind.GML, "Envelope", "a boundedBy without gml:Envelope");
        String srsName = xml.getAttributeValue(null, "srsName");
        skip();
        endOf("boundedBy");
        return srsName;
    }

    /** Text that citygml4j would read the same whether or not it trims or joins lines: no space at its ends, no line breaks. */
    private String plainText() throws XMLStreamException, NotInSubset {
        text.setLength(0);
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE, XMLStreamConstants.CDATA -> {
                    if (text.length() + xml.getTextLength() > MOST_TEXT) {
                        throw new NotInSubset("text of more than " + MOST_TEXT + " characters");
                    }
                    text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (text.isEmpty() || isSpace(text.charAt(0)) || isSpace(text.charAt(text.length() - 1))
                            || text.indexOf("\n") >= 0 || text.indexOf("\r") >= 0 || text.indexOf("\t") >= 0) {
                        throw new NotInSubset("text that is empty or not plain");
                    }
                    return text.toString();
                }
                default -> throw new NotInSubset("text with markup in it");
            }
        }
    }

    /**
     * A gen:stringAttribute, intAttribute or doubleAttribute into {@code into}, the first of a name winning as in
     * citygml4j's path; a boundary surface's are read only to be sure they are of these kinds ({@code into} null).
     */
    private void generic(String element, Map<String, Object> into) throws XMLStreamException, NotInSubset {
        if (!element.equals("stringAttribute") && !element.equals("intAttribute") && !element.equals("doubleAttribute")) {
            throw new NotInSubset("gen:" + element);
        }
        String attributeName = xml.getAttributeValue(null, "name");
        if (attributeName == null || attributeName.isEmpty() || nextTag() != XMLStreamConstants.START_ELEMENT
                || kind() != Kind.GENERICS || !xml.getLocalName().equals("value")) {
            throw new NotInSubset("a generic attribute without name or value");
        }
        String value = plainText();
        Object typed = switch (element) {
            case "intAttribute" -> {
                if (value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9' || c == '-') || value.lastIndexOf('-') > 0
                        || value.equals("-")) {
                    throw new NotInSubset("an intAttribute that is not plain");
                }
                yield Integer.valueOf(value);
            }
            case "doubleAttribute" -> number(value);
            default -> value;
        };
        endOf(element);
        if (into != null) {
            into.putIfAbsent(attributeName, typed);
        }
    }

    /** A plain decimal, as parseDouble reads it. */
    private static Double number(String value) throws NotInSubset {
        if (!isPlainNumber(value)) {
            throw new NotInSubset("a number that is not plain");
        }
        return Double.parseDouble(value);
    }

    private static boolean isPlainNumber(String value) {
        int at = value.startsWith("-") ? 1 : 0;
        int digits = 0;
        int dots = 0;
        for (; at < value.length(); at++) {
            char c = value.charAt(at);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && dots++ == 0) {
                continue;
            } else {
                return false;
            }
        }
        return digits > 0 && digits <= 15;
    }

    /** A count (storeys) of at most 9 digits. */
    private Integer count() throws XMLStreamException, NotInSubset {
        String value = plainText();
        if (value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NotInSubset("a count that is not plain");
        }
        return Integer.valueOf(value);
    }

    /** A year (xs:gYear) of four digits, as citygml4j's date gives it back. */
    private Integer year() throws XMLStreamException, NotInSubset {
        String value = plainText();
        if (value.length() != 4 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NotInSubset("a year that is not four digits");
        }
        return Integer.valueOf(value);
    }

    private void noLink() throws NotInSubset {
        if (xml.getAttributeValue(XLINK, "href") != null) {
            throw new NotInSubset("an xlink:href on a " + xml.getLocalName());
        }
    }

    /** The next start or end tag, past whitespace, comments and processing instructions. */
    private int nextTag() throws XMLStreamException, NotInSubset {
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT -> {
                    return event;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> {
                    if (!xml.isWhiteSpace()) {
                        throw new NotInSubset("text between elements");
                    }
                }
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    continue;
                }
                case XMLStreamConstants.END_DOCUMENT -> throw new NotInSubset("the document ends early");
                default -> throw new NotInSubset("a DTD, an entity or other markup (event " + event + ")");
            }
        }
    }

    /** Passes over the element the reader stands on, to its end tag; DTD-free XML only. */
    private void skip() throws XMLStreamException, NotInSubset {
        int depth = 1;
        while (depth > 0) {
            switch (xml.next()) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.DTD -> throw new NotInSubset("an entity");
                default -> {
                }
            }
        }
    }

    /** Moves to the start tag of the one child the element (or document) the reader stands on must have: {@code kind:name}. */
    private void child(Kind kind, String name, String otherwise) throws XMLStreamException, NotInSubset {
        if (nextTag() != XMLStreamConstants.START_ELEMENT || kind() != kind || !xml.getLocalName().equals(name)) {
            throw new NotInSubset(otherwise);
        }
    }

    /** Moves to the end tag of the property the reader is in, which holds nothing more. */
    private void endOf(String property) throws XMLStreamException, NotInSubset {
        if (nextTag() != XMLStreamConstants.END_ELEMENT) {
            throw new NotInSubset("a " + property + " with more than one child");
        }
    }

    private Kind kind() throws NotInSubset {
        String namespace = xml.getNamespaceURI();
        if (namespace == null) {
            return Kind.OTHER;
        }
        Kind kind = kinds.get(namespace);
        if (kind == null) {
            Module module = MODULES.get(namespace);
            if (module != null) {
                if (version == 0) {
                    version = module.version();
                } else if (version != module.version()) {
                    throw new NotInSubset("CityGML 1.0 and 2.0 mixed");
                }
                kind = module.kind();
            } else {
                kind = namespace.equals(GML) ? Kind.GML : Kind.OTHER;
            }
            kinds.put(namespace, kind);
        }
        return kind;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // What one building holds, and its geometries assembled as CityGmlReader.geometries assembles citygml4j's.

    /** A building or part as parsed. */
    private static final class Space {
        final String type;
        String id;
        String name;
        String classifier;
        final List<String> functions = new ArrayList<>(1);
        final List<String> usages = new ArrayList<>(0);
        Integer yearOfConstruction;
        Integer yearOfDemolition;
        String roofType;
        Double measuredHeight;
        Integer storeysAboveGround;
        Integer storeysBelowGround;
        final Map<String, Object> generics = new LinkedHashMap<>();
        final List<Boundary> boundaries = new ArrayList<>();
        final Composite[] multiSurfaces = new Composite[HIGHEST_LOD + 1];
        final GmlNode[] solids = new GmlNode[HIGHEST_LOD + 1];
        final List<Space> parts = new ArrayList<>(0);

        Space(String type, String id) {
            this.type = type;
            this.id = id;
        }

        /** The attributes as CityGmlReader.attributes names and orders them. */
        Map<String, Object> attributes() {
            Map<String, Object> attributes = new LinkedHashMap<>();
            if (name != null) {
                attributes.put("name", name);
            }
            if (classifier != null) {
                attributes.put("class", classifier);
            }
            codes(attributes, "function", functions);
            codes(attributes, "usage", usages);
            if (yearOfConstruction != null) {
                attributes.put("yearOfConstruction", yearOfConstruction);
            }
            if (yearOfDemolition != null) {
                attributes.put("yearOfDemolition", yearOfDemolition);
            }
            if (roofType != null) {
                attributes.put("roofType", roofType);
            }
            if (measuredHeight != null) {
                attributes.put("measuredHeight", measuredHeight);
            }
            if (storeysAboveGround != null) {
                attributes.put("storeysAboveGround", storeysAboveGround);
            }
            if (storeysBelowGround != null) {
                attributes.put("storeysBelowGround", storeysBelowGround);
            }
            generics.forEach(attributes::putIfAbsent);
            return attributes;
        }

        private static void codes(Map<String, Object> attributes, String name, List<String> values) {
            if (values.size() == 1) {
                attributes.put(name, values.get(0));
            } else if (!values.isEmpty()) {
                attributes.put(name, List.copyOf(values));
            }
        }
    }

    /** A boundary surface: its type and its multi-surface of each LoD. */
    private static final class Boundary {
        final String type;
        final Composite[] multiSurfaces = new Composite[HIGHEST_LOD + 1];

        Boundary(String type) {
            this.type = type;
        }
    }

    /** A polygon, a composite surface, a multi-surface or a solid's shell; found by identity as citygml4j's objects are. */
    private sealed interface GmlNode permits Polygon, Composite {
    }

    private static final class Polygon implements GmlNode {
        int firstRing;
        int endRing;
    }

    private static final class Composite implements GmlNode {
        final List<Object> members = new ArrayList<>(4);
    }

    private record Link(String id) {
    }

    private record Staged(GeometryType type, String lod, Surfaces surfaces) {
    }

    /**
     * For each LoD, the object's solid, else its boundary surfaces and multi-surface, with the same choice as
     * CityGmlReader.geometries: a solid that shares no surface with the boundary surfaces gives way to them.
     */
    private List<Staged> geometries(Space space) throws NotInSubset {
        List<Staged> staged = new ArrayList<>(2);
        for (int lod = 1; lod <= HIGHEST_LOD; lod++) {
            Map<GmlNode, String> semanticTypes = new IdentityHashMap<>();
            Surfaces boundaries = new Surfaces(semanticTypes);
            for (Boundary boundary : space.boundaries) {
                Composite multiSurface = boundary.multiSurfaces[lod];
                if (multiSurface != null) {
                    for (Object member : multiSurface.members) {
                        semanticTypes.put(resolve(member), boundary.type);
                    }
                    boundaries.addMembers(multiSurface, boundary.type, false);
                }
            }
            if (space.multiSurfaces[lod] != null) {
                boundaries.addMembers(space.multiSurfaces[lod], null, true);
            }
            GmlNode solid = space.solids[lod];
            if (solid != null) {
                Surfaces surfaces = new Surfaces(semanticTypes);
                surfaces.addMembers((Composite) solid, null, false);
                if (surfaces.semanticMatches > 0 || boundaries.isEmpty()) {
                    staged.add(new Staged(GeometryType.SOLID, Integer.toString(lod), surfaces));
                    continue;
                }
            }
            if (!boundaries.isEmpty()) {
                staged.add(new Staged(GeometryType.MULTI_SURFACE, Integer.toString(lod), boundaries));
            }
        }
        return staged;
    }

    /** A member as citygml4j resolves it within the building: an xlink must name a polygon. */
    private GmlNode resolve(Object member) throws NotInSubset {
        if (member instanceof Link link) {
            if (!(geometryIds.get(link.id()) instanceof Polygon polygon)) {
                throw new NotInSubset("an xlink:href to no polygon of this building");
            }
            return polygon;
        }
        return (GmlNode) member;
    }

    /** The surfaces of one geometry: rings of this building's coordinates, with a semantic type per surface. */
    private final class Surfaces {
        private final Map<GmlNode, String> semanticTypes;
        private final IntList surfaceRingStart = new IntList(16);
        private final IntList rings = new IntList(16);
        private final List<String> semantics = new ArrayList<>();
        int semanticMatches;

        Surfaces(Map<GmlNode, String> semanticTypes) {
            this.semanticTypes = semanticTypes;
        }

        boolean isEmpty() {
            return surfaceRingStart.size() == 0;
        }

        /** @param skipBoundarySurfaces leave out members the boundary surfaces have added already */
        void addMembers(Composite aggregate, String semanticType, boolean skipBoundarySurfaces) throws NotInSubset {
            for (Object member : aggregate.members) {
                GmlNode surface = resolve(member);
                if (!(skipBoundarySurfaces && semanticTypes.containsKey(surface))) {
                    add(surface, semanticType);
                }
            }
        }

        private void add(GmlNode surface, String semanticType) throws NotInSubset {
            String type = semanticType;
            if (semanticTypes.containsKey(surface)) {
                type = semanticTypes.get(surface);
                semanticMatches++;
            }
            switch (surface) {
                case Polygon polygon -> {
                    surfaceRingStart.add(rings.size());
                    for (int ring = polygon.firstRing; ring < polygon.endRing; ring++) {
                        rings.add(ring);
                    }
                    semantics.add(type);
                }
                case Composite composite -> addMembers(composite, type, false);
            }
        }

        /** As GmlSurfaces.build: the vertices into the pool ring by ring, without each ring's closing position. */
        Geometry build(GeometryType type, String lod, VertexPool pool) {
            int vertexCount = 0;
            for (int r = 0; r < rings.size(); r++) {
                vertexCount += ringPositions.get(rings.get(r)) - 1;
            }
            int[] indices = new int[vertexCount];
            int[] ringStarts = new int[rings.size() + 1];
            int at = 0;
            for (int r = 0; r < rings.size(); r++) {
                ringStarts[r] = at;
                int ring = rings.get(r);
                int from = ringStart.get(ring);
                int positions = ringPositions.get(ring) - 1;
                for (int p = 0; p < positions; p++) {
                    int c = from + p * 3;
                    indices[at++] = pool.index(coordinates[c], coordinates[c + 1], coordinates[c + 2]);
                }
            }
            ringStarts[rings.size()] = at;
            int[] surfaceStarts = Arrays.copyOf(surfaceRingStart.toArray(), surfaceRingStart.size() + 1);
            surfaceStarts[surfaceStarts.length - 1] = rings.size();
            String[] types = semantics.stream().allMatch(Objects::isNull) ? null : semantics.toArray(String[]::new);
            return new Geometry(type, lod, surfaceStarts, ringStarts, indices, types, null);
        }
    }
}
