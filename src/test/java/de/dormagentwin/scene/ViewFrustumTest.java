package de.dormagentwin.scene;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The view of an orbit camera as plain arithmetic: scene x east, y down, z north. */
class ViewFrustumTest {
    private static final double FOV = 40;

    private static ViewFrustum frustum(OrbitCamera.View view) {
        return new ViewFrustum(view, FOV, 800, 800, 1, 10_000);
    }

    /** A cube of edge {@code 2 * half} around a point. */
    private static double[] box(double x, double y, double z, double half) {
        return new double[]{x - half, y - half, z - half, x + half, y + half, z + half};
    }

    @Test
    void atPitchNinetyTheEyeLooksStraightDownFromAbove() {
        // OrbitCamera stops at 89.9 degrees; the frustum takes the pose as it is given.
        double[] eye = frustum(new OrbitCamera.View(10, -3, 20, 37, 90, 500)).eye();
        assertArrayEquals(new double[]{10, -503, 20}, eye, 1e-9);
    }

    @Test
    void atYawAndPitchZeroTheEyeStandsSouthOfTheTarget() {
        double[] eye = frustum(new OrbitCamera.View(10, -3, 20, 0, 0, 100)).eye();
        assertArrayEquals(new double[]{10, -3, -80}, eye, 1e-9);
    }

    @Test
    void pitchRaisesTheEyeAlongTheArcAboveTheTarget() {
        double[] eye = frustum(new OrbitCamera.View(0, 0, 0, 0, 30, 100)).eye();
        assertArrayEquals(new double[]{0, -50, -100 * Math.cos(Math.toRadians(30))}, eye, 1e-9);
    }

    @Test
    void eyeStaysAtItsDistanceFromTheTargetWhateverTheYaw() {
        for (double yaw = -180; yaw <= 360; yaw += 15) {
            double[] eye = frustum(new OrbitCamera.View(100, 0, -50, yaw, 25, 300)).eye();
            assertEquals(300, Math.sqrt((eye[0] - 100) * (eye[0] - 100) + eye[1] * eye[1] + (eye[2] + 50) * (eye[2] + 50)), 1e-9, "yaw " + yaw);
            assertEquals(-300 * Math.sin(Math.toRadians(25)), eye[1], 1e-9, "yaw turns about the vertical, not the height");
        }
    }

    @Test
    void boxAtTheTargetIsInView() {
        for (double yaw = 0; yaw < 360; yaw += 45) {
            for (double pitch : new double[]{0, 20, 45, 89.9, 90}) {
                ViewFrustum view = frustum(new OrbitCamera.View(500, -10, 300, yaw, pitch, 800));
                assertTrue(view.intersects(box(500, -10, 300, 1)), "yaw " + yaw + ", pitch " + pitch);
            }
        }
    }

    @Test
    void boxOnTheLineFromTheEyeThroughTheTargetIsInViewBeyondTheTargetAndNotBehindTheEye() {
        for (double yaw = -170; yaw < 360; yaw += 25) {
            for (double pitch : new double[]{0, 10, 45, 80}) {
                ViewFrustum view = frustum(new OrbitCamera.View(200, -20, -100, yaw, pitch, 400));
                double[] eye = view.eye();
                double[] ahead = {(200 - eye[0]) / 400, (-20 - eye[1]) / 400, (-100 - eye[2]) / 400};
                String pose = "yaw " + yaw + ", pitch " + pitch;
                assertTrue(view.intersects(box(eye[0] + ahead[0] * 900, eye[1] + ahead[1] * 900, eye[2] + ahead[2] * 900, 1)), "beyond the target, " + pose);
                assertTrue(view.intersects(box(eye[0] + ahead[0] * 100, eye[1] + ahead[1] * 100, eye[2] + ahead[2] * 100, 1)), "before the target, " + pose);
                assertFalse(view.intersects(box(eye[0] - ahead[0] * 100, eye[1] - ahead[1] * 100, eye[2] - ahead[2] * 100, 1)), "behind the eye, " + pose);
            }
        }
    }

    @Test
    void boxBehindTheCameraIsNotInView() {
        ViewFrustum view = frustum(new OrbitCamera.View(0, 0, 0, 0, 0, 100));
        assertFalse(view.intersects(box(0, 0, -300, 5)), "200 m behind the eye");
        ViewFrustum down = frustum(new OrbitCamera.View(0, 0, 0, 0, 90, 100));
        assertFalse(down.intersects(box(0, -400, 0, 5)), "300 m above an eye that looks down");
    }

    @Test
    void boxBetweenTheEyeAndTheNearPlaneIsNotInView() {
        ViewFrustum view = frustum(new OrbitCamera.View(0, 0, 0, 0, 0, 100));
        assertFalse(view.intersects(box(0, 0, -99.6, 0.1)), "0.3 to 0.5 m in front of the eye, the near plane at 1 m");
    }

