package de.dormagentwin.scene;

import javafx.animation.AnimationTimer;
import javafx.scene.PerspectiveCamera;
import javafx.scene.transform.Rotate;
import javafx.scene.transform.Translate;

import java.util.ArrayList;
import java.util.List;

/**
 * A camera that orbits a target point: yaw turns around the vertical, pitch tilts down towards the ground,
 * distance zooms. Pan moves the target over the ground plane. Angles in degrees, distances in metres.
 */
public final class OrbitCamera {
    private static final double MINIMUM_DISTANCE = 5;
    private static final double MAXIMUM_DISTANCE = 60_000;

    private final PerspectiveCamera camera = new PerspectiveCamera(true);
    private final Translate target = new Translate();
    private final Rotate yawRotation = new Rotate(0, Rotate.Y_AXIS);
    private final Rotate pitchRotation = new Rotate(0, Rotate.X_AXIS);
    private final Translate back = new Translate();
    private AnimationTimer flight;
    private final List<Runnable> listeners = new ArrayList<>();

    /** A camera pose: target in scene coordinates, yaw and pitch in degrees, distance in metres. */
    public record View(double targetX, double targetY, double targetZ, double yawDegrees, double pitchDegrees,
                       double distance) {
    }

    public OrbitCamera() {
        camera.getTransforms().addAll(target, yawRotation, pitchRotation, back);
        camera.setFieldOfView(40);
        set(new View(0, 0, 0, 0, 45, 1000));
    }

    public PerspectiveCamera camera() {
        return camera;
    }

    public View view() {
        return new View(target.getX(), target.getY(), target.getZ(), yawRotation.getAngle(), -pitchRotation.getAngle(), -back.getZ());
    }

    public void set(View view) {
        target.setX(view.targetX());
        target.setY(view.targetY());
        target.setZ(view.targetZ());
        yawRotation.setAngle(view.yawDegrees());
        pitchRotation.setAngle(-Math.max(5, Math.min(89.9, view.pitchDegrees())));
        double distance = Math.max(MINIMUM_DISTANCE, Math.min(MAXIMUM_DISTANCE, view.distance()));
        back.setZ(-distance);
        // A near plane in proportion to the distance keeps the 24-bit depth buffer fine enough that roads do not
        // flicker through the ground at city scale.
        camera.setNearClip(Math.max(0.5, distance / 300));
        camera.setFarClip(Math.max(100_000, distance * 30));
        listeners.forEach(Runnable::run);
    }

    /** Runs {@code listener} after every change of the pose, on the FX thread. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void orbit(double deltaYawDegrees, double deltaPitchDegrees) {
        stopFlight();
        View v = view();
        set(new View(v.targetX(), v.targetY(), v.targetZ(), v.yawDegrees() + deltaYawDegrees,
                v.pitchDegrees() + deltaPitchDegrees, v.distance()));
    }

    /** Zooms by a factor: below 1 comes closer. */
    public void zoom(double factor) {
        stopFlight();
        View v = view();
        set(new View(v.targetX(), v.targetY(), v.targetZ(), v.yawDegrees(), v.pitchDegrees(), v.distance() * factor));
    }

    /** Moves the target over the ground by a screen-space drag, scaled so the ground follows the pointer. */
    public void pan(double deltaScreenX, double deltaScreenY, double viewportHeight) {
        stopFlight();
        View v = view();
        double metresPerPixel = 2 * v.distance() * Math.tan(Math.toRadians(camera.getFieldOfView() / 2)) / Math.max(1, viewportHeight);
        double yaw = Math.toRadians(v.yawDegrees());
        double right = -deltaScreenX * metresPerPixel;
        double forward = deltaScreenY * metresPerPixel / Math.max(0.3, Math.sin(Math.toRadians(v.pitchDegrees())));
        double dx = right * Math.cos(yaw) + forward * Math.sin(yaw);
        double dz = -right * Math.sin(yaw) + forward * Math.cos(yaw);
        set(new View(v.targetX() + dx, v.targetY(), v.targetZ() + dz, v.yawDegrees(), v.pitchDegrees(), v.distance()));
    }

    /** Flies smoothly to a view; any orbit, pan or zoom stops the flight. */
    public void flyTo(View destination, double seconds) {
        stopFlight();
        View start = view();
        long[] startNanos = {-1};
        flight = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (startNanos[0] < 0) {
                    startNanos[0] = now;
                }
                double t = Math.min(1, (now - startNanos[0]) / (seconds * 1e9));
                double s = t * t * (3 - 2 * t);
                double yawDelta = ((destination.yawDegrees() - start.yawDegrees()) % 360 + 540) % 360 - 180;
                set(new View(lerp(start.targetX(), destination.targetX(), s), lerp(start.targetY(), destination.targetY(), s),
                        lerp(start.targetZ(), destination.targetZ(), s), start.yawDegrees() + yawDelta * s,
                        lerp(start.pitchDegrees(), destination.pitchDegrees(), s),
                        Math.exp(lerp(Math.log(start.distance()), Math.log(destination.distance()), s))));
                if (t >= 1) {
                    stop();
                }
            }
        };
        flight.start();
    }

    private void stopFlight() {
        if (flight != null) {
            flight.stop();
            flight = null;
        }
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }
}
