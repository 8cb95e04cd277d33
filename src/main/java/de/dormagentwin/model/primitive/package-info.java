/**
 * Growable arrays of primitives. Loader and mesh builder hold millions of coordinates and indices; boxed
 * collections would cost several times the memory.
 */
package de.dormagentwin.model.primitive;
