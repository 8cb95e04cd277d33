package de.dormagentwin.model.io;

import de.dormagentwin.model.text.SafeText;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one file's textures come to while it is read: the images ({@link TextureFiles}), the one theme drawn, and
 * the textured surfaces that cannot be drawn and why, for the model's notes. A viewer shows one appearance at a time:
 * of several texture themes the first the file names is drawn, and a note names the others.
 */
final class Appearances {
    /** A file's textures may target this many surfaces, as its materials may: the rest are counted as not drawn. */
    static final int MOST_TEXTURE_TARGETS = 1_000_000;
    /** And hold this many texture coordinates (64 MB) until the file is read, whatever the file claims. */
    static final long MOST_TEXTURE_COORDINATES = 8_000_000;
    /** Other themes named in the note; a file with more is told by count. */
    private static final int MOST_THEMES_NAMED = 5;

    final TextureFiles files;
    private final String fileName;
    private String theme;
    private final Set<String> otherThemes = new LinkedHashSet<>();
    private int otherThemeCount;
    private int unmatched;
    private int unsupported;
    private final Set<String> unsupportedKinds = new LinkedHashSet<>();
    /** CityGML: the texture of each surface by its gml:id, from the appearances read so far. */
    private final Map<String, TextureTarget> targets = new HashMap<>();
    private int targetsCut;
    private long coordinatesHeld;
    private final int mostTargets;
    private final long mostCoordinates;

    /**
     * A CityGML surface's texture: its image's index among {@link #images()} and, by the gml:id of each of its
     * rings, u v pairs as the file lists them (one per position, the closing one included or not).
     */
    record TextureTarget(int image, Map<String, double[]> rings) {
    }

    Appearances(Path modelFile, String fileName) {
        this(modelFile, fileName, MOST_TEXTURE_TARGETS, MOST_TEXTURE_COORDINATES);
    }

    /** With other limits on what CityGML texture targets are held (for tests). */
    Appearances(Path modelFile, String fileName, int mostTargets, long mostCoordinates) {
        this.mostTargets = mostTargets;
        this.mostCoordinates = mostCoordinates;
        Path parent = modelFile == null ? null : modelFile.toAbsolutePath().getParent();
        this.files = new TextureFiles(parent, fileName);
        this.fileName = fileName;
    }

    /** Whether textures of {@code name} are drawn: the first theme asked about is, any other is not. */
    boolean drawsTheme(String name) {
        String key = name == null ? "" : name;
        if (theme == null) {
            theme = key;
        }
        if (theme.equals(key)) {
            return true;
        }
        if (otherThemes.size() < MOST_THEMES_NAMED) {
            otherThemes.add(key);
        } else if (!otherThemes.contains(key)) {
            otherThemeCount++;
        }
        return false;
    }

    /** Surfaces whose texture coordinates do not fit their rings (too few, too many, no such texture vertex). */
    void unmatched(int surfaces) {
        unmatched += surfaces;
    }

    /** Surfaces textured in a way this viewer does not draw (a texture given by a matrix, a georeferenced texture). */
    void unsupported(String kind, int surfaces) {
        unsupported += surfaces;
        unsupportedKinds.add(kind);
    }

    /** Takes a CityGML surface's texture; the first texture to name a surface wins. */
    void target(String surfaceId, TextureTarget texture) {
        if (targets.containsKey(surfaceId)) {
            return;
        }
        long coordinates = texture.rings().values().stream().mapToLong(values -> values.length).sum();
        if (targets.size() < mostTargets && coordinatesHeld + coordinates <= mostCoordinates) {
            targets.put(surfaceId, texture);
            coordinatesHeld += coordinates;
        } else {
            targetsCut++;
        }
    }

    /** The texture of the CityGML surface with this gml:id, or null. */
    TextureTarget target(String surfaceId) {
        return surfaceId == null || targets.isEmpty() ? null : targets.get(surfaceId);
    }

    List<Path> images() {
        return files.images();
    }

    void addNotes(List<String> notes) {
        files.addNotes(notes);
        if (!otherThemes.isEmpty()) {
            StringBuilder names = new StringBuilder();
            for (String other : otherThemes) {
                names.append(names.isEmpty() ? "" : ", ").append('`').append(SafeText.of(other, 80)).append('`');
            }
            if (otherThemeCount > 0) {
                names.append(" and ").append(otherThemeCount).append(" more");
            }
            notes.add(fileName + ": textures of theme `" + SafeText.of(theme, 80) + "` are drawn, the first in the file; those of "
                    + names + " are not (one appearance is drawn at a time)");
        }
        if (unmatched > 0) {
            notes.add(fileName + ": " + unmatched + (unmatched == 1 ? " surface's" : " surfaces'") + " texture coordinates do not"
                    + " fit their rings; drawn in their material's colour or the viewer's");
        }
        if (targetsCut > 0) {
            notes.add(fileName + ": textures name more than " + mostTargets + " surfaces or " + mostCoordinates
                    + " texture coordinates; " + (targetsCut == 1 ? "1 surface beyond those is drawn in its" : targetsCut
                    + " surfaces beyond those are drawn in their") + " material's colour or the viewer's");
        }
        if (unsupported > 0) {
            notes.add(fileName + ": " + unsupported + (unsupported == 1 ? " surface has a texture" : " surfaces have textures")
                    + " of a kind not drawn (" + String.join(", ", unsupportedKinds) + "); drawn in their material's colour or the viewer's");
        }
    }
}
