package de.dormagentwin.model.primitive;

import java.util.Arrays;

/** A growable float array for mesh points, normals and texture coordinates. */
public final class FloatList {
    private float[] values;
    private int size;

    public FloatList(int capacity) {
        values = new float[Math.max(4, capacity)];
    }

    public void add(float a, float b, float c) {
        if (size + 3 > values.length) {
            values = Arrays.copyOf(values, Math.max(size + 3, size * 2));
        }
        values[size++] = a;
        values[size++] = b;
        values[size++] = c;
    }

    public void add(float a, float b) {
        if (size + 2 > values.length) {
            values = Arrays.copyOf(values, Math.max(size + 2, size * 2));
        }
        values[size++] = a;
        values[size++] = b;
    }

    public int size() {
        return size;
    }

    public float[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
