package de.dormagentwin.model.io;

import de.dormagentwin.model.Geometry;
import de.dormagentwin.model.GeometryType;
import de.dormagentwin.model.primitive.IntList;
import org.xmlobjects.gml.model.basictypes.Sign;
import org.xmlobjects.gml.model.geometry.AbstractGeometry;
import org.xmlobjects.gml.model.geometry.DirectPosition;
import org.xmlobjects.gml.model.geometry.DirectPositionList;
import org.xmlobjects.gml.model.geometry.GeometricPosition;
import org.xmlobjects.gml.model.geometry.GeometricPositionList;
import org.xmlobjects.gml.model.geometry.aggregates.MultiSurface;
import org.xmlobjects.gml.model.geometry.complexes.CompositeSolid;
import org.xmlobjects.gml.model.geometry.complexes.CompositeSurface;
import org.xmlobjects.gml.model.geometry.primitives.AbstractRing;
import org.xmlobjects.gml.model.geometry.primitives.AbstractRingProperty;
import org.xmlobjects.gml.model.geometry.primitives.AbstractSolid;
import org.xmlobjects.gml.model.geometry.primitives.AbstractSurface;
import org.xmlobjects.gml.model.geometry.primitives.AbstractSurfacePatch;
import org.xmlobjects.gml.model.geometry.primitives.LinearRing;
import org.xmlobjects.gml.model.geometry.primitives.OrientableSurface;
import org.xmlobjects.gml.model.geometry.primitives.Polygon;
import org.xmlobjects.gml.model.geometry.primitives.PolygonPatch;
import org.xmlobjects.gml.model.geometry.primitives.Rectangle;
import org.xmlobjects.gml.model.geometry.primitives.Shell;
import org.xmlobjects.gml.model.geometry.primitives.Solid;
import org.xmlobjects.gml.model.geometry.primitives.Surface;
import org.xmlobjects.gml.model.geometry.primitives.SurfaceProperty;
import org.xmlobjects.gml.model.geometry.primitives.Triangle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The surfaces of one geometry of one city object as read from GML: walked, checked and held with their own
 * coordinates until the whole object has been read, so that an object with a broken ring leaves nothing behind
 * in the model's vertex array.
 *
 * <p>Rings drop GML's repeated closing position (CityJSON and the model do not repeat it). A surface used with
 * orientation "-" has its rings reversed, so its normal points the way the file means.
 */
final class GmlSurfaces {
    /** Checks a srsName met on the way down; null means none was declared there or above. */
    interface CrsCheck {
        void check(String srsName) throws GeometryBuilder.GeometryException;
    }

    private final Map<AbstractSurface, String> semanticTypes;
    private final CrsCheck crsCheck;
    private final Map<String, Integer> materialColours;
    private final Appearances appearances;
    /** Per surface, its image or {@link Geometry#NO_TEXTURE}. */
    private final IntList textures = new IntList(16);
    /** u, v per position, two per coordinate triple; allocated by the first textured surface only. */
    private float[] uv;
    private boolean anyTexture;
    /** The texture of the surface being read: its own gml:id's, or that of a surface it is part of. */
    private Appearances.TextureTarget texture;
    /** Per surface, its material colour or {@link Geometry#NO_COLOR}. */
    private final IntList colours = new IntList(16);
    /** The material colour of the surface being read: its own gml:id's, or that of a surface it is part of. */
    private int colour = Geometry.NO_COLOR;
    private final IntList surfaceRingStart = new IntList(16);
    private final IntList ringVertexStart = new IntList(16);
    private final List<String> semantics = new ArrayList<>();
    private double[] coordinates = new double[192];
    private int coordinateCount;
    private int semanticMatches;

