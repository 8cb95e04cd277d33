package de.dormagentwin.scene;

/**
 * What an {@link OrbitCamera} sees: its eye and the pyramid between its near and far planes, in scene
 * coordinates. Plain arithmetic on the camera's pose, so that the tiles outside it can be left out of a frame.
 *
 * <p>The camera's transforms are translate(target), rotate yaw about y, rotate -pitch about x, translate
 * (0, 0, -distance), and it looks along its own +z with y down; a scene point is brought into the camera's frame by
 * the inverse of these.
 */
public final class ViewFrustum {
    private final double targetX;
    private final double targetY;
    private final double targetZ;
    private final double cosYaw;
    private final double sinYaw;
    private final double cosPitch;
    private final double sinPitch;
    private final double distance;
    private final double tanHalfHeight;
    private final double tanHalfWidth;
    private final double near;
    private final double far;
    private final double focalPixels;
    private final double[] eye;

    /**
     * @param view               the camera's pose
     * @param verticalFovDegrees the camera's vertical field of view
     * @param widthPixels        the view's width on screen
     * @param heightPixels       the view's height on screen
     */
    public ViewFrustum(OrbitCamera.View view, double verticalFovDegrees, double widthPixels, double heightPixels, double near, double far) {
        double aspect = widthPixels / Math.max(1, heightPixels);
        targetX = view.targetX();
        targetY = view.targetY();
        targetZ = view.targetZ();
        double yaw = Math.toRadians(view.yawDegrees());
        double pitch = Math.toRadians(view.pitchDegrees());
        cosYaw = Math.cos(yaw);
        sinYaw = Math.sin(yaw);
        cosPitch = Math.cos(pitch);
        sinPitch = Math.sin(pitch);
        distance = view.distance();
        tanHalfHeight = Math.tan(Math.toRadians(verticalFovDegrees / 2));
        tanHalfWidth = tanHalfHeight * aspect;
        this.near = near;
        this.far = far;
        focalPixels = Math.max(1, heightPixels) / 2 / tanHalfHeight;
        // The eye: (0, 0, -distance) rotated by -pitch about x, then by yaw about y, then moved to the target.
        double y = -distance * sinPitch;
        double z = -distance * cosPitch;
        eye = new double[]{targetX + z * sinYaw, targetY + y, targetZ + z * cosYaw};
    }

    /** Where the camera is, in scene coordinates. */
    public double[] eye() {
        return eye.clone();
    }

    /** A scene point in the camera's frame: x right, y down, z along the view (depth). */
    double[] toCamera(double x, double y, double z) {
        double dx = x - targetX;
        double dy = y - targetY;
        double dz = z - targetZ;
        // Undo the yaw: rotate by -yaw about y.
        double x1 = cosYaw * dx - sinYaw * dz;
        double z1 = sinYaw * dx + cosYaw * dz;
        // Undo the pitch: rotate by +pitch about x.
        double y2 = cosPitch * dy - sinPitch * z1;
        double z2 = sinPitch * dy + cosPitch * z1;
        return new double[]{x1, y2, z2 + distance};
    }

    /**
     * Whether any of a box (min x, y, z, max x, y, z in scene coordinates) may be in view: false only when all its
     * corners lie outside one of the frustum's planes. Conservative, as culling must be: a box that only grazes
     * the view's corner counts as in view.
     */
    public boolean intersects(double[] box) {
        int left = 0;
        int right = 0;
        int up = 0;
        int down = 0;
        int behind = 0;
        int beyond = 0;
        for (int corner = 0; corner < 8; corner++) {
            double[] p = toCamera(box[(corner & 1) == 0 ? 0 : 3], box[(corner & 2) == 0 ? 1 : 4], box[(corner & 4) == 0 ? 2 : 5]);
            double halfWidth = p[2] * tanHalfWidth;
            double halfHeight = p[2] * tanHalfHeight;
            left += p[0] < -halfWidth ? 1 : 0;
            right += p[0] > halfWidth ? 1 : 0;
            up += p[1] < -halfHeight ? 1 : 0;
            down += p[1] > halfHeight ? 1 : 0;
            behind += p[2] < near ? 1 : 0;
            beyond += p[2] > far ? 1 : 0;
        }
        return left < 8 && right < 8 && up < 8 && down < 8 && behind < 8 && beyond < 8;
    }

    /** How many pixels something of {@code metres} covers at {@code distance} from the eye, facing it. */
    public double pixels(double metres, double distance) {
        return metres * focalPixels / Math.max(distance, 1e-9);
    }

    /** The distance from the eye to the nearest point of a box, 0 when the eye is inside it. */
    public double distanceTo(double[] box) {
        double sum = 0;
        for (int axis = 0; axis < 3; axis++) {
            double outside = Math.max(0, Math.max(box[axis] - eye[axis], eye[axis] - box[axis + 3]));
            sum += outside * outside;
        }
        return Math.sqrt(sum);
    }
}
