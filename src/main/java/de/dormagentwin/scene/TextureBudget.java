package de.dormagentwin.scene;

/**
 * The memory all texture atlases of one city may take together, shared by the tiles as they are meshed: a folder of
 * textured tiles gets sharp textures for its first tiles and ever smaller ones, down to one colour per image, once
 * the budget is spent (see docs/decisions/0016-texture-atlases-per-tile.md). Safe to share between threads.
 */
public final class TextureBudget {
    /** 128 MiB of 32-bit pixels: eight full 2048 x 2048 atlases, or 128 tiles whose textures fit 512 x 512. */
    public static final long DEFAULT_BYTES = 128L << 20;

    private final long bytes;
    private long pixelsLeft;

    public TextureBudget(long bytes) {
        this.bytes = Math.max(0, bytes);
        this.pixelsLeft = this.bytes / 4;
    }

    /** The whole budget, in bytes. */
    public long bytes() {
        return bytes;
    }

    /** A budget of {@link #DEFAULT_BYTES}. */
    public static TextureBudget standard() {
        return new TextureBudget(DEFAULT_BYTES);
    }

    /** How many pixels are left. */
    public synchronized long pixelsLeft() {
        return pixelsLeft;
    }

    /** Takes up to {@code pixels}; returns how many it took. */
    synchronized long take(long pixels) {
        long taken = Math.min(pixels, pixelsLeft);
        pixelsLeft -= taken;
        return taken;
    }
}