    /**
     * @param semanticTypes   the semantic surface type of each surface of the object's boundary surfaces, by
     *                        identity, so that a solid whose members are xlinks to them knows roof from wall
     * @param materialColours opaque ARGB colours by the gml:id of the polygons and surfaces an appearance's
     *                        material targets; a surface takes its own, else that of the surface it is part of
     * @param appearances     the file's textures by the gml:id of the surfaces they target, taken as colours are
     */
    GmlSurfaces(Map<AbstractSurface, String> semanticTypes, CrsCheck crsCheck, Map<String, Integer> materialColours,
                Appearances appearances) {
        this.semanticTypes = semanticTypes;
        this.crsCheck = crsCheck;
        this.materialColours = materialColours;
        this.appearances = appearances;
    }

    boolean isEmpty() {
        return surfaceRingStart.size() == 0;
    }

    /** Whether any surface was one of the boundary surfaces' own, reached by xlink or by identity. */
    boolean sharesBoundarySurfaces() {
        return semanticMatches > 0;
    }

    /**
     * @param skipBoundarySurfaces leave out members that are boundary surfaces' own (an lodXMultiSurface that links
     *                             to them), which the boundary surfaces have added already
     */
    void addMultiSurface(MultiSurface multiSurface, String semanticType, String srsName, String where, boolean skipBoundarySurfaces)
            throws GeometryBuilder.GeometryException {
        String srs = effective(multiSurface, srsName);
        for (SurfaceProperty member : multiSurface.getSurfaceMember()) {
            if (!(skipBoundarySurfaces && semanticTypes.containsKey(member.getObject()))) {
                addMember(member, semanticType, srs, false, where);
            }
        }
        for (AbstractSurface member : arrayMembers(multiSurface)) {
            if (!(skipBoundarySurfaces && semanticTypes.containsKey(member))) {
                addSurface(member, semanticType, srs, false, where);
            }
        }
    }

    /** Notes the surface type of each member of a boundary surface, for solids and multi-surfaces that link to them. */
    static void registerBoundary(MultiSurface multiSurface, String semanticType, Map<AbstractSurface, String> semanticTypes) {
        for (SurfaceProperty member : multiSurface.getSurfaceMember()) {
            if (member.getObject() != null) {
                semanticTypes.put(member.getObject(), semanticType);
            }
        }
        for (AbstractSurface member : arrayMembers(multiSurface)) {
            semanticTypes.put(member, semanticType);
        }
    }

    private static List<AbstractSurface> arrayMembers(MultiSurface multiSurface) {
        return multiSurface.getSurfaceMembers() == null ? List.of() : multiSurface.getSurfaceMembers().getObjects();
    }

    /** The exterior shells of a solid, or of each solid of a composite solid; interior shells (voids) are not drawn. */
    void addSolid(AbstractSolid solid, String srsName, String where) throws GeometryBuilder.GeometryException {
        String srs = effective(solid, srsName);
        if (solid instanceof Solid single) {
            if (single.getExterior() == null || single.getExterior().getObject() == null) {
                throw new GeometryBuilder.GeometryException(where + ": the solid has no exterior shell");
            }
            Shell shell = single.getExterior().getObject();
            String shellSrs = declared(shell, srs);
            for (SurfaceProperty member : shell.getSurfaceMembers()) {
                addMember(member, null, shellSrs, false, where);
            }
        } else if (solid instanceof CompositeSolid composite) {
            for (var member : composite.getSolidMembers()) {
                if (member.getObject() == null) {
                    throw missing(member.getHref(), "solid", where);
                }
                addSolid(member.getObject(), srs, where);
            }
        } else {
            throw new GeometryBuilder.GeometryException(where + ": a gml:" + solid.getClass().getSimpleName() + " is not supported");
        }
    }

    private void addMember(SurfaceProperty member, String semanticType, String srsName, boolean reversed, String where)
            throws GeometryBuilder.GeometryException {
        if (member.getObject() == null) {
            throw missing(member.getHref(), "surface", where);
        }
        addSurface(member.getObject(), semanticType, srsName, reversed, where);
    }

