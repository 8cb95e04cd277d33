package de.dormagentwin.app;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.Geometry;
import de.dormagentwin.model.text.SafeText;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The objects an export writes: those named by id, with their parts, and those in an area. An object goes with its
 * family: a top-level object (one without parents) and all its parts are in an area together when the plan
 * bounding box of all their geometry meets the area's box, so a building never loses its BuildingParts at an edge.
 * Named ids take the object and its parts, not its parents. Links to objects left out are dropped, so parents and
 * children stay consistent within the selection.
 */
final class ModelSelection {
    /** Farther from zero than any projected CRS's coordinates reach, in metres; a box beyond is a mistake. */
    static final double COORDINATE_LIMIT = 1e8;

    private ModelSelection() {
    }

    /** An area in the models' CRS, east and north, min below max. */
    record Box(double minEast, double minNorth, double maxEast, double maxNorth) {
        boolean meets(double[] plan) {
            return plan[0] <= maxEast && plan[2] >= minEast && plan[1] <= maxNorth && plan[3] >= minNorth;
        }

        /** {@code minE,minN,maxE,maxN}; the message of the exception says what is wrong in one line. */
        static Box parse(String text) {
            String[] parts = text.split(",", -1);
            if (parts.length != 4) {
                throw new IllegalArgumentException("--bbox must be minE,minN,maxE,maxN (four numbers), not '" + SafeText.of(text, 200) + "'");
            }
            double[] values = new double[4];
            for (int i = 0; i < 4; i++) {
                try {
                    values[i] = Double.parseDouble(parts[i].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--bbox: '" + SafeText.of(parts[i], 100) + "' is not a number");
                }
                if (!Double.isFinite(values[i]) || Math.abs(values[i]) > COORDINATE_LIMIT) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT, "--bbox: %s is not a coordinate (finite, within ±%.0e)",
                            SafeText.of(parts[i].strip(), 100), COORDINATE_LIMIT));
                }
            }
            if (values[0] >= values[2] || values[1] >= values[3]) {
                throw new IllegalArgumentException("--bbox must be minE,minN,maxE,maxN with min below max, not '" + SafeText.of(text, 200) + "'");
            }
            return new Box(values[0], values[1], values[2], values[3]);
        }
    }

    /** Why nothing can be exported: ids the models lack, or a selection with no object in it. */
    static final class SelectionException extends Exception {
        private static final long serialVersionUID = 1L;

        SelectionException(String message) {
            super(message);
        }
    }

    /**
     * The selected objects of each model, as models over the same vertices (empty ones left out); {@code box} and
     * {@code ids} may each be null for "no filter". Of two objects with one id (two files), the first is taken.
     */
    static List<CityModel> select(List<CityModel> models, Box box, Collection<String> ids) throws SelectionException {
        Map<String, CityObject> byId = new HashMap<>();
        Map<String, CityModel> modelOf = new HashMap<>();
        for (CityModel model : models) {
            for (CityObject object : model.objects()) {
                if (byId.putIfAbsent(object.id(), object) == null) {
                    modelOf.put(object.id(), model);
                }
            }
        }
        Set<String> kept = null;
        if (ids != null) {
            List<String> unknown = ids.stream().filter(id -> !byId.containsKey(id)).toList();
            if (!unknown.isEmpty()) {
                throw new SelectionException("no object with the id" + (unknown.size() == 1 ? " " : "s ")
                        + SafeText.of(String.join(", ", unknown), 300) + " in the model");
            }
            kept = withParts(ids, byId);
        }
        if (box != null) {
            Set<String> inBox = new HashSet<>();
            for (CityObject object : byId.values()) {
                // An object whose parents are all missing from the models stands for itself.
                if (object.parents().stream().noneMatch(byId::containsKey)) {
                    Set<String> family = withParts(List.of(object.id()), byId);
                    double[] plan = planExtent(family, byId, modelOf);
                    if (plan != null && box.meets(plan)) {
                        inBox.addAll(family);
                    }
                }
            }
            if (kept == null) {
                kept = inBox;
            } else {
                kept.retainAll(inBox);
            }
        }
        List<CityModel> selected = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (CityModel model : models) {
            List<CityObject> objects = new ArrayList<>();
            for (CityObject object : model.objects()) {
                if ((kept == null || kept.contains(object.id())) && byId.get(object.id()) == object && taken.add(object.id())) {
                    objects.add(trimmed(object, kept));
                }
            }
            if (!objects.isEmpty()) {
                selected.add(new CityModel(model.name(), model.referenceSystem(), model.metadata(), model.vertexArray(), model.vertexCount(),
                        objects, model.problems(), model.notes(), model.skippedObjects(), model.textures()));
            }
        }
        if (selected.isEmpty()) {
            throw new SelectionException(box != null && ids != null ? "no object of those ids lies in the area"
                    : box != null ? "no object lies in the area" : "the model holds no objects");
        }
        return selected;
    }

    /** The ids and, through children, every part of them, in that order. */
    private static Set<String> withParts(Collection<String> ids, Map<String, CityObject> byId) {
        Set<String> all = new LinkedHashSet<>();
        Deque<String> open = new ArrayDeque<>(ids);
        while (!open.isEmpty()) {
            String id = open.poll();
            CityObject object = byId.get(id);
            if (object != null && all.add(id)) {
                open.addAll(object.children());
            }
        }
        return all;
    }

    /** [minE, minN, maxE, maxN] of the objects' geometry, every level of detail; null where they have none. */
    private static double[] planExtent(Set<String> ids, Map<String, CityObject> byId, Map<String, CityModel> modelOf) {
        double[] plan = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (String id : ids) {
            CityModel model = modelOf.get(id);
            for (Geometry geometry : byId.get(id).geometries()) {
                for (int position = 0; position < geometry.vertexIndexCount(); position++) {
                    int vertex = geometry.vertexIndex(position);
                    plan[0] = Math.min(plan[0], model.x(vertex));
                    plan[1] = Math.min(plan[1], model.y(vertex));
                    plan[2] = Math.max(plan[2], model.x(vertex));
                    plan[3] = Math.max(plan[3], model.y(vertex));
                }
            }
        }
        return plan[0] <= plan[2] ? plan : null;
    }

    /** The object with its links to objects left out dropped. */
    private static CityObject trimmed(CityObject object, Set<String> kept) {
        if (kept == null) {
            return object;
        }
        List<String> parents = object.parents().stream().filter(kept::contains).toList();
        List<String> children = object.children().stream().filter(kept::contains).toList();
        if (parents.size() == object.parents().size() && children.size() == object.children().size()) {
            return object;
        }
        return new CityObject(object.id(), object.type(), object.attributes(), parents, children, object.geometries());
    }
}
