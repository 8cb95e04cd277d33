package de.dormagentwin.model.io;

import de.dormagentwin.model.Geometry;
import de.dormagentwin.model.GeometryType;
import de.dormagentwin.model.primitive.DoubleList;
import de.dormagentwin.model.primitive.IntList;

import java.util.Arrays;
import java.util.List;

import static de.dormagentwin.model.io.RawGeometry.CLOSE;
import static de.dormagentwin.model.io.RawGeometry.INVALID;
import static de.dormagentwin.model.io.RawGeometry.NULL;
import static de.dormagentwin.model.io.RawGeometry.OPEN;

/**
 * Turns raw geometries of one document (or feature) into {@link Geometry}: checks vertex indices, flattens
 * shells and solids into surfaces, spreads semantic and material values over the surfaces, and expands
 * geometry instances by appending their transformed template vertices.
 */
final class GeometryBuilder {
    private final DoubleList vertices;
    private final int vertexOffset;
    private final int vertexCount;
    private final List<Integer> materials;
    private final List<RawGeometry> templates;
    private final DoubleList templateVertices;
    private final String vertexOwner;
    private Appearances appearances;
    private List<String> textureImages;
    private DoubleList textureVertices;

    /** A geometry that cannot be built; the message says what is wrong, the caller adds file and object. */
    static final class GeometryException extends Exception {
        private static final long serialVersionUID = 1L;

        GeometryException(String message) {
            super(message);
        }
    }

    GeometryBuilder(DoubleList vertices, int vertexOffset, int vertexCount, List<Integer> materials,
                    List<RawGeometry> templates, DoubleList templateVertices, String vertexOwner) {
        this.vertices = vertices;
        this.vertexOffset = vertexOffset;
        this.vertexCount = vertexCount;
        this.materials = materials;
        this.templates = templates;
        this.templateVertices = templateVertices;
        this.vertexOwner = vertexOwner;
    }

    /**
     * Lets geometries carry textures: the document's texture images (by the file's texture index) and texture
     * vertices, resolved through the file's {@link Appearances}. Without it textures are left out.
     */
    GeometryBuilder withTextures(Appearances appearances, List<String> images, DoubleList vertices) {
        this.appearances = appearances;
        this.textureImages = images;
        this.textureVertices = vertices;
        return this;
    }

    Geometry build(RawGeometry raw) throws GeometryException {
        if ("GeometryInstance".equals(raw.type)) {
            return instance(raw);
        }
        return build(raw, vertexOffset, vertexCount, vertexOwner);
    }