    /**
     * Places what was added so far as an implicit geometry's prototype is placed: each point {@code p} becomes
     * {@code reference + M p}, with M the 4 x 4 transformation matrix in row-major order (its last row 0 0 0 1).
     */
    void place(List<Double> rowMajor, double[] reference) {
        for (int at = 0; at < coordinateCount; at += 3) {
            double x = coordinates[at];
            double y = coordinates[at + 1];
            double z = coordinates[at + 2];
            for (int row = 0; row < 3; row++) {
                coordinates[at + row] = reference[row] + rowMajor.get(row * 4) * x + rowMajor.get(row * 4 + 1) * y
                        + rowMajor.get(row * 4 + 2) * z + rowMajor.get(row * 4 + 3);
            }
        }
    }

    /** A surface on its own, such as a relief's triangulated surface, without a semantic type. */
    void addSurface(AbstractSurface surface, String srsName, String where) throws GeometryBuilder.GeometryException {
        addSurface(surface, null, srsName, false, where);
    }

    private void addSurface(AbstractSurface surface, String semanticType, String srsName, boolean reversed, String where)
            throws GeometryBuilder.GeometryException {
        String type = semanticType;
        if (semanticTypes.containsKey(surface)) {
            type = semanticTypes.get(surface);
            semanticMatches++;
        }
        String srs = declared(surface, srsName);
        int enclosing = colour;
        Appearances.TextureTarget enclosingTexture = texture;
        Integer own = surface.getId() == null ? null : materialColours.get(surface.getId());
        if (own != null) {
            colour = own;
        }
        Appearances.TextureTarget ownTexture = appearances.target(surface.getId());
        if (ownTexture != null) {
            texture = ownTexture;
        }
        try {
            addSurfaceOfKind(surface, type, srs, reversed, where);
        } finally {
            colour = enclosing;
            texture = enclosingTexture;
        }
    }

    private void addSurfaceOfKind(AbstractSurface surface, String type, String srs, boolean reversed, String where)
            throws GeometryBuilder.GeometryException {
        switch (surface) {
            case Polygon polygon -> addPolygon(polygon.getExterior(), polygon.getInterior(), type, reversed, name(polygon, where));
            case CompositeSurface composite -> {
                for (SurfaceProperty member : composite.getSurfaceMembers()) {
                    addMember(member, type, srs, reversed, where);
                }
            }
            case OrientableSurface orientable -> {
                if (orientable.getBaseSurface() == null || orientable.getBaseSurface().getObject() == null) {
                    throw missing(orientable.getBaseSurface() == null ? null : orientable.getBaseSurface().getHref(), "base surface", where);
                }
                addSurface(orientable.getBaseSurface().getObject(), type, srs, reversed ^ orientable.getOrientation() == Sign.MINUS, where);
            }
            case Surface patched when patched.getPatches() != null -> {
                for (AbstractSurfacePatch patch : patched.getPatches().getObjects()) {
                    addPatch(patch, type, reversed, name(patched, where));
                }
            }
            default -> throw new GeometryBuilder.GeometryException(name(surface, where) + ": a gml:" + surface.getClass().getSimpleName()
                    + " is not supported");
        }
    }

    private void addPatch(AbstractSurfacePatch patch, String type, boolean reversed, String where) throws GeometryBuilder.GeometryException {
        switch (patch) {
            case PolygonPatch polygon -> addPolygon(polygon.getExterior(), polygon.getInterior(), type, reversed, where);
            case Triangle triangle -> addPolygon(triangle.getExterior(), List.of(), type, reversed, where);
            case Rectangle rectangle -> addPolygon(rectangle.getExterior(), List.of(), type, reversed, where);
            default -> throw new GeometryBuilder.GeometryException(where + ": a gml:" + patch.getClass().getSimpleName() + " patch is not supported");
        }
    }

    /** Where a surface sits, for messages: its own gml:id, else the place of what holds it. */
    private static String name(AbstractGeometry geometry, String where) {
        String kind = geometry.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        return geometry.getId() != null ? kind + " `" + geometry.getId() + "`" : "a " + kind + " in " + where;
    }

