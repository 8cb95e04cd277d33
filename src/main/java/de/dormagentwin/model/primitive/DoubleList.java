package de.dormagentwin.model.primitive;

import java.util.Arrays;

/** A growable double array for vertex coordinates. */
public final class DoubleList {
    private double[] values;
    private int size;

    public DoubleList(int capacity) {
        values = new double[Math.max(4, capacity)];
    }

    public void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size + (size >> 1) + 16);
        }
        values[size++] = value;
    }

    public double get(int index) {
        return values[index];
    }

    public void set(int index, double value) {
        values[index] = value;
    }

    public int size() {
        return size;
    }

    /** The backing array, possibly longer than {@link #size()}; saves a copy of a large vertex array. */
    public double[] array() {
        return values;
    }
}