    private Geometry build(RawGeometry raw, int offset, int count, String owner) throws GeometryException {
        GeometryType type = GeometryType.fromJsonName(raw.type);
        if (type == null) {
            throw new GeometryException("unknown geometry type '" + raw.type + "'");
        }
        if (raw.boundaries == null) {
            throw new GeometryException(type.jsonName() + " has no boundaries");
        }
        Flattened flat = new Flattened(raw.boundaries, type, offset, count, owner);
        for (int i = 0; i < flat.indices.size(); i++) {
            int vertex = flat.indices.get(i);
            for (int axis = 0; axis < 3; axis++) {
                if (!Double.isFinite(vertices.get(vertex * 3 + axis))) {
                    // An overflow (a huge integer times the scale) or a broken template: drawn, it would poison the
                    // whole city's extent and mesh.
                    throw new GeometryException("vertex " + (vertex - offset) + " of " + owner + " is not a finite coordinate ("
                            + vertices.get(vertex * 3) + ", " + vertices.get(vertex * 3 + 1) + ", " + vertices.get(vertex * 3 + 2) + ")");
                }
            }
        }
        int surfaces = flat.surfaceRingStart.size() - 1;
        String[] semantics = null;
        if (raw.semanticTypes != null && raw.semanticValues != null && type.hasSurfaces()) {
            int[] values = flat.perSurface(raw.semanticValues, "semantics");
            semantics = new String[surfaces];
            for (int s = 0; s < surfaces; s++) {
                semantics[s] = values[s] >= 0 && values[s] < raw.semanticTypes.size() ? raw.semanticTypes.get(values[s]) : null;
            }
        }
        int[] colors = null;
        if (materials != null && type.hasSurfaces() && (raw.materialValues != null || raw.uniformMaterial >= 0)) {
            int[] values = raw.materialValues != null ? flat.perSurface(raw.materialValues, "material") : filled(surfaces, raw.uniformMaterial);
            colors = new int[surfaces];
            for (int s = 0; s < surfaces; s++) {
                colors[s] = values[s] >= 0 && values[s] < materials.size() ? materials.get(values[s]) : Geometry.NO_COLOR;
            }
        }
        int[] textures = null;
        float[] uv = null;
        IntList textureValues = type.hasSurfaces() ? textureValues(raw) : null;
        if (textureValues != null) {
            textures = filled(surfaces, Geometry.NO_TEXTURE);
            uv = new float[flat.indices.size() * 2];
            if (!texture(flat, textureValues, textures, uv)) {
                textures = null;
                uv = null;
            }
        }
        return new Geometry(type, raw.lod, flat.surfaceRingStart.toArray(), flat.ringVertexStart.toArray(),
                flat.indices.toArray(), semantics, colors, textures, uv);
    }

    /** The values of the theme drawn, or null where the geometry has none or textures cannot be drawn at all. */
    private IntList textureValues(RawGeometry raw) {
        if (raw.textureThemes == null || appearances == null) {
            return null;
        }
        IntList drawn = null;
        for (var theme : raw.textureThemes.entrySet()) {
            if (appearances.drawsTheme(theme.getKey()) && drawn == null) {
                drawn = theme.getValue();
            }
        }
        return drawn;
    }

    /**
     * Fills each surface's image and its positions' u, v from the ring-by-ring texture values; false where no
     * surface got a texture. A surface whose values do not fit its rings is counted and stays untextured: a texture
     * is never a reason to leave an object out.
     */
    private boolean texture(Flattened flat, IntList values, int[] textures, float[] uv) {
        int[] ringAt;
        try {
            ringAt = flat.perRing(values);
        } catch (GeometryException e) {
            appearances.unmatched(textures.length);
            return false;
        }
        boolean any = false;
        int uvCount = textureVertices == null ? 0 : textureVertices.size() / 2;
        for (int s = 0; s < textures.length; s++) {
            int image = -1;
            boolean fits = true;
            boolean untextured = false;
            for (int r = flat.surfaceRingStart.get(s); r < flat.surfaceRingStart.get(s + 1) && fits && !untextured; r++) {
                int at = ringAt[r];
                int ringImage = at < 0 ? RawGeometry.NULL : values.get(at);
                if (ringImage == RawGeometry.NULL) {
                    untextured = true;
                    continue;
                }
                int first = flat.ringVertexStart.get(r);
                int count = flat.ringVertexStart.get(r + 1) - first;
                fits = ringImage >= 0 && (image < 0 || image == ringImage) && textureImages != null && ringImage < textureImages.size()
                        && at + 1 + count < values.size() && values.get(at + 1 + count) == CLOSE;
                image = ringImage;
                for (int k = 0; fits && k < count; k++) {
                    int index = values.get(at + 1 + k);
                    fits = index >= 0 && index < uvCount && Double.isFinite(textureVertices.get(index * 2));
                    if (fits) {
                        uv[(first + k) * 2] = (float) textureVertices.get(index * 2);
                        uv[(first + k) * 2 + 1] = (float) textureVertices.get(index * 2 + 1);
                    }
                }
            }
            if (untextured) {
                continue;
            }
            if (!fits || image < 0) {
                appearances.unmatched(1);
                continue;
            }
            textures[s] = appearances.files.use(textureImages.get(image), 1);
            any |= textures[s] != Geometry.NO_TEXTURE;
        }
        return any;
    }