    @Test
    void boxBeyondTheFarPlaneIsNotInView() {
        ViewFrustum view = frustum(new OrbitCamera.View(0, 0, 0, 0, 0, 100));
        assertFalse(view.intersects(box(0, 0, 12_000, 10)), "11.9 km ahead, the far plane at 10 km");
        assertTrue(view.intersects(box(0, 0, 9_000, 10)), "8.9 km ahead");
    }

    @Test
    void boxFarToEitherSideOrAboveOrBelowIsNotInView() {
        ViewFrustum view = frustum(new OrbitCamera.View(0, 0, 0, 0, 0, 100));
        // 100 m ahead of the eye the view reaches tan(20 degrees) * 100 = 36 m to each side.
        assertFalse(view.intersects(box(1000, 0, 0, 5)), "far to the right");
        assertFalse(view.intersects(box(-1000, 0, 0, 5)), "far to the left");
        assertFalse(view.intersects(box(0, 60, 0, 5)), "below");
        assertFalse(view.intersects(box(0, -60, 0, 5)), "above");
        assertTrue(view.intersects(box(30, 0, 0, 5)), "just inside on the right");
    }

    @Test
    void yawTurnsWhatIsToTheSide() {
        // Turned by 90 degrees the eye stands west of the target and looks east, along +x.
        ViewFrustum view = frustum(new OrbitCamera.View(0, 0, 0, 90, 0, 100));
        assertArrayEquals(new double[]{-100, 0, 0}, view.eye(), 1e-9);
        assertTrue(view.intersects(box(500, 0, 0, 5)), "500 m east, straight ahead");
        assertFalse(view.intersects(box(0, 0, 500, 5)), "500 m north, beside the eye");
        assertFalse(view.intersects(box(-500, 0, 0, 5)), "behind");
    }

    @Test
    void wideViewReachesFurtherToTheSideThanHigh() {
        OrbitCamera.View pose = new OrbitCamera.View(0, 0, 0, 0, 0, 100);
        ViewFrustum wide = new ViewFrustum(pose, FOV, 1600, 400, 1, 10_000);
        ViewFrustum square = new ViewFrustum(pose, FOV, 400, 400, 1, 10_000);
        // 100 m ahead: the wide view reaches 4 * 36 = 146 m to the side, the square one 36 m; both 36 m up and down.
        assertTrue(wide.intersects(box(100, 0, 0, 5)));
        assertFalse(square.intersects(box(100, 0, 0, 5)));
        assertFalse(wide.intersects(box(0, 60, 0, 5)), "the field of view is vertical: width does not widen it up and down");
    }

    @Test
    void boxAroundTheEyeIsInView() {
        ViewFrustum view = frustum(new OrbitCamera.View(0, 0, 0, 30, 45, 1000));
        double[] eye = view.eye();
        assertTrue(view.intersects(box(eye[0], eye[1], eye[2], 50_000)));
    }

    @Test
    void boxReachingAcrossTheWholeViewIsInView() {
        // A wall 2 km wide ahead of the eye: its corners lie beyond the left and the right plane, none inside.
        ViewFrustum view = frustum(new OrbitCamera.View(0, 0, 0, 0, 0, 100));
        assertTrue(view.intersects(new double[]{-1000, -1, 0, 1000, 1, 1}));
    }

    @Test
    void distanceToABoxIsZeroInsideAndTheGapOutside() {
        ViewFrustum view = frustum(new OrbitCamera.View(0, 0, 0, 0, 0, 100));
        // The eye stands at (0, 0, -100).
        assertEquals(0, view.distanceTo(box(0, 0, -100, 1)), 0);
        assertEquals(0, view.distanceTo(new double[]{0, -5, -110, 3, 5, -90}), 0, "the eye on the box's face");
        assertEquals(5, view.distanceTo(new double[]{3, 4, -105, 5, 6, -95}), 1e-9, "3 m east and 4 m down");
        assertEquals(Math.sqrt(4 + 9 + 36), view.distanceTo(new double[]{-10, -8, -94, -2, -3, -80}), 1e-9);
        assertEquals(100, view.distanceTo(new double[]{-1, -1, -300, 1, 1, -200}), 1e-9, "behind the eye");
    }

    @Test
    void pixelsAreTheFocalLengthTimesMetresOverDistance() {
        ViewFrustum view = new ViewFrustum(new OrbitCamera.View(0, 0, 0, 0, 45, 100), FOV, 1200, 800, 1, 10_000);
        double focal = 400 / Math.tan(Math.toRadians(20));
        assertEquals(focal * 10 / 2747, view.pixels(10, 2747), 1e-9);
        assertEquals(4, view.pixels(10, focal * 10 / 4), 1e-9, "the distance where a 10 m roof covers 4 pixels");
        assertEquals(2 * view.pixels(3, 1000), view.pixels(3, 500), 1e-9);
        ViewFrustum wider = new ViewFrustum(new OrbitCamera.View(0, 0, 0, 0, 45, 100), FOV, 2400, 800, 1, 10_000);
        assertEquals(view.pixels(10, 1000), wider.pixels(10, 1000), 1e-9, "a wider window shows more, not larger");
    }
}
