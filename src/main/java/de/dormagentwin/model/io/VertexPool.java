package de.dormagentwin.model.io;

import de.dormagentwin.model.primitive.DoubleList;

import java.util.Arrays;

/**
 * Appends vertices to a model's vertex list, giving a position that recurs within one feature the index it got
 * the first time. GML writes every ring with its own coordinates, so a corner shared by a roof and two walls comes
 * three times; kept once, as CityJSON keeps it, the vertex array of a tile is about a third as large.
 */
final class VertexPool {
    private static final int EMPTY = -1;

    private final DoubleList vertices;
    private int[] slots = new int[256];
    private int used;

    VertexPool(DoubleList vertices) {
        this.vertices = vertices;
        Arrays.fill(slots, EMPTY);
    }

    /** Forgets the positions seen so far: a new feature shares no vertices with the one before. */
    void startFeature() {
        if (used > 0) {
            Arrays.fill(slots, EMPTY);
            used = 0;
        }
    }

    /** The model index of the vertex at x, y, z, appended when this feature has not had it yet. */
    int index(double x, double y, double z) {
        if (2 * (used + 1) > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        int slot = hash(x, y, z) & mask;
        while (slots[slot] != EMPTY) {
            int vertex = slots[slot];
            if (same(vertices.get(vertex * 3), x) && same(vertices.get(vertex * 3 + 1), y) && same(vertices.get(vertex * 3 + 2), z)) {
                return vertex;
            }
            slot = (slot + 1) & mask;
        }
        int vertex = vertices.size() / 3;
        vertices.add(x);
        vertices.add(y);
        vertices.add(z);
        slots[slot] = vertex;
        used++;
        return vertex;
    }

    private void grow() {
        int[] old = slots;
        slots = new int[old.length * 2];
        Arrays.fill(slots, EMPTY);
        int mask = slots.length - 1;
        for (int vertex : old) {
            if (vertex != EMPTY) {
                int slot = hash(vertices.get(vertex * 3), vertices.get(vertex * 3 + 1), vertices.get(vertex * 3 + 2)) & mask;
                while (slots[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = vertex;
            }
        }
    }

    private static boolean same(double a, double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }

    private static int hash(double x, double y, double z) {
        long h = Double.doubleToLongBits(x) * 0x9E3779B97F4A7C15L;
        h = (h ^ Double.doubleToLongBits(y)) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ Double.doubleToLongBits(z)) * 0x165667B19E3779F9L;
        return (int) (h ^ (h >>> 32));
    }
}
