package de.dormagentwin.ui;

import de.dormagentwin.live.store.Latest;
import de.dormagentwin.overlay.ColorRule;
import de.dormagentwin.overlay.Freshness;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Dimension2D;
import javafx.geometry.Point2D;
import javafx.geometry.Point3D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Value labels over the 3D view: 2D labels placed at their objects' projected positions whenever the camera or the
 * view's size changes, decluttered (a label that would overlap one already placed is left out, the nearer objects
 * first) and capped, so that a district full of sensors stays readable. A label lies wholly inside the view, and
 * out of the rectangles of what stands on it (legend, notes, captions, buttons: see {@link #keepClearOf}), so that
 * no value is drawn over a control or hidden under a caption.
 */
public final class ValueLabels extends Pane {
    /** At most this many labels at once. */
    public static final int CAP = 40;

    private record Target(Point3D anchor, String text, boolean stale) {
    }

    private static final String FRESH_STYLE = "-fx-background-color: rgba(255,255,255,0.85); -fx-background-radius: 4; -fx-padding: 0.0833em 0.4167em; -fx-font-size: 1em;";
    private static final String STALE_STYLE = FRESH_STYLE + " -fx-text-fill: #6a6a6a; -fx-font-style: italic;";


    private final Node world;
    private final Node camera;
    private final List<Label> pool = new ArrayList<>();
    private final List<Node> obstacles = new ArrayList<>();
    private final Rectangle clip = new Rectangle();
    /** Label sizes by style and text; cleared when it holds this many, as values come and go. */
    private final Map<String, Dimension2D> sizes = new HashMap<>();
    private static final int SIZES_KEPT = 4096;
    private List<Target> targets = List.of();
    private Texts texts = new Texts(Texts.ENGLISH);

    /**
     * @param world  a node of the 3D world in city coordinates, whose transform to the screen the labels follow
     * @param camera the camera, to put the nearest objects' labels first
     */
    public ValueLabels(Node world, Node camera) {
        this.world = world;
        this.camera = camera;
        setMouseTransparent(true);
        setPickOnBounds(false);
        // The labels are unmanaged and placed by hand: the clip is what keeps a label's edge from ever leaving the view.
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        // Driven by the camera rather than a timer: a timer registered with the toolkit would keep every viewport
        // ever made alive (benchmarks and tests make many).
        camera.localToSceneTransformProperty().addListener((property, before, after) -> place());
        widthProperty().addListener((property, before, after) -> place());
        heightProperty().addListener((property, before, after) -> place());
    }

    /**
     * The values to label: the active rule's value at each place that has one, just above the place's marker
     * ({@code markerTop} gives its scene position, or null where there is none). A value that is stale at {@code now}
     * is greyed and says since when it is the last. FX thread.
     */
    public void update(Map<String, List<Latest>> valuesByPlace, ColorRule rule, Function<String, double[]> markerTop, Instant now) {
        List<Target> next = new ArrayList<>();
        if (rule != null) {
            for (Map.Entry<String, List<Latest>> entry : valuesByPlace.entrySet()) {
                double[] top = markerTop.apply(entry.getKey());
                if (top == null) {
                    continue;
                }
                for (Latest value : entry.getValue()) {
                    if (value.datastream().observedProperty().equals(rule.observedProperty()) && value.hasValue() && !Double.isNaN(value.number())) {
                        // A few metres over the marker (y points down).
                        Point3D anchor = new Point3D(top[0], top[1] - 6, top[2]);
                        String text = (texts.number(value.number(), 0) + " " + texts.unit(value.datastream().unitSymbol())).trim();
                        boolean stale = Freshness.isStale(value, now);
                        next.add(new Target(anchor, stale ? texts.get("label.since", text, since(value.time())) : text, stale));
                    }
                }
            }
        }
        targets = next;
        place();
    }

    /**
     * Nodes over the view that labels keep clear of, wherever they are and while they are visible: the legend, the
     * notes, a caption, a button bar's buttons. Labels move when one of them moves, grows or shows.
     */
    public void keepClearOf(Node... nodes) {
        for (Node node : nodes) {
            obstacles.add(node);
            node.boundsInParentProperty().addListener((property, before, after) -> place());
            node.visibleProperty().addListener((property, before, after) -> place());
        }
        place();
    }

    /** The rectangles of the visible obstacles, in this pane's coordinates. */
    private List<Bounds> obstacleBounds() {
        List<Bounds> taken = new ArrayList<>();
        for (Node node : obstacles) {
            if (node.getScene() != null && node.getScene() == getScene() && shown(node)) {
                Bounds bounds = sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                if (bounds != null && !bounds.isEmpty()) {
                    taken.add(bounds);
                }
            }
        }
        return taken;
    }

    private static boolean shown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** The language of the labels from the next {@link #update} on. */
    public void setTexts(Texts texts) {
        this.texts = texts;
    }

    private String since(Instant time) {
        return texts.dateTime(time);
    }

    /** Projects every target, nearest to the camera first, and shows those that fit without overlapping. */
    private void place() {
        List<Placed> candidates = new ArrayList<>();
        Point3D eye = camera.localToScene(Point3D.ZERO);
        for (Target target : targets) {
            Point3D onScreen = world.localToScene(target.anchor(), true);
            if (onScreen == null || Double.isNaN(onScreen.getX())) {
                continue;
            }
            Point2D local = sceneToLocal(onScreen.getX(), onScreen.getY());
            if (local == null || local.getX() < 0 || local.getY() < 0 || local.getX() > getWidth() || local.getY() > getHeight()) {
                continue;
            }
            candidates.add(new Placed(target, local, world.localToScene(target.anchor()).distance(eye)));
        }
        candidates.sort(Comparator.comparingDouble(Placed::depth));
        List<Bounds> taken = obstacleBounds();
        int shown = 0;
        for (Placed candidate : candidates) {
            if (shown == CAP) {
                break;
            }
            Label label = label(shown);
            Dimension2D size = sizeOf(candidate.target(), label);
            Bounds box = new BoundingBox(candidate.at().getX() - size.getWidth() / 2, candidate.at().getY() - 2 - size.getHeight(),
                    size.getWidth(), size.getHeight());
            boolean inside = box.getMinX() >= 0 && box.getMinY() >= 0 && box.getMaxX() <= getWidth() && box.getMaxY() <= getHeight();
            if (!inside || taken.stream().anyMatch(other -> other.intersects(box))) {
                continue;
            }
            taken.add(box);
            shown++;
            show(label, candidate.target());
            label.relocate(box.getMinX(), box.getMinY());
            label.setVisible(true);
        }
        for (int i = shown; i < pool.size(); i++) {
            pool.get(i).setVisible(false);
        }
    }

    private record Placed(Target target, Point2D at, double depth) {
    }

    /**
     * A label's real size, not an estimate from its text, so that no edge reaches under a button; measured once per
     * text, since the camera moves the labels many times a second and their texts change only with the values.
     */
    private Dimension2D sizeOf(Target target, Label measure) {
        String key = (target.stale() ? "s" : "f") + target.text();
        Dimension2D size = sizes.get(key);
        if (size == null) {
            show(measure, target);
            size = new Dimension2D(measure.getWidth(), measure.getHeight());
            if (sizes.size() >= SIZES_KEPT) {
                sizes.clear();
            }
            sizes.put(key, size);
        }
        return size;
    }

    private static void show(Label label, Target target) {
        String style = target.stale() ? STALE_STYLE : FRESH_STYLE;
        boolean restyled = !style.equals(label.getStyle());
        label.setText(target.text());
        label.setStyle(style);
        // A label is sized by its skin and font, which CSS gives it: a new label would otherwise measure 0 x 0 and,
        // unmanaged, stay that size and show nothing until the next update, and a restyled one would be measured
        // in its old font until the next pulse.
        if (label.getSkin() == null || restyled) {
            label.applyCss();
        }
        label.autosize();
    }

    private Label label(int index) {
        while (pool.size() <= index) {
            Label label = new Label();
            label.setManaged(false);
            pool.add(label);
            getChildren().add(label);
        }
        return pool.get(index);
    }

    /** The view's text size changed: every label is measured again in the new font. FX thread. */
    void remeasure() {
        sizes.clear();
        pool.forEach(Label::applyCss);
        place();
    }

    /** How many labels are on screen now. */
    public int shown() {
        return (int) pool.stream().filter(Node::isVisible).count();
    }
}