    private static int[] filled(int length, int value) {
        int[] values = new int[length];
        Arrays.fill(values, value);
        return values;
    }

    /** A GeometryInstance becomes an ordinary geometry over template vertices moved to the reference point. */
    private Geometry instance(RawGeometry raw) throws GeometryException {
        if (templates == null || templateVertices == null || raw.template < 0 || raw.template >= templates.size()) {
            throw new GeometryException("GeometryInstance refers to template " + raw.template + ", which does not exist");
        }
        IntList boundaries = raw.boundaries;
        if (boundaries == null || boundaries.size() != 3 || boundaries.get(0) != OPEN || boundaries.get(2) != CLOSE) {
            throw new GeometryException("GeometryInstance boundaries must hold exactly one vertex index");
        }
        int reference = boundaries.get(1);
        checkIndex(reference, vertexCount, vertexOwner);
        double[] m = raw.transformationMatrix;
        if (m == null || m.length != 16) {
            throw new GeometryException("GeometryInstance needs a transformationMatrix of 16 numbers");
        }
        int base = (vertexOffset + reference) * 3;
        double rx = vertices.get(base);
        double ry = vertices.get(base + 1);
        double rz = vertices.get(base + 2);
        int start = vertices.size() / 3;
        int templateCount = templateVertices.size() / 3;
        for (int v = 0; v < templateCount; v++) {
            double x = templateVertices.get(v * 3);
            double y = templateVertices.get(v * 3 + 1);
            double z = templateVertices.get(v * 3 + 2);
            vertices.add(m[0] * x + m[1] * y + m[2] * z + m[3] + rx);
            vertices.add(m[4] * x + m[5] * y + m[6] * z + m[7] + ry);
            vertices.add(m[8] * x + m[9] * y + m[10] * z + m[11] + rz);
        }
        return build(templates.get(raw.template), start, templateCount, "the geometry templates");
    }

    private static void checkIndex(int index, int count, String owner) throws GeometryException {
        if (index == INVALID || index == NULL) {
            throw new GeometryException("a vertex index is not a non-negative integer");
        }
        if (index >= count) {
            throw new GeometryException("vertex index " + index + " is out of range (" + owner + " has " + count + " vertices)");
        }
    }

    /** Boundaries flattened to surfaces and rings, remembering which surfaces belong to which shell and solid. */
    private static final class Flattened {
        final IntList surfaceRingStart = new IntList(16);
        final IntList ringVertexStart = new IntList(16);
        final IntList indices = new IntList(64);
        final IntList shellSurfaceStart = new IntList(2);
        final IntList solidShellStart = new IntList(2);
        private final IntList tokens;
        private final int offset;
        private final int count;
        private final String owner;
        private final GeometryType type;
        private int position;

        Flattened(IntList tokens, GeometryType type, int offset, int count, String owner) throws GeometryException {
            this.tokens = tokens;
            this.type = type;
            this.offset = offset;
            this.count = count;
            this.owner = owner;
            switch (type.boundaryDepth()) {
                case 1 -> points();
                case 2 -> lines();
                case 3 -> {
                    solidShellStart.add(0);
                    shellSurfaceStart.add(0);
                    surfaces();
                }
                case 4 -> {
                    solidShellStart.add(0);
                    solid();
                }
                default -> {
                    open();
                    while (peek() != CLOSE) {
                        solidShellStart.add(shellSurfaceStart.size());
                        solid();
                    }
                    position++;
                }
            }
            if (position != tokens.size()) {
                throw mismatch();
            }
            surfaceRingStart.add(ringVertexStart.size());
            ringVertexStart.add(indices.size());
            shellSurfaceStart.add(surfaceRingStart.size() - 1);
            solidShellStart.add(shellSurfaceStart.size() - 1);
        }

