package de.dormagentwin.scene;

import javafx.geometry.Point2D;
import javafx.geometry.Point3D;
import javafx.scene.Node;
import javafx.scene.PerspectiveCamera;
import javafx.scene.SubScene;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.PickResult;
import javafx.scene.transform.Transform;

/**
 * Turns what the pointer is over into a point in the city's coordinates (x east, y down, z north, metres), for
 * measuring: the point of the model or a layer under it, or else the point of the ground plane. Use on the FX thread.
 */
public final class ScenePoints {
    private ScenePoints() {
    }

    /**
     * The point under a mouse event: on the model or a layer if the pick hit one, else on the ground plane; null
     * when the pointer is over the sky.
     */
    public static Point3D under(CityScene scene, MouseEvent event) {
        Point3D picked = picked(scene, event.getPickResult());
        return picked != null ? picked : onGround(scene, event.getScreenX(), event.getScreenY());
    }

    /**
     * The point a pick hit, in the city's coordinates; null when it hit nothing in the 3D view. A pick gives its
     * point in the hit node's own coordinates: a marker or a layer may be moved or scaled, so go up to the view's
     * coordinates and down into the city's.
     */
    public static Point3D picked(CityScene scene, PickResult pick) {
        Node node = pick == null ? null : pick.getIntersectedNode();
        Point3D local = pick == null ? null : pick.getIntersectedPoint();
        if (node == null || local == null || !isInside(node, scene.subScene().getRoot())) {
            return null;
        }
        // Inside a SubScene, localToScene and sceneToLocal work in the SubScene's coordinates, which the 3D view's
        // nodes share.
        return scene.city().node().sceneToLocal(node.localToScene(local));
    }

    private static boolean isInside(Node node, Node root) {
        for (Node step = node; step != null; step = step.getParent()) {
            if (step == root) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the line of sight through a point of the screen meets the ground plane (y = 0, the model's ground
     * height), in the city's coordinates; null when it does not meet it in front of the camera (the sky). The
     * ground drawn under the model is mouse-transparent, so a click on open ground picks nothing and lands here.
     */
    public static Point3D onGround(CityScene scene, double screenX, double screenY) {
        SubScene subScene = scene.subScene();
        Point2D onView = subScene.screenToLocal(screenX, screenY);
        if (onView == null) {
            return null;
        }
        // The ray JavaFX picks along for a camera with its eye at its origin: through the view's pixel, at the
        // distance where the view's height (or width) spans the field of view.
        PerspectiveCamera camera = scene.camera().camera();
        double width = subScene.getWidth();
        double height = subScene.getHeight();
        double span = camera.isVerticalFieldOfView() ? height : width;
        double depth = span / 2 / Math.tan(Math.toRadians(camera.getFieldOfView() / 2));
        // The camera stands outside the scene graph, so its local-to-scene transform is its own pose in the view's
        // coordinates.
        Transform pose = camera.getLocalToSceneTransform();
        Node city = scene.city().node();
        Point3D eye = city.sceneToLocal(pose.transform(Point3D.ZERO));
        Point3D through = city.sceneToLocal(pose.transform(onView.getX() - width / 2, onView.getY() - height / 2, depth));
        Point3D direction = through.subtract(eye);
        if (direction.getY() * -eye.getY() <= 0) {
            return null;
        }
        double along = -eye.getY() / direction.getY();
        return eye.add(direction.multiply(along));
    }
}