    private void addPolygon(AbstractRingProperty exterior, List<AbstractRingProperty> interiors, String semanticType, boolean reversed, String where)
            throws GeometryBuilder.GeometryException {
        if (exterior == null || exterior.getObject() == null) {
            throw new GeometryBuilder.GeometryException(where + ": the polygon has no exterior ring");
        }
        surfaceRingStart.add(ringVertexStart.size());
        boolean textured = texture != null;
        textured &= addRing(exterior.getObject(), reversed, where, "exterior ring");
        for (int i = 0; i < interiors.size(); i++) {
            AbstractRingProperty interior = interiors.get(i);
            if (interior.getObject() != null) {
                textured &= addRing(interior.getObject(), reversed, where, "interior ring " + (i + 1));
            }
        }
        semantics.add(semanticType);
        colours.add(colour);
        if (texture != null && !textured) {
            appearances.unmatched(1);
        }
        textures.add(textured ? texture.image() : Geometry.NO_TEXTURE);
        anyTexture |= textured;
    }

    /**
     * Takes the ring's texture coordinates, in the order its positions were added; false where the surface's texture
     * names none for this ring or not one per position.
     */
    private boolean addTextureCoordinates(AbstractRing ring, int positions, boolean reversed, int firstPosition) {
        double[] values = ring.getId() == null ? null : texture.rings().get(ring.getId());
        // One u v pair per position, GML's closing position included or left out.
        if (values == null || values.length != positions * 2 && values.length != (positions - 1) * 2) {
            return false;
        }
        int needed = (firstPosition + positions - 1) * 2;
        if (uv == null) {
            uv = new float[Math.max(needed, coordinates.length / 3 * 2)];
        } else if (uv.length < needed) {
            uv = Arrays.copyOf(uv, Math.max(needed, uv.length * 2));
        }
        for (int p = 0; p < positions - 1; p++) {
            int from = (reversed ? positions - 2 - p : p) * 2;
            if (!Double.isFinite(values[from]) || !Double.isFinite(values[from + 1])) {
                return false;
            }
            uv[(firstPosition + p) * 2] = (float) values[from];
            uv[(firstPosition + p) * 2 + 1] = (float) values[from + 1];
        }
        return true;
    }

    /** Adds the ring's positions; true where the surface being read has a texture and it gave this ring coordinates. */
    private boolean addRing(AbstractRing ring, boolean reversed, String where, String which) throws GeometryBuilder.GeometryException {
        if (!(ring instanceof LinearRing linear)) {
            throw new GeometryBuilder.GeometryException(where + ": its " + which + " is a gml:" + ring.getClass().getSimpleName()
                    + "; only gml:LinearRing is supported");
        }
        GeometricPositionList points = linear.getControlPoints();
        checkNumbers(points, where, which);
        List<Double> xyz = linear.toCoordinateList3D();
        int positions = xyz.size() / 3;
        if (positions < 4) {
            throw new GeometryBuilder.GeometryException(where + ": its " + which + " has " + positions
                    + " position" + (positions == 1 ? "" : "s") + "; a closed ring needs at least 4");
        }
        for (int at = 0; at < xyz.size(); at += 3) {
            if (!Double.isFinite(xyz.get(at)) || !Double.isFinite(xyz.get(at + 1)) || !Double.isFinite(xyz.get(at + 2))) {
                // 1e400 reads as infinite: drawn, it would poison the city's extent.
                throw new GeometryBuilder.GeometryException(String.format(Locale.ROOT, "%s: position %d of its %s is not a finite coordinate (%s)",
                        where, at / 3 + 1, which, position(xyz, at)));
            }
        }
        int last = (positions - 1) * 3;
        if (!xyz.get(0).equals(xyz.get(last)) || !xyz.get(1).equals(xyz.get(last + 1)) || !xyz.get(2).equals(xyz.get(last + 2))) {
            throw new GeometryBuilder.GeometryException(String.format(Locale.ROOT,
                    "%s: its %s is not closed (it starts at %s and ends at %s)", where, which, position(xyz, 0), position(xyz, last)));
        }
        int firstPosition = coordinateCount / 3;
        ringVertexStart.add(firstPosition);
        int needed = coordinateCount + last;
        if (needed > coordinates.length) {
            coordinates = Arrays.copyOf(coordinates, Math.max(needed, coordinates.length * 2));
        }
        for (int p = 0; p < positions - 1; p++) {
            int from = (reversed ? positions - 2 - p : p) * 3;
            coordinates[coordinateCount++] = xyz.get(from);
            coordinates[coordinateCount++] = xyz.get(from + 1);
            coordinates[coordinateCount++] = xyz.get(from + 2);
        }
        return texture != null && addTextureCoordinates(ring, positions, reversed, firstPosition);
    }