        private GeometryException mismatch() {
            return new GeometryException("boundaries of a " + type.jsonName() + " must nest " + type.boundaryDepth() + " arrays deep");
        }

        private int peek() throws GeometryException {
            if (position >= tokens.size()) {
                throw mismatch();
            }
            return tokens.get(position);
        }

        private void open() throws GeometryException {
            if (peek() != OPEN) {
                throw mismatch();
            }
            position++;
        }

        private void points() throws GeometryException {
            open();
            while (peek() != CLOSE) {
                vertex();
            }
            position++;
        }

        private void lines() throws GeometryException {
            open();
            while (peek() != CLOSE) {
                points();
            }
            position++;
        }

        private void solid() throws GeometryException {
            open();
            while (peek() != CLOSE) {
                shellSurfaceStart.add(surfaceRingStart.size());
                surfaces();
            }
            position++;
        }

        private void surfaces() throws GeometryException {
            open();
            while (peek() != CLOSE) {
                surfaceRingStart.add(ringVertexStart.size());
                open();
                while (peek() != CLOSE) {
                    ringVertexStart.add(indices.size());
                    points();
                }
                position++;
            }
            position++;
        }

        private void vertex() throws GeometryException {
            int index = peek();
            if (index == OPEN) {
                throw mismatch();
            }
            checkIndex(index, count, owner);
            indices.add(index + offset);
            position++;
        }

        /**
         * Where each ring's texture values start in a texture "values" array: at the ring's image index, followed by
         * one texture vertex per ring vertex; -1 for a ring given as null. The array nests as the boundaries do.
         */
        int[] perRing(IntList values) throws GeometryException {
            int[] result = filled(ringVertexStart.size() - 1, -1);
            if (values.size() == 1 && values.get(0) == NULL) {
                return result;
            }
            int[] cursor = {0};
            switch (type.boundaryDepth()) {
                case 3 -> ringSurfaces(values, cursor, result, 0, surfaceRingStart.size() - 1);
                case 4 -> ringShells(values, cursor, result, 0, shellSurfaceStart.size() - 1);
                default -> {
                    expectRing(values, cursor, OPEN);
                    int solid = 0;
                    while (at(values, cursor[0]) != CLOSE) {
                        if (at(values, cursor[0]) == NULL) {
                            cursor[0]++;
                        } else if (solid < solidShellStart.size() - 1) {
                            ringShells(values, cursor, result, solidShellStart.get(solid), solidShellStart.get(solid + 1));
                        } else {
                            throw new GeometryException("texture values have more solids than the boundaries");
                        }
                        solid++;
                    }
                    cursor[0]++;
                }
            }
            return result;
        }

        private void ringShells(IntList values, int[] cursor, int[] result, int first, int end) throws GeometryException {
            expectRing(values, cursor, OPEN);
            int shell = first;
            while (at(values, cursor[0]) != CLOSE) {
                if (at(values, cursor[0]) == NULL) {
                    cursor[0]++;
                } else if (shell < end) {
                    ringSurfaces(values, cursor, result, shellSurfaceStart.get(shell), shellSurfaceStart.get(shell + 1));
                } else {
                    throw new GeometryException("texture values have more shells than the boundaries");
                }
                shell++;
            }
            cursor[0]++;
        }

        private void ringSurfaces(IntList values, int[] cursor, int[] result, int first, int end) throws GeometryException {
            expectRing(values, cursor, OPEN);
            int surface = first;
            while (at(values, cursor[0]) != CLOSE) {
                if (at(values, cursor[0]) == NULL) {
                    cursor[0]++;
                } else if (surface < end) {
                    rings(values, cursor, result, surfaceRingStart.get(surface), surfaceRingStart.get(surface + 1));
                } else {
                    throw new GeometryException("texture values have more surfaces than the boundaries");
                }
                surface++;
            }
            cursor[0]++;
        }

