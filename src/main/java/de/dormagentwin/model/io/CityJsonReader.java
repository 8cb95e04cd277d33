package de.dormagentwin.model.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.primitive.DoubleList;
import de.dormagentwin.model.text.SafeText;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads CityJSON (1.1 and 2.0) and CityJSONSeq with Jackson's streaming parser. A CityJSON file and a CityJSONSeq
 * file are both a sequence of root JSON values (one for a plain file, a header and one feature per line for a
 * sequence), so one code path reads both, value by value, and never holds a tree of a whole document.
 *
 * <p>Members may come in any order: each root value is collected raw (vertices as read, geometry boundaries as
 * flat tokens) and converted once the value has ended, when its transform and vertices are known.
 *
 * <p>A broken object is left out with a message naming the file, the object and the problem; the rest loads.
 * Malformed JSON reports line and column. A member given twice is malformed, not silently the last one: with two
 * {@code vertices} arrays, the geometry would be drawn on the wrong points. A sequence whose first value is one line
 * (CityJSONSeq) is read a line at a time after that, so that a broken line is skipped, named by its number, and the
 * lines after it still load.
 */
public final class CityJsonReader {
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private CityJsonReader() {
    }

    /** Reads a file; its texture images are read from its folder (see {@link TextureFiles}). */
    public static CityModel read(Path file) throws IOException {
        try (InputStream in = ModelInput.open(file)) {
            return new Session(fileName(file), file).read(in);
        }
    }

    /** Reads a stream: a stream has no folder, so its textures are not drawn, and a note says so. */
    public static CityModel read(InputStream in, String fileName) throws IOException {
        return new Session(fileName, null).read(in);
    }

    private static String fileName(Path file) {
        return file.getFileName().toString();
    }

    /** The state of reading one file: what the header set, and what has been converted so far. */
    private static final class Session {
        private final String fileName;
        private final DoubleList vertices = new DoubleList(1 << 12);
        private final List<CityObject> objects = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private final Appearances appearances;
        private final Set<String> ids = new HashSet<>();
        private RawDocument header;
        private int skipped;
        private int rootValues;

        Session(String fileName, Path file) {
            this.fileName = fileName;
            this.appearances = new Appearances(file, fileName);
        }

        CityModel read(InputStream in) throws IOException {
            try (JsonParser parser = MAPPER.createParser(in)) {
                while (true) {
                    RawDocument document;
                    try {
                        if (parser.nextToken() == null) {
                            break;
                        }
                        document = RawDocument.read(parser);
                    } catch (JsonProcessingException e) {
                        String message = malformed(e);
                        if (rootValues == 0) {
                            throw new ModelLoadException(message, e);
                        }
                        problems.add(message + "; the rest of the file was not read");
                        break;
                    } catch (RawDocument.FormatException e) {
                        if (rootValues == 0) {
                            throw new ModelLoadException(fileName + ": " + e.getMessage(), e);
                        }
                        problems.add(fileName + ": " + e.getMessage() + "; the rest of the file was not read");
                        break;
                    }
                    accept(document);
                    rootValues++;
                    if (rootValues == 1 && parser.currentLocation().getLineNr() == 1 && readRestByLine(parser, in)) {
                        break;
                    }
                }
            }
            if (rootValues == 0) {
                throw new ModelLoadException(fileName + ": the file is empty, not CityJSON");
            }
            checkReferences();
            List<String> notes = new ArrayList<>();
            appearances.addNotes(notes);
            RawDocument source = header == null ? new RawDocument() : header;
            return new CityModel(fileName, source.referenceSystem(), source.metadata == null ? Map.of() : source.metadata,
                    vertices.array(), vertices.size() / 3, objects, problems, notes, skipped, appearances.images());
        }

        /**
         * Reads what follows a first value that took one line as a CityJSONSeq, line by line; false where the parser
         * cannot hand back what it buffered (a file not in UTF-8), which then reads on as one stream.
         */
        private boolean readRestByLine(JsonParser parser, InputStream in) throws IOException {
            ByteArrayOutputStream buffered = new ByteArrayOutputStream();
            if (parser.releaseBuffered(buffered) < 0) {
                return false;
            }
            LineReader lines = new LineReader(new SequenceInputStream(new ByteArrayInputStream(buffered.toByteArray()), in));
            // The rest of line 1 comes first: normally only its line feed.
            for (int line = 1; lines.next(); line++) {
                if (lines.isBlank()) {
                    continue;
                }
                try (JsonParser lineParser = MAPPER.createParser(lines.bytes(), 0, lines.length())) {
                    lineParser.nextToken();
                    RawDocument document = RawDocument.read(lineParser);
                    if (lineParser.nextToken() != null) {
                        throw new RawDocument.FormatException("more than one JSON value on the line");
                    }
                    accept(document);
                    rootValues++;
                } catch (JsonProcessingException e) {
                    JsonLocation location = e.getLocation();
                    problems.add(fileName + ": malformed JSON at line " + line + (location == null ? "" : ", column " + location.getColumnNr())
                            + ": " + SafeText.of(e.getOriginalMessage()) + "; the line was skipped");
                    skipped++;
                } catch (RawDocument.FormatException e) {
                    problems.add(fileName + ": line " + line + ": " + e.getMessage() + "; the line was skipped");
                    skipped++;
                }
            }
            return true;
        }

