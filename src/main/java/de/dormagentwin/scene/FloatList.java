package de.dormagentwin.scene;

import java.util.Arrays;

/** A growable float array for mesh points, normals and texture coordinates. */
final class FloatList {
    private float[] values;
    private int size;

    FloatList(int capacity) {
        values = new float[Math.max(4, capacity)];
    }

    void add(float a, float b, float c) {
        if (size + 3 > values.length) {
            values = Arrays.copyOf(values, Math.max(size + 3, size * 2));
        }
        values[size++] = a;
        values[size++] = b;
        values[size++] = c;
    }

    void add(float a, float b) {
        if (size + 2 > values.length) {
            values = Arrays.copyOf(values, Math.max(size + 2, size * 2));
        }
        values[size++] = a;
        values[size++] = b;
    }

    int size() {
        return size;
    }

    float[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
