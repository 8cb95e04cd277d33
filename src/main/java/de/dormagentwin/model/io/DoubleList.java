package de.dormagentwin.model.io;

import java.util.Arrays;

/** A growable double array for vertex coordinates. */
final class DoubleList {
    private double[] values;
    private int size;

    DoubleList(int capacity) {
        values = new double[Math.max(4, capacity)];
    }

    void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size + (size >> 1) + 16);
        }
        values[size++] = value;
    }

    double get(int index) {
        return values[index];
    }

    void set(int index, double value) {
        values[index] = value;
    }

    int size() {
        return size;
    }

    /** The backing array, possibly longer than {@link #size()}; saves a copy of a large vertex array. */
    double[] array() {
        return values;
    }
}