        private String malformed(JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            return fileName + ": malformed JSON" + where + ": " + SafeText.of(e.getOriginalMessage());
        }

        private void accept(RawDocument document) throws ModelLoadException {
            if ("CityJSON".equals(document.type)) {
                if (header != null) {
                    problems.add(fileName + ": a second CityJSON header in the sequence was ignored");
                    return;
                }
                header = document;
            } else if ("CityJSONFeature".equals(document.type)) {
                if (document.id == null || !document.objects.containsKey(document.id)) {
                    problems.add(fileName + ": CityJSONFeature `" + document.id + "`: its root id names no object in the feature; "
                            + document.objects.size() + " object(s) skipped");
                    skipped += document.objects.size();
                    return;
                }
            } else if (rootValues == 0) {
                throw new ModelLoadException(fileName + ": not CityJSON (type is " + (document.type == null ? "missing" : "'" + document.type + "'") + ")");
            } else {
                problems.add(fileName + ": a root value of type '" + document.type + "' was ignored");
                return;
            }
            convert(document);
        }

        private void convert(RawDocument document) {
            RawDocument shared = header == null ? document : header;
            double[] scale = document.scale != null ? document.scale : shared.scale;
            double[] translate = document.translate != null ? document.translate : shared.translate;
            int offset = vertices.size() / 3;
            DoubleList raw = document.vertices;
            int broken = 0;
            int firstBroken = -1;
            int lastBroken = -1;
            for (int i = 0; i < raw.size(); i++) {
                int axis = i % 3;
                double value = scale == null ? raw.get(i) : raw.get(i) * scale[axis] + translate[axis];
                if (!Double.isFinite(value)) {
                    // Marked, so that the objects using it are skipped with a problem that names them.
                    value = Double.NaN;
                    if (lastBroken != i / 3) {
                        broken++;
                        lastBroken = i / 3;
                        firstBroken = firstBroken < 0 ? lastBroken : firstBroken;
                    }
                }
                vertices.add(value);
            }
            if (broken > 0) {
                problems.add(fileName + ": " + broken + " vertices of " + ("CityJSONFeature".equals(document.type) ? "feature `" + SafeText.of(document.id) + "`" : "the file")
                        + " are not finite numbers" + (scale == null ? "" : " after the transform") + " (the first is vertices[" + firstBroken + "]); "
                        + "objects using them were skipped");
            }
            GeometryBuilder builder = new GeometryBuilder(vertices, offset, raw.size() / 3,
                    document.materials != null ? document.materials : shared.materials,
                    document.templates != null ? document.templates : shared.templates,
                    document.templateVertices != null ? document.templateVertices : shared.templateVertices,
                    "CityJSONFeature".equals(document.type) ? "its feature" : "the file")
                    .withTextures(appearances, document.textureImages != null ? document.textureImages : shared.textureImages,
                            document.textureVertices != null ? document.textureVertices : shared.textureVertices);
            for (RawObject raw0 : document.objects.values()) {
                if (!ids.add(raw0.id())) {
                    problems.add(fileName + ": object `" + raw0.id() + "` appears twice; the second was skipped");
                    skipped++;
                    continue;
                }
                try {
                    objects.add(raw0.toCityObject(builder));
                } catch (GeometryBuilder.GeometryException e) {
                    problems.add(fileName + ": object `" + raw0.id() + "`: " + e.getMessage() + "; the object was skipped");
                    ids.remove(raw0.id());
                    skipped++;
                }
            }
        }

        private void checkReferences() {
            for (CityObject object : objects) {
                for (String parent : object.parents()) {
                    if (!ids.contains(parent)) {
                        problems.add(fileName + ": object `" + object.id() + "`: parent `" + parent + "` is not in the file");
                    }
                }
                for (String child : object.children()) {
                    if (!ids.contains(child)) {
                        problems.add(fileName + ": object `" + object.id() + "`: child `" + child + "` is not in the file");
                    }
                }
            }
        }
    }

    /** Reads one root value's members, in any order, into raw form. */
    static Map<String, Object> readMap(JsonParser parser) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = parser.readValueAs(LinkedHashMap.class);
        return map;
    }
}
