package de.dormagentwin.ui;

import de.dormagentwin.scene.Measurement;
import de.dormagentwin.scene.OrbitCamera;
import javafx.geometry.Point3D;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Which area the shadow study counts: the measured points' box, or a square around the view's centre. */
class StudyAreaTest {
    private static final double[] ORIGIN = {350000, 5660000, 40};
    private static final OrbitCamera.View VIEW = new OrbitCamera.View(100, 0, 200, 0, 45, 500);

    @Test
    void threeMeasuredPointsGiveTheirBoxInTheModelsCrs() {
        Measurement measured = Measurement.of(new Point3D(10, 0, 20), new Point3D(60, -5, 20), new Point3D(30, 0, 90));
        assertArrayEquals(new double[] {350010, 5660020, 350060, 5660090}, StudyArea.of(measured, VIEW, ORIGIN), 1e-9);
    }

    @Test
    void pointsInALineStillOutlineACellsWidth() {
        Measurement measured = Measurement.of(new Point3D(10, 0, 20), new Point3D(10, 0, 50), new Point3D(10, 0, 90));
        assertArrayEquals(new double[] {350009, 5660020, 350011, 5660090}, StudyArea.of(measured, VIEW, ORIGIN), 1e-9);
    }

    @Test
    void withoutAMeasuredAreaTheStudyTakesASquareAroundTheViewsCentre() {
        double half = StudyArea.WITHOUT_MEASURE / 2;
        assertArrayEquals(new double[] {350100 - half, 5660200 - half, 350100 + half, 5660200 + half},
                StudyArea.of(Measurement.of(new Point3D(1, 0, 1), new Point3D(2, 0, 2)), VIEW, ORIGIN), 1e-9);
    }
}