    /** A posList or pos whose text is not numbers arrives without values: say so rather than "too few positions". */
    private static void checkNumbers(GeometricPositionList points, String where, String which) throws GeometryBuilder.GeometryException {
        if (points == null) {
            throw new GeometryBuilder.GeometryException(where + ": its " + which + " has no positions");
        }
        DirectPositionList list = points.getPosList();
        if (list != null && !list.isSetValue()) {
            throw new GeometryBuilder.GeometryException(where + ": the gml:posList of its " + which + " is empty or holds something that is not a number");
        }
        if (points.isSetGeometricPositions()) {
            for (GeometricPosition position : points.getGeometricPositions()) {
                DirectPosition pos = position.getPos();
                if (pos != null && !pos.isSetValue()) {
                    throw new GeometryBuilder.GeometryException(where + ": a gml:pos of its " + which + " is empty or holds something that is not a number");
                }
            }
        }
    }

    private static String position(List<Double> xyz, int at) {
        return String.format(Locale.ROOT, "%.3f %.3f %.3f", xyz.get(at), xyz.get(at + 1), xyz.get(at + 2));
    }

    /** The CRS of a geometry that the walk starts at: its own srsName, else the one it inherits; checked either way. */
    private String effective(AbstractGeometry geometry, String inherited) throws GeometryBuilder.GeometryException {
        String srs = geometry.getSrsName() != null ? geometry.getSrsName() : inherited;
        crsCheck.check(srs);
        return srs;
    }

    /** The CRS of a geometry inside another: its own srsName, checked, else the one it inherits. */
    private String declared(AbstractGeometry geometry, String inherited) throws GeometryBuilder.GeometryException {
        if (geometry.getSrsName() != null) {
            crsCheck.check(geometry.getSrsName());
            return geometry.getSrsName();
        }
        return inherited;
    }

    private static GeometryBuilder.GeometryException missing(String href, String what, String where) {
        if (href == null) {
            return new GeometryBuilder.GeometryException(where + ": a " + what + " member is empty");
        }
        return new GeometryBuilder.GeometryException(where + ": xlink:href `" + href + "` names no " + what
                + " in this object (links are followed within one top-level feature)");
    }

    /** The surfaces as a model geometry, their vertices added to the pool. */
    Geometry build(GeometryType type, String lod, VertexPool pool) {
        int rings = ringVertexStart.size();
        int[] indices = new int[coordinateCount / 3];
        for (int v = 0; v < indices.length; v++) {
            indices[v] = pool.index(coordinates[v * 3], coordinates[v * 3 + 1], coordinates[v * 3 + 2]);
        }
        int[] surfaceStarts = Arrays.copyOf(surfaceRingStart.toArray(), surfaceRingStart.size() + 1);
        surfaceStarts[surfaceStarts.length - 1] = rings;
        int[] ringStarts = Arrays.copyOf(ringVertexStart.toArray(), rings + 1);
        ringStarts[rings] = indices.length;
        String[] types = semantics.stream().allMatch(Objects::isNull) ? null : semantics.toArray(String[]::new);
        int[] surfaceColours = colours.toArray();
        boolean anyColour = Arrays.stream(surfaceColours).anyMatch(argb -> argb != Geometry.NO_COLOR);
        float[] textureCoordinates = anyTexture ? Arrays.copyOf(uv, indices.length * 2) : null;
        return new Geometry(type, lod, surfaceStarts, ringStarts, indices, types, anyColour ? surfaceColours : null,
                anyTexture ? textures.toArray() : null, textureCoordinates);
    }
}
