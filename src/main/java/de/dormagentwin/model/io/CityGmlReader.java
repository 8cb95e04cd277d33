package de.dormagentwin.model.io;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.Geometry;
import de.dormagentwin.model.GeometryType;
import de.dormagentwin.model.geo.Crs;
import de.dormagentwin.model.text.SafeText;
import de.dormagentwin.model.primitive.DoubleList;
import org.citygml4j.core.model.transportation.AuxiliaryTrafficSpaceProperty;
import org.citygml4j.core.model.transportation.TrafficSpaceProperty;
import org.citygml4j.core.model.core.AbstractOccupiedSpace;
import org.citygml4j.core.model.core.ImplicitGeometry;
import org.citygml4j.core.model.core.ImplicitGeometryProperty;
import org.citygml4j.core.model.relief.AbstractReliefComponentProperty;
import org.citygml4j.core.model.relief.ReliefFeature;
import org.citygml4j.core.model.relief.TINRelief;
import org.citygml4j.core.model.construction.AbstractConstructionSurface;
import org.citygml4j.core.model.construction.AbstractFillingSurface;
import org.citygml4j.core.model.construction.AbstractFillingSurfaceProperty;
import org.citygml4j.core.model.landuse.LandUse;
import org.citygml4j.core.model.transportation.AbstractTransportationSpace;
import org.citygml4j.core.model.vegetation.PlantCover;
import org.citygml4j.core.model.waterbody.WaterBody;
import org.citygml4j.core.model.bridge.AbstractBridge;
import org.citygml4j.core.model.bridge.Bridge;
import org.citygml4j.core.model.tunnel.AbstractTunnel;
import org.citygml4j.core.model.tunnel.Tunnel;
import org.xmlobjects.gml.model.feature.FeatureProperty;
import org.citygml4j.core.model.appearance.AbstractSurfaceDataProperty;
import org.citygml4j.core.model.appearance.AbstractTextureParameterization;
import org.citygml4j.core.model.appearance.Appearance;
import org.citygml4j.core.model.appearance.Color;
import org.citygml4j.core.model.appearance.GeometryReference;
import org.citygml4j.core.model.appearance.GeoreferencedTexture;
import org.citygml4j.core.model.appearance.ParameterizedTexture;
import org.citygml4j.core.model.appearance.TexCoordList;
import org.citygml4j.core.model.appearance.TextureAssociation;
import org.citygml4j.core.model.appearance.TextureAssociationProperty;
import org.citygml4j.core.model.appearance.TextureCoordinates;
import org.citygml4j.core.model.appearance.X3DMaterial;
import org.citygml4j.core.model.core.AbstractAppearanceProperty;
import org.citygml4j.core.model.building.AbstractBuilding;
import org.citygml4j.core.model.building.Building;
import org.citygml4j.core.model.construction.AbstractConstruction;
import org.citygml4j.core.model.construction.Height;
import org.citygml4j.core.model.construction.HeightProperty;
import org.citygml4j.core.model.construction.HeightStatusValue;
import org.citygml4j.core.model.core.AbstractCityObject;
import org.citygml4j.core.model.core.AbstractGenericAttribute;
import org.citygml4j.core.model.core.AbstractGenericAttributeProperty;
import org.citygml4j.core.model.core.AbstractSpace;
import org.citygml4j.core.model.core.AbstractSpaceBoundaryProperty;
import org.citygml4j.core.model.core.AbstractThematicSurface;
import org.citygml4j.core.model.core.StandardObjectClassifier;
import org.citygml4j.core.model.generics.GenericAttributeSet;
import org.citygml4j.core.model.generics.GenericOccupiedSpace;
import org.citygml4j.core.util.reference.DefaultReferenceResolver;
import org.citygml4j.core.util.reference.ResolveMode;
import org.citygml4j.xml.CityGMLContext;
import org.citygml4j.xml.CityGMLContextException;
import org.citygml4j.xml.reader.ChunkOptions;
import org.citygml4j.xml.reader.CityGMLChunk;
import org.citygml4j.xml.reader.CityGMLInputFactory;
import org.citygml4j.xml.reader.CityGMLReadException;
import org.citygml4j.xml.reader.CityGMLReader;
import org.citygml4j.xml.reader.FeatureInfo;
import org.xmlobjects.gml.model.basictypes.Code;
import org.xmlobjects.gml.model.basictypes.Measure;
import org.xmlobjects.gml.model.feature.AbstractFeature;
import org.xmlobjects.gml.model.geometry.aggregates.MultiSurface;
import org.xmlobjects.gml.model.geometry.aggregates.MultiSurfaceProperty;
import org.xmlobjects.gml.model.geometry.complexes.CompositeSolid;
import org.xmlobjects.gml.model.geometry.primitives.AbstractSolid;
import org.xmlobjects.gml.model.geometry.primitives.AbstractSurface;
import org.xmlobjects.gml.model.geometry.primitives.SolidProperty;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads CityGML 2.0 and 1.0 (NRW's LoD2 tiles and the like) with citygml4j into the model the CityJSON reader
 * builds: buildings and their parts with parent and child links, boundary surfaces as semantic surface types,
 * LoD 1 to 3 solids and multi-surfaces, and the attributes CityJSON names the same way (function, roofType,
 * measuredHeight, ...) beside the generic attributes.
 *
 * <p>citygml4j's chunking reader hands over one top-level feature (a building with its parts) at a time and never
 * builds the document's tree, so a 160 MB tile streams in memory bounded by its largest building. xlinks are
 * followed within that feature, which is where CityGML puts a solid's links to its boundary surfaces' polygons.
 *
 * <p>As an iterator ({@link #open}, {@link #hasNext}, {@link #next}) it yields each feature with its own vertices,
 * for converting files of any size; {@link #read} collects all of them into one {@link CityModel}. {@link #read(Path)}
 * first lets {@link CityGmlFastReader} try the file: NRW's kind of tile it reads straight from the XML in a fraction
 * of citygml4j's time, into the same model; every other file, and every file with a problem, comes here.
 *
 * <p>A broken object (a ring that is not closed, a link to a surface that is not there, text in a posList, a srsName
 * that names no CRS this reader knows or another CRS than the file's) is left out with a message naming the file, its
 * gml:id and the problem; the rest loads. The file's CRS is its CityModel envelope's, else that of the first geometry
 * that names one; any projected CRS EPSG defines is read ({@link Crs}). Coordinates are not transformed here: a file
 * alone is drawn in its own CRS, and where files of several CRSs open together the application transforms them.
 */
public final class CityGmlReader implements AutoCloseable {
    /** What the model's referenceSystem says for a file in EPSG:25832, as a CityJSON file says it. */
    public static final String EPSG_25832 = "https://www.opengis.net/def/crs/EPSG/0/25832";

    /** CityGML 2.0's LoD 4 is LoD 3 with interiors: its exterior (boundary surfaces, solid) is read, its rooms not. */
    private static final int HIGHEST_LOD = 4;
    static final String PRE_STANDARD_NAMESPACE = "http://www.citygml.org/citygml/1/0/0";
    /** How much of a file's start is searched for the namespace of pre-standard CityGML. */
    private static final int HEAD_BYTES = 8192;
    private static CityGMLContext context;

    private final String fileName;
    private final InputStream input;
    private final CityGMLReader reader;
    private final List<String> problems = new ArrayList<>();
    /** What the file holds that is not drawn, though it is no problem: textures. */
    private final List<String> notes = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private final Map<String, Integer> notRead = new TreeMap<>();
    /**
     * X3DMaterial diffuse colours by the gml:id of the surfaces they target, from the file's global appearances read
     * so far and the objects' own: a material must come before the surfaces it colours, as in KIT's and NRW's files.
     */
    private final Map<String, Integer> materialColours = new HashMap<>();
    /** A file's materials may colour this many surfaces: about 100 MB of ids at most, whatever the file claims. */
    static final int MOST_MATERIAL_TARGETS = 1_000_000;
    private boolean materialTargetsCut;
    /** The file's textures: images, the theme drawn, and what is not drawn. */
    private final Appearances appearances;
    private String fileSrs;
    private Crs fileCrs;
    private String title;
    private boolean headerSeen;
    private boolean cityModelSeen;
    private boolean finished;
    private int features;
    private int skipped;
    private int withoutSrs;
    private String firstWithoutSrs;
    private boolean featureWithoutSrs;
    private CityFeature pending;

    private CityGmlReader(String fileName, Path file, InputStream input) throws IOException {
        this.fileName = fileName;
        this.appearances = new Appearances(file, fileName);
        this.input = input.markSupported() ? input : new BufferedInputStream(input, 1 << 16);
        refusePreStandard(this.input, fileName);
        try {
            CityGMLInputFactory factory = context().createCityGMLInputFactory()
                    .withChunking(ChunkOptions.defaults().skipCityModel(false))
                    .withReferenceResolver(DefaultReferenceResolver.newInstance().withResolveMode(ResolveMode.GEOMETRIES_ONLY));
            reader = factory.createCityGMLReader(this.input);
        } catch (CityGMLReadException e) {
            throw new ModelLoadException(fileName + ": cannot be read as CityGML (" + rootMessage(e) + ")", e);
        }
    }

    /**
     * CityGML before the OGC standard (0.3 and 0.4, namespace {@value #PRE_STANDARD_NAMESPACE}) has the same element
     * names in another namespace, which citygml4j passes over: the file would read as "not CityGML". Its first
     * kilobytes name the namespace, so it is refused as what it is.
     */
    private static void refusePreStandard(InputStream input, String fileName) throws IOException {
        input.mark(HEAD_BYTES);
        byte[] head = input.readNBytes(HEAD_BYTES);
        input.reset();
        if (new String(head, StandardCharsets.ISO_8859_1).contains(PRE_STANDARD_NAMESPACE)) {
            throw new ModelLoadException(fileName + ": CityGML from before the OGC standard (namespace " + PRE_STANDARD_NAMESPACE
                    + "); this reader reads CityGML 1.0, 2.0 and 3.0");
        }
    }

    /** citygml4j's context scans its modules once; it is safe to share between readers and threads. */
    private static synchronized CityGMLContext context() throws ModelLoadException {
        if (context == null) {
            try {
                context = CityGMLContext.newInstance(CityGmlReader.class.getClassLoader());
            } catch (CityGMLContextException e) {
                throw new ModelLoadException("CityGML support failed to start: " + e.getMessage(), e);
            }
        }
        return context;
    }

    public static CityGmlReader open(Path file) throws IOException {
        InputStream in = ModelInput.open(file);
        try {
            return new CityGmlReader(file.getFileName().toString(), file, in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Reads from {@code in}, which {@link #close()} closes; {@code fileName} names it in messages. A stream has no
     * folder for texture images: its textures are not drawn, and a note says so.
     */
    public static CityGmlReader open(InputStream in, String fileName) throws IOException {
        return new CityGmlReader(fileName, null, in);
    }

    /**
     * The file's model. The common kind of file (NRW's tiles: buildings, their parts and boundary surfaces) is read
     * straight from the XML by {@link CityGmlFastReader}, in about half the time; any other, or any with a problem,
     * through citygml4j, with the same result either way.
     */
    public static CityModel read(Path file) throws IOException {
        CityModel fast = CityGmlFastReader.read(file);
        return fast != null ? fast : readWithCitygml4j(file);
    }

    /** The file's model as citygml4j's path reads it, whatever the file holds: what the fast path must equal. */
    static CityModel readWithCitygml4j(Path file) throws IOException {
        try (CityGmlReader reader = open(file)) {
            return reader.readAll();
        }
    }

    public static CityModel read(InputStream in, String fileName) throws IOException {
        try (CityGmlReader reader = open(in, fileName)) {
            return reader.readAll();
        }
    }

    private CityModel readAll() throws IOException {
        DoubleList vertices = new DoubleList(1 << 12);
        VertexPool pool = new VertexPool(vertices);
        List<CityObject> objects = new ArrayList<>();
        while (advance(pool, objects)) {
            pool.startFeature();
        }
        return new CityModel(fileName, referenceSystem(), metadata(), vertices.array(), vertices.size() / 3, objects, problems, notes, skipped,
                appearances.images());
    }

    /** Whether another feature with at least one object that loaded follows. */
    public boolean hasNext() throws IOException {
        if (pending == null && !finished) {
            DoubleList vertices = new DoubleList(256);
            List<CityObject> objects = new ArrayList<>(4);
            if (advance(new VertexPool(vertices), objects)) {
                pending = new CityFeature(List.copyOf(objects), vertices.array(), vertices.size() / 3);
            }
        }
        return pending != null;
    }

    public CityFeature next() throws IOException {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CityFeature next = pending;
        pending = null;
        return next;
    }

    /**
     * The file's CRS as the model states it: the OGC URL of its EPSG code (as CityJSON writes it: {@link #EPSG_25832}
     * for NRW's tiles), taken from the CityModel's envelope, else from the first geometry that names one; the
     * envelope's srsName as written where no CRS can be read from it; null where nothing names one. Known once the
     * first feature has been read.
     */
    public String referenceSystem() {
        if (fileCrs != null) {
            return fileCrs.url();
        }
        return fileSrs;
    }

    /** The CityModel's gml:name as "title", as CityJSON metadata has it; empty when the file has none. */
    public Map<String, Object> metadata() {
        return title == null ? Map.of() : Map.of("title", title);
    }

    /** Messages naming the file, the object and the problem; complete once {@link #hasNext()} has said false. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** What the file holds that is not drawn, though it is no problem (textures); complete once the file is read. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    public int skippedObjects() {
        return skipped;
    }

    public String fileName() {
        return fileName;
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } catch (CityGMLReadException e) {
            throw new IOException(fileName + ": " + rootMessage(e), e);
        } finally {
            input.close();
        }
    }

    /** Reads chunks until one yields objects (added to {@code out}) or the file ends; false at its end. */
    private boolean advance(VertexPool pool, List<CityObject> out) throws IOException {
        while (!finished) {
            CityGMLChunk chunk = nextChunk();
            if (chunk == null) {
                finish();
                return false;
            }
            if (chunk.getFirstElement().getLocalPart().equals("CityModel")) {
                cityModelSeen = true;
                if (fileSrs == null) {
                    readEnvelope(chunk);
                }
                continue;
            }
            AbstractFeature feature;
            try {
                feature = chunk.build(false);
            } catch (CityGMLReadException e) {
                problems.add(fileName + ": object `" + idOf(chunk) + "`: cannot be read (" + rootMessage(e) + "); the object was skipped");
                skipped++;
                continue;
            }
            if (feature instanceof Appearance appearance) {
                addSurfaceData(appearance);
                continue;
            }
            if (feature instanceof ReliefFeature relief) {
                features++;
                List<CityObject> tins = relief(relief, srsOf(relief, fileSrs), pool);
                if (!tins.isEmpty()) {
                    out.addAll(tins);
                    return true;
                }
                continue;
            }
            if (feature instanceof LandUse landUse) {
                features++;
                CityObject area = landUse(landUse, srsOf(landUse, fileSrs), pool);
                if (area != null) {
                    out.add(area);
                    return true;
                }
                continue;
            }
            if (feature instanceof AbstractSpace space) {
                features++;
                featureWithoutSrs = false;
                List<CityObject> objects = convert(space, null, srsOf(space, fileSrs), pool, 0);
                if (featureWithoutSrs) {
                    if (withoutSrs++ == 0) {
                        firstWithoutSrs = space.getId();
                    }
                }
                if (!objects.isEmpty()) {
                    out.addAll(objects);
                    return true;
                }
            } else if (feature != null) {
                notRead.merge(feature.getClass().getSimpleName(), 1, Integer::sum);
            }
        }
        return false;
    }

    private CityGMLChunk nextChunk() throws IOException {
        try {
            if (!reader.hasNext()) {
                return null;
            }
            if (!headerSeen) {
                headerSeen = true;
                readHeader(reader.getParentInfo());
            }
            return reader.nextChunk();
        } catch (CityGMLReadException e) {
            String message = malformed(e);
            if (features == 0 && !cityModelSeen) {
                throw new ModelLoadException(message, e);
            }
            problems.add(message + "; the rest of the file was not read");
            finished = true;
            return null;
        }
    }

    /** The CityModel around the features: its envelope's srsName is the CRS of every geometry that names none. */
    private void readHeader(FeatureInfo cityModel) {
        if (cityModel == null) {
            return;
        }
        if (cityModel.getBoundedBy() != null && cityModel.getBoundedBy().getEnvelope() != null) {
            fileSrs = cityModel.getBoundedBy().getEnvelope().getSrsName();
            fileCrs = Crs.parse(fileSrs);
        }
        if (cityModel.getNames() != null && !cityModel.getNames().isEmpty()) {
            title = cityModel.getNames().get(0).getValue();
        }
    }

    /**
     * A CityModel without members has no parent to hand its envelope over with: it comes as a chunk of its own, whose
     * envelope still says the CRS of an empty tile. Geometries read before it have said the file's CRS already.
     */
    private void readEnvelope(CityGMLChunk chunk) {
        try {
            if (chunk.build(false) instanceof AbstractFeature cityModel && cityModel.getBoundedBy() != null
                    && cityModel.getBoundedBy().getEnvelope() != null) {
                fileSrs = cityModel.getBoundedBy().getEnvelope().getSrsName();
                if (fileCrs == null) {
                    fileCrs = Crs.parse(fileSrs);
                }
            }
        } catch (CityGMLReadException e) {
            // Not a problem of any object: the envelope only says the CRS where no geometry did, and without it the
            // file's CRS stays unknown, which referenceSystem() then says.
            return;
        }
    }

    private void finish() throws ModelLoadException {
        if (finished) {
            return;
        }
        finished = true;
        if (features == 0 && !cityModelSeen && notRead.isEmpty()) {
            throw new ModelLoadException(fileName + ": not CityGML (no CityModel and no city object in it)");
        }
        if (withoutSrs > 0) {
            problems.add(fileName + ": " + (withoutSrs == 1 ? "object `" + firstWithoutSrs + "` names" : withoutSrs
                    + " objects (the first `" + firstWithoutSrs + "`) name") + " no CRS (no srsName on the file, the object or its geometry); "
                    + "its coordinates were taken as " + (fileCrs == null ? "ETRS89 / UTM zone 32N (EPSG:25832)" : "in the file's CRS (" + fileCrs + ")"));
        }
        appearances.addNotes(notes);
        notRead.forEach((type, count) -> problems.add(fileName + ": " + count + " " + type + " feature" + (count == 1 ? " was" : "s were")
                + " not loaded (a kind this reader does not draw)"));
    }

    /**
     * Takes an appearance's materials: each X3DMaterial's diffuse colour for the surfaces it targets (the first
     * material to name a surface wins, whatever its theme), and the textures of the theme drawn for the surfaces
     * they target.
     */
    private void addSurfaceData(Appearance appearance) {
        for (AbstractSurfaceDataProperty property : appearance.getSurfaceData()) {
            if (property.getObject() instanceof X3DMaterial material && material.getDiffuseColor() != null) {
                Color diffuse = material.getDiffuseColor();
                int argb = 0xFF000000 | channel(diffuse.getRed()) << 16 | channel(diffuse.getGreen()) << 8 | channel(diffuse.getBlue());
                for (GeometryReference target : material.getTargets()) {
                    String id = target.getHref() == null ? null : target.getHref().startsWith("#") ? target.getHref().substring(1) : target.getHref();
                    if (id != null && materialColours.size() < MOST_MATERIAL_TARGETS) {
                        materialColours.putIfAbsent(id, argb);
                    } else if (id != null && !materialTargetsCut) {
                        materialTargetsCut = true;
                        notes.add(fileName + ": materials name more than " + MOST_MATERIAL_TARGETS + " surfaces; those beyond are drawn"
                                + " in the viewer's colours");
                    }
                }
            } else if (property.getObject() instanceof ParameterizedTexture texture && appearances.drawsTheme(appearance.getTheme())) {
                addTexture(texture);
            } else if (property.getObject() instanceof GeoreferencedTexture texture && appearances.drawsTheme(appearance.getTheme())) {
                appearances.unsupported("georeferenced texture", texture.getTargets().size());
            }
        }
    }

    /** A ParameterizedTexture's image, and its texture coordinates by ring for each surface it targets. */
    private void addTexture(ParameterizedTexture texture) {
        List<TextureAssociationProperty> associations = texture.getTextureParameterizations();
        int image = appearances.files.use(texture.getImageURI(), associations.size());
        if (image < 0) {
            return;
        }
        for (TextureAssociationProperty property : associations) {
            TextureAssociation association = property.getObject();
            String target = association == null ? null : local(association.getTarget() == null ? null : association.getTarget().getHref());
            AbstractTextureParameterization parameterization = association == null || association.getTextureParameterization() == null ? null
                    : association.getTextureParameterization().getObject();
            if (parameterization instanceof TexCoordList list && target != null) {
                Map<String, double[]> rings = new HashMap<>(4);
                for (TextureCoordinates coordinates : list.getTextureCoordinates()) {
                    String ring = local(coordinates.getRing() == null ? null : coordinates.getRing().getHref());
                    if (ring != null && coordinates.getValue() != null) {
                        rings.put(ring, coordinates.getValue().stream().mapToDouble(value -> value == null ? Double.NaN : value).toArray());
                    }
                }
                appearances.target(target, new Appearances.TextureTarget(image, rings));
            } else if (parameterization != null && !(parameterization instanceof TexCoordList)) {
                appearances.unsupported("texture coordinates given by a " + parameterization.getClass().getSimpleName(), 1);
            } else {
                appearances.unmatched(1);
            }
        }
    }

    /** A gml:id from an xlink such as {@code #id}; null for none. */
    private static String local(String href) {
        return href == null ? null : href.startsWith("#") ? href.substring(1) : href;
    }

    /** A colour channel from 0 to 1, as X3D writes it, to 0 to 255; out of range or not a number is clamped. */
    private static int channel(double value) {
        return Double.isNaN(value) ? 0 : (int) Math.round(Math.max(0, Math.min(1, value)) * 255);
    }

    private static String srsOf(AbstractFeature feature, String inherited) {
        if (feature.getBoundedBy() != null && feature.getBoundedBy().getEnvelope() != null
                && feature.getBoundedBy().getEnvelope().getSrsName() != null) {
            return feature.getBoundedBy().getEnvelope().getSrsName();
        }
        return inherited;
    }

    /**
     * The object and its parts, the object first; empty when the object itself was skipped. A part that is skipped
     * leaves its parent and siblings in, and no child link to it.
     */
    private List<CityObject> convert(AbstractSpace space, String parentId, String srs, VertexPool pool, int index) {
        String id = space.getId() != null ? space.getId() : parentId + "-part-" + (index + 1);
        if (!ids.add(id)) {
            problems.add(fileName + ": object `" + id + "` appears twice; the second was skipped");
            skipped++;
            return List.of();
        }
        for (AbstractAppearanceProperty property : space.getAppearances()) {
            if (property.getObject() instanceof Appearance appearance) {
                addSurfaceData(appearance);
            }
        }
        List<Staged> staged;
        try {
            staged = geometries(space, srs);
        } catch (GeometryBuilder.GeometryException e) {
            problems.add(fileName + ": object `" + id + "`: " + e.getMessage() + "; the object was skipped");
            ids.remove(id);
            skipped++;
            return List.of();
        }
        List<CityObject> descendants = new ArrayList<>();
        List<String> children = new ArrayList<>();
        List<AbstractSpace> parts = parts(space, id);
        for (int i = 0; i < parts.size(); i++) {
            AbstractSpace part = parts.get(i);
            List<CityObject> converted = convert(part, id, srsOf(part, srs), pool, i);
            if (!converted.isEmpty()) {
                children.add(converted.get(0).id());
                descendants.addAll(converted);
            }
        }
        List<Geometry> geometries = new ArrayList<>(staged.size());
        for (Staged geometry : staged) {
            geometries.add(geometry.surfaces.build(geometry.type, geometry.lod, pool));
        }
        List<CityObject> result = new ArrayList<>(1 + descendants.size());
        result.add(new CityObject(id, typeName(space), attributes(space), parentId == null ? List.of() : List.of(parentId),
                List.copyOf(children), List.copyOf(geometries)));
        result.addAll(descendants);
        return result;
    }

    /**
     * A relief's triangulated surfaces, each component an object of type TINRelief drawn as ground; a component
     * of another kind (a grid, mass points, break lines) is named as not loaded.
     */
    private List<CityObject> relief(ReliefFeature relief, String srs, VertexPool pool) {
        List<CityObject> tins = new ArrayList<>();
        String reliefId = relief.getId() != null ? relief.getId() : "relief-" + features;
        List<AbstractReliefComponentProperty> components = relief.getReliefComponents();
        for (int index = 0; index < components.size(); index++) {
            if (!(components.get(index).getObject() instanceof TINRelief tin) || tin.getTin() == null || tin.getTin().getObject() == null) {
                String kind = components.get(index).getObject() == null ? "linked relief component"
                        : components.get(index).getObject().getClass().getSimpleName();
                notRead.merge(kind, 1, Integer::sum);
                continue;
            }
            String id = tin.getId() != null ? tin.getId() : reliefId + "-tin-" + (index + 1);
            if (!ids.add(id)) {
                problems.add(fileName + ": object `" + id + "` appears twice; the second was skipped");
                skipped++;
                continue;
            }
            try {
                GmlSurfaces surfaces = new GmlSurfaces(new IdentityHashMap<>(), this::checkCrs, materialColours, appearances);
                surfaces.addSurface(tin.getTin().getObject(), srsOf(tin, srs), "the TIN of `" + id + "`");
                Geometry geometry = surfaces.build(GeometryType.MULTI_SURFACE, Integer.toString(tin.getLod()), pool);
                tins.add(new CityObject(id, "TINRelief", attributes(tin), List.of(), List.of(), List.of(geometry)));
            } catch (GeometryBuilder.GeometryException e) {
                problems.add(fileName + ": object `" + id + "`: " + e.getMessage() + "; the object was skipped");
                ids.remove(id);
                skipped++;
            }
        }
        return tins;
    }

    /**
     * A land-use area (CityGML's LandUse, a surface and not a space), with its multi-surfaces of every LoD: the viewer
     * paints it on the ground. Null where it was skipped.
     */
    private CityObject landUse(LandUse landUse, String srs, VertexPool pool) {
        String id = landUse.getId() != null ? landUse.getId() : "landuse-" + features;
        if (!ids.add(id)) {
            problems.add(fileName + ": object `" + id + "` appears twice; the second was skipped");
            skipped++;
            return null;
        }
        List<Geometry> geometries = new ArrayList<>();
        try {
            for (int lod = 0; lod <= HIGHEST_LOD; lod++) {
                MultiSurface multiSurface = multiSurface(thematicMultiSurface(landUse, lod), lod, "lod" + lod + "MultiSurface");
                if (multiSurface != null) {
                    GmlSurfaces surfaces = new GmlSurfaces(new IdentityHashMap<>(), this::checkCrs, materialColours, appearances);
                    surfaces.addMultiSurface(multiSurface, null, srs, "lod" + lod + "MultiSurface", false);
                    geometries.add(surfaces.build(GeometryType.MULTI_SURFACE, Integer.toString(lod), pool));
                }
            }
        } catch (GeometryBuilder.GeometryException e) {
            problems.add(fileName + ": object `" + id + "`: " + e.getMessage() + "; the object was skipped");
            ids.remove(id);
            skipped++;
            return null;
        }
        return new CityObject(id, "LandUse", attributes(landUse), List.of(), List.of(), List.copyOf(geometries));
    }

    /**
     * The object's parts, each loaded as an object of its own with parent and child links: a building's, bridge's
     * or tunnel's parts, installations (dormers, balconies, stairs) and constructive elements.
     */
    private List<AbstractSpace> parts(AbstractSpace space, String id) {
        List<FeatureProperty<? extends AbstractSpace>> properties = new ArrayList<>();
        if (space instanceof AbstractBuilding building) {
            if (building instanceof Building whole) {
                properties.addAll(whole.getBuildingParts());
            }
            if (building.hasDeprecatedProperties()) {
                properties.addAll(building.getDeprecatedProperties().getConsistsOfBuildingParts());
            }
            properties.addAll(building.getBuildingInstallations());
            properties.addAll(building.getBuildingConstructiveElements());
        } else if (space instanceof AbstractBridge bridge) {
            if (bridge instanceof Bridge whole) {
                properties.addAll(whole.getBridgeParts());
            }
            if (bridge.hasDeprecatedProperties()) {
                properties.addAll(bridge.getDeprecatedProperties().getConsistsOfBridgeParts());
            }
            properties.addAll(bridge.getBridgeInstallations());
            properties.addAll(bridge.getBridgeConstructiveElements());
        } else if (space instanceof AbstractTunnel tunnel) {
            if (tunnel instanceof Tunnel whole) {
                properties.addAll(whole.getTunnelParts());
            }
            if (tunnel.hasDeprecatedProperties()) {
                properties.addAll(tunnel.getDeprecatedProperties().getConsistsOfTunnelParts());
            }
            properties.addAll(tunnel.getTunnelInstallations());
            properties.addAll(tunnel.getTunnelConstructiveElements());
        }
        List<AbstractSpace> parts = new ArrayList<>(properties.size());
        for (FeatureProperty<? extends AbstractSpace> property : properties) {
            if (property.getObject() != null) {
                parts.add(property.getObject());
            } else {
                problems.add(fileName + ": object `" + id + "`: a part `" + property.getHref()
                        + "` names nothing in this object; it was left out");
            }
        }
        return parts;
    }

    private static String typeName(AbstractSpace space) {
        return space instanceof GenericOccupiedSpace ? "GenericCityObject" : space.getClass().getSimpleName();
    }

    /** One geometry read and checked, waiting for the rest of its object before its vertices go into the model. */
    private record Staged(GeometryType type, String lod, GmlSurfaces surfaces) {
    }

    /**
     * For each LoD, the object's solid, else its boundary surfaces and multi-surface. A solid takes its surfaces'
     * semantic types from the boundary surfaces it links to; a solid that shares no surface with them is the same
     * shape written twice, and the boundary surfaces, which know roof from wall, are kept instead.
     */
    private List<Staged> geometries(AbstractSpace space, String srs) throws GeometryBuilder.GeometryException {
        GmlSurfaces.CrsCheck crsCheck = this::checkCrs;
        List<Staged> staged = new ArrayList<>(2);
        for (int lod = 1; lod <= HIGHEST_LOD; lod++) {
            Map<AbstractSurface, String> semanticTypes = new IdentityHashMap<>();
            GmlSurfaces boundaries = new GmlSurfaces(semanticTypes, crsCheck, materialColours, appearances);
            for (AbstractSpaceBoundaryProperty property : boundaries(space)) {
                if (property.getObject() instanceof AbstractThematicSurface surface) {
                    String type = surface.getClass().getSimpleName();
                    String where = type + (surface.getId() == null ? "" : " `" + surface.getId() + "`");
                    MultiSurface multiSurface = multiSurface(thematicMultiSurface(surface, lod), lod, where);
                    if (multiSurface != null) {
                        GmlSurfaces.registerBoundary(multiSurface, type, semanticTypes);
                        boundaries.addMultiSurface(multiSurface, type, srsOf(surface, srs), where, false);
                    }
                    if (surface instanceof AbstractConstructionSurface construction) {
                        addOpenings(construction, lod, srsOf(surface, srs), semanticTypes, boundaries);
                    }
                }
            }
            MultiSurface multiSurface = multiSurface(lodMultiSurface(space, lod), lod, "lod" + lod + "MultiSurface");
            if (multiSurface != null) {
                boundaries.addMultiSurface(multiSurface, null, srs, "lod" + lod + "MultiSurface", true);
            }
            SolidProperty solidProperty = lodSolid(space, lod);
            if (solidProperty != null && solidProperty.getObject() == null && solidProperty.getHref() != null) {
                throw new GeometryBuilder.GeometryException("lod" + lod + "Solid: xlink:href `" + solidProperty.getHref() + "` names no solid in this object");
            }
            if (solidProperty != null && solidProperty.getObject() != null) {
                GmlSurfaces solid = new GmlSurfaces(semanticTypes, crsCheck, materialColours, appearances);
                solid.addSolid(solidProperty.getObject(), srs, "lod" + lod + "Solid");
                if (solid.sharesBoundarySurfaces() || boundaries.isEmpty()) {
                    GeometryType type = solidProperty.getObject() instanceof CompositeSolid ? GeometryType.MULTI_SURFACE : GeometryType.SOLID;
                    staged.add(new Staged(type, Integer.toString(lod), solid));
                    continue;
                }
            }
            if (!boundaries.isEmpty()) {
                staged.add(new Staged(GeometryType.MULTI_SURFACE, Integer.toString(lod), boundaries));
            } else if (space instanceof AbstractOccupiedSpace occupied && lod <= 3 && occupied.getImplicitRepresentation(lod) != null) {
                GmlSurfaces placed = implicit(occupied.getImplicitRepresentation(lod), lod, srs, crsCheck);
                if (placed != null) {
                    staged.add(new Staged(GeometryType.MULTI_SURFACE, Integer.toString(lod), placed));
                }
            }
        }
        return staged;
    }

    /**
     * A space's boundary surfaces. A road's, railway's or square's traffic areas are those of its traffic spaces in
     * CityGML 3.0 (citygml4j reads a CityGML 2.0 trafficArea into one): they are the road's own surfaces, as in
     * CityJSON, typed TrafficArea and AuxiliaryTrafficArea.
     */
    private static List<AbstractSpaceBoundaryProperty> boundaries(AbstractSpace space) {
        if (!(space instanceof AbstractTransportationSpace transportation)) {
            return space.getBoundaries();
        }
        List<AbstractSpaceBoundaryProperty> boundaries = new ArrayList<>(space.getBoundaries());
        for (TrafficSpaceProperty property : transportation.getTrafficSpaces()) {
            if (property.getObject() != null) {
                boundaries.addAll(property.getObject().getBoundaries());
            }
        }
        for (AuxiliaryTrafficSpaceProperty property : transportation.getAuxiliaryTrafficSpaces()) {
            if (property.getObject() != null) {
                boundaries.addAll(property.getObject().getBoundaries());
            }
        }
        return boundaries;
    }

    /**
     * An implicit geometry (a tree, a lamp post: one prototype placed many times) as surfaces where it stands: the
     * prototype's points moved by its transformation matrix to its reference point. Null, with the problem named,
     * where its prototype is a library object by reference, which is not read.
     */
    private GmlSurfaces implicit(ImplicitGeometryProperty property, int lod, String srs, GmlSurfaces.CrsCheck crsCheck)
            throws GeometryBuilder.GeometryException {
        String where = "lod" + lod + "ImplicitRepresentation";
        ImplicitGeometry implicit = property.getObject();
        if (implicit == null || implicit.getReferencePoint() == null || implicit.getReferencePoint().getObject() == null) {
            throw new GeometryBuilder.GeometryException(where + ": it has no reference point in this object");
        }
        if (implicit.getRelativeGeometry() == null || implicit.getRelativeGeometry().getObject() == null) {
            notRead.merge("implicit geometry from a library (" + SafeText.of(String.valueOf(implicit.getLibraryObject()), 200) + ")", 1, Integer::sum);
            return null;
        }
        List<Double> reference = implicit.getReferencePoint().getObject().toCoordinateList3D();
        List<Double> matrix = implicit.getTransformationMatrix() != null ? implicit.getTransformationMatrix().toRowMajorList()
                : List.of(1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0);
        if (reference.size() < 3 || matrix.size() != 16 || !reference.stream().allMatch(Double::isFinite)
                || !matrix.stream().allMatch(Double::isFinite)) {
            throw new GeometryBuilder.GeometryException(where + ": its reference point or transformation matrix is not a 3D point and 16 numbers");
        }
        // The prototype lies in a local frame: only the reference point says where, in the object's CRS.
        GmlSurfaces surfaces = new GmlSurfaces(new IdentityHashMap<>(), srsName -> crsCheck.check(srs), materialColours, appearances);
        switch (implicit.getRelativeGeometry().getObject()) {
            case MultiSurface multiSurface -> surfaces.addMultiSurface(multiSurface, null, srs, where, false);
            case AbstractSolid solid -> surfaces.addSolid(solid, srs, where);
            case AbstractSurface surface -> surfaces.addSurface(surface, srs, where);
            default -> throw new GeometryBuilder.GeometryException(where + ": a gml:"
                    + implicit.getRelativeGeometry().getObject().getClass().getSimpleName() + " prototype is not supported");
        }
        surfaces.place(matrix, new double[]{reference.get(0), reference.get(1), reference.get(2)});
        return surfaces;
    }

    /**
     * A wall's or roof's openings (windows, doors) as surfaces of their own, typed Window and Door: the wall keeps its
     * holes and the openings fill them, whether the object's solid or its boundary surfaces are drawn, so no LoD 3
     * wall shows a hole into the building.
     */
    private static void addOpenings(AbstractConstructionSurface construction, int lod, String srs, Map<AbstractSurface, String> semanticTypes,
                                    GmlSurfaces boundaries) throws GeometryBuilder.GeometryException {
        for (AbstractFillingSurfaceProperty property : construction.getFillingSurfaces()) {
            if (property.getObject() instanceof AbstractFillingSurface opening) {
                // CityJSON's names for them, which the viewer styles: Window and Door, not WindowSurface and DoorSurface.
                String type = opening.getClass().getSimpleName().replace("Surface", "");
                String where = type + (opening.getId() == null ? "" : " `" + opening.getId() + "`");
                MultiSurface multiSurface = multiSurface(thematicMultiSurface(opening, lod), lod, where);
                if (multiSurface != null) {
                    GmlSurfaces.registerBoundary(multiSurface, type, semanticTypes);
                    boundaries.addMultiSurface(multiSurface, type, srsOf(opening, srs), where, false);
                }
            }
        }
    }

    /**
     * A space's lodN multi-surface. CityGML 2.0's lod1MultiSurface (buildings, bridges, tunnels, transportation,
     * plant cover, water) and lod4MultiSurface have no place in CityGML 3.0's spaces; citygml4j keeps them as
     * deprecated properties.
     */
    private static MultiSurfaceProperty lodMultiSurface(AbstractSpace space, int lod) {
        if ((lod == 1 || lod == 4) && space.hasDeprecatedProperties()) {
            MultiSurfaceProperty deprecated = switch (space) {
                case AbstractBuilding building -> lod == 1 ? building.getDeprecatedProperties().getLod1MultiSurface()
                        : building.getDeprecatedProperties().getLod4MultiSurface();
                case AbstractBridge bridge -> lod == 1 ? bridge.getDeprecatedProperties().getLod1MultiSurface()
                        : bridge.getDeprecatedProperties().getLod4MultiSurface();
                case AbstractTunnel tunnel -> lod == 1 ? tunnel.getDeprecatedProperties().getLod1MultiSurface()
                        : tunnel.getDeprecatedProperties().getLod4MultiSurface();
                case AbstractTransportationSpace transportation -> lod == 1 ? transportation.getDeprecatedProperties().getLod1MultiSurface()
                        : transportation.getDeprecatedProperties().getLod4MultiSurface();
                case PlantCover plants -> lod == 1 ? plants.getDeprecatedProperties().getLod1MultiSurface()
                        : plants.getDeprecatedProperties().getLod4MultiSurface();
                case WaterBody water -> lod == 1 ? water.getDeprecatedProperties().getLod1MultiSurface() : null;
                default -> null;
            };
            if (deprecated != null) {
                return deprecated;
            }
        }
        return lod == 4 ? null : space.getMultiSurface(lod);
    }

    /** A space's lodN solid; LoD 4's is a deprecated property, as above. */
    private static SolidProperty lodSolid(AbstractSpace space, int lod) {
        if (lod < 4) {
            return space.getSolid(lod);
        }
        if (!space.hasDeprecatedProperties()) {
            return null;
        }
        return switch (space) {
            case AbstractBuilding building -> building.getDeprecatedProperties().getLod4Solid();
            case AbstractBridge bridge -> bridge.getDeprecatedProperties().getLod4Solid();
            case AbstractTunnel tunnel -> tunnel.getDeprecatedProperties().getLod4Solid();
            case WaterBody water -> water.getDeprecatedProperties().getLod4Solid();
            default -> null;
        };
    }

    /** A boundary surface's lodN multi-surface; LoD 4's is a deprecated property, as above. */
    private static MultiSurfaceProperty thematicMultiSurface(AbstractThematicSurface surface, int lod) {
        if (lod < 4) {
            return surface.getMultiSurface(lod);
        }
        return surface.hasDeprecatedProperties() ? surface.getDeprecatedProperties().getLod4MultiSurface() : null;
    }

    private static MultiSurface multiSurface(MultiSurfaceProperty property, int lod, String where) throws GeometryBuilder.GeometryException {
        if (property == null) {
            return null;
        }
        if (property.getObject() == null && property.getHref() != null) {
            throw new GeometryBuilder.GeometryException(where + ": lod" + lod + "MultiSurface xlink:href `" + property.getHref()
                    + "` names no multi-surface in this object");
        }
        return property.getObject();
    }

    /**
     * Fails closed: a srsName that names no CRS this reader can read is refused rather than guessed, and so is one
     * whose CRS differs from the file's, since the model has one CRS for all its vertices.
     */
    private void checkCrs(String srsName) throws GeometryBuilder.GeometryException {
        if (srsName == null) {
            featureWithoutSrs = true;
            return;
        }
        Crs crs = Crs.parse(srsName);
        if (crs == null) {
            throw new GeometryBuilder.GeometryException("srsName '" + srsName + "' names no CRS this reader knows "
                    + "(it reads EPSG codes as EPSG:25833, urn:ogc:def:crs:EPSG::25833 or .../def/crs/EPSG/0/25833, and AdV's urn:adv:crs:...)");
        }
        if (fileCrs == null) {
            fileCrs = crs;
        } else if (!crs.equals(fileCrs)) {
            throw new GeometryBuilder.GeometryException("srsName '" + srsName + "' is " + crs + ", not " + fileCrs
                    + ", the CRS of the file's other geometries");
        }
    }

    /** The attributes under the names CityJSON gives them, then the generic attributes under their own names. */
    private static Map<String, Object> attributes(AbstractCityObject object) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (object.isSetNames() && object.getNames().get(0).getValue() != null) {
            attributes.put("name", object.getNames().get(0).getValue());
        }
        if (object instanceof StandardObjectClassifier classified) {
            if (classified.getClassifier() != null) {
                attributes.put("class", classified.getClassifier().getValue());
            }
            codes(attributes, "function", classified.getFunctions());
            codes(attributes, "usage", classified.getUsages());
        }
        if (object instanceof AbstractConstruction construction) {
            year(attributes, "yearOfConstruction", construction.getDateOfConstruction());
            year(attributes, "yearOfDemolition", construction.getDateOfDemolition());
        }
        if (object instanceof AbstractBuilding building) {
            if (building.getRoofType() != null) {
                attributes.put("roofType", building.getRoofType().getValue());
            }
            Double height = measuredHeight(building);
            if (height != null) {
                attributes.put("measuredHeight", height);
            }
            if (building.getStoreysAboveGround() != null) {
                attributes.put("storeysAboveGround", building.getStoreysAboveGround());
            }
            if (building.getStoreysBelowGround() != null) {
                attributes.put("storeysBelowGround", building.getStoreysBelowGround());
            }
        }
        for (AbstractGenericAttributeProperty property : object.getGenericAttributes()) {
            AbstractGenericAttribute<?> attribute = property.getObject();
            if (attribute != null && attribute.getName() != null && attribute.getValue() != null) {
                attributes.putIfAbsent(attribute.getName(), genericValue(attribute));
            }
        }
        return attributes;
    }

    /** One code as text; several as a list, as CityJSON allows for function and usage. */
    private static void codes(Map<String, Object> attributes, String name, List<Code> codes) {
        List<String> values = codes.stream().map(Code::getValue).filter(value -> value != null).toList();
        if (values.size() == 1) {
            attributes.put(name, values.get(0));
        } else if (!values.isEmpty()) {
            attributes.put(name, values);
        }
    }

    private static void year(Map<String, Object> attributes, String name, LocalDate date) {
        if (date != null) {
            attributes.put(name, date.getYear());
        }
    }

    /** CityGML 2.0's measuredHeight arrives in citygml4j's 3.0 model as a height with status "measured". */
    private static Double measuredHeight(AbstractBuilding building) {
        for (HeightProperty property : building.getHeights()) {
            Height height = property.getObject();
            if (height != null && height.getStatus() == HeightStatusValue.MEASURED && height.getValue() != null) {
                return height.getValue().getValue();
            }
        }
        return null;
    }

    private static Object genericValue(AbstractGenericAttribute<?> attribute) {
        if (attribute instanceof GenericAttributeSet set) {
            Map<String, Object> members = new LinkedHashMap<>();
            for (AbstractGenericAttributeProperty property : set.getValue()) {
                AbstractGenericAttribute<?> member = property.getObject();
                if (member != null && member.getName() != null && member.getValue() != null) {
                    members.putIfAbsent(member.getName(), genericValue(member));
                }
            }
            return members;
        }
        return switch (attribute.getValue()) {
            case Measure measure -> measure.getValue();
            case Code code -> code.getValue();
            case LocalDate date -> date.toString();
            case Object value -> value;
        };
    }

    /** The gml:id of a chunk's feature, read from its buffered first element, for a message about it. */
    private static String idOf(CityGMLChunk chunk) {
        try {
            XMLStreamReader stream = chunk.toXMLStreamReader(false);
            stream.nextTag();
            for (int i = 0; i < stream.getAttributeCount(); i++) {
                if (stream.getAttributeLocalName(i).equals("id")) {
                    return stream.getAttributeValue(i);
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            return "?";
        }
        return "?";
    }

    /** "file: malformed XML at line 4, column 7: ..." from the parser's exception, wherever it is in the chain. */
    private String malformed(CityGMLReadException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof XMLStreamException stream && stream.getLocation() != null) {
                Location location = stream.getLocation();
                String message = stream.getMessage();
                int text = message == null ? -1 : message.indexOf("Message: ");
                return fileName + ": malformed XML at line " + location.getLineNumber() + ", column " + location.getColumnNumber()
                        + ": " + (text >= 0 ? message.substring(text + "Message: ".length()) : message);
            }
        }
        return fileName + ": cannot be read as CityGML (" + rootMessage(e) + ")";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