        private static void rings(IntList values, int[] cursor, int[] result, int first, int end) throws GeometryException {
            expectRing(values, cursor, OPEN);
            int ring = first;
            while (at(values, cursor[0]) != CLOSE) {
                if (at(values, cursor[0]) == NULL) {
                    cursor[0]++;
                } else if (ring < end) {
                    expectRing(values, cursor, OPEN);
                    result[ring] = cursor[0];
                    while (at(values, cursor[0]) != CLOSE) {
                        if (at(values, cursor[0]) == OPEN) {
                            throw new GeometryException("texture values nest deeper than the boundaries");
                        }
                        cursor[0]++;
                    }
                    cursor[0]++;
                } else {
                    throw new GeometryException("texture values have more rings than the boundaries");
                }
                ring++;
            }
            cursor[0]++;
        }

        private static int at(IntList values, int position) throws GeometryException {
            if (position >= values.size()) {
                throw new GeometryException("texture values end before the boundaries do");
            }
            return values.get(position);
        }

        private static void expectRing(IntList values, int[] cursor, int token) throws GeometryException {
            if (at(values, cursor[0]) != token) {
                throw new GeometryException("texture values do not match the nesting of the boundaries");
            }
            cursor[0]++;
        }

        /**
         * Spreads a semantic or material "values" array over the surfaces. Its nesting is that of the boundaries
         * less the ring and vertex levels; a null at any level means "none" for everything below it.
         */
        int[] perSurface(IntList values, String what) throws GeometryException {
            int surfaces = surfaceRingStart.size() - 1;
            int[] result = filled(surfaces, -1);
            if (values.size() == 1 && values.get(0) == NULL) {
                return result;
            }
            int[] cursor = {0};
            int depth = type.boundaryDepth() - 2;
            try {
                switch (depth) {
                    case 1 -> leaves(values, cursor, result, 0, surfaces);
                    case 2 -> shells(values, cursor, result, 0, shellSurfaceStart.size() - 1);
                    default -> {
                        expect(values, cursor, OPEN);
                        int solid = 0;
                        while (values.get(cursor[0]) != CLOSE) {
                            if (values.get(cursor[0]) == NULL) {
                                cursor[0]++;
                            } else {
                                shells(values, cursor, result, solidShellStart.get(solid), solidShellStart.get(solid + 1));
                            }
                            solid++;
                        }
                    }
                }
            } catch (IndexOutOfBoundsException e) {
                throw new GeometryException(what + " values do not match the boundaries");
            }
            return result;
        }

        private void shells(IntList values, int[] cursor, int[] result, int firstShell, int endShell) throws GeometryException {
            expect(values, cursor, OPEN);
            int shell = firstShell;
            while (values.get(cursor[0]) != CLOSE) {
                if (values.get(cursor[0]) == NULL) {
                    cursor[0]++;
                } else if (shell < endShell) {
                    leaves(values, cursor, result, shellSurfaceStart.get(shell), shellSurfaceStart.get(shell + 1));
                } else {
                    throw new GeometryException("values has more shells than the boundaries");
                }
                shell++;
            }
            cursor[0]++;
        }

        private static void leaves(IntList values, int[] cursor, int[] result, int first, int end) throws GeometryException {
            expect(values, cursor, OPEN);
            int surface = first;
            while (values.get(cursor[0]) != CLOSE) {
                int value = values.get(cursor[0]++);
                if (value == OPEN || surface >= end) {
                    throw new GeometryException("values do not match the surfaces of the boundaries");
                }
                result[surface++] = value >= 0 ? value : -1;
            }
            cursor[0]++;
        }

        private static void expect(IntList values, int[] cursor, int token) throws GeometryException {
            if (values.get(cursor[0]) != token) {
                throw new GeometryException("values do not match the nesting of the boundaries");
            }
            cursor[0]++;
        }
    }
}
