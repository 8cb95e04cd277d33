package de.dormagentwin.scene;

import java.util.Arrays;

/** A growable int array for faces and face-to-object maps. */
final class IntBuffer {
    private int[] values;
    private int size;

    IntBuffer(int capacity) {
        values = new int[Math.max(4, capacity)];
    }

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int get(int index) {
        return values[index];
    }

    int size() {
        return size;
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
