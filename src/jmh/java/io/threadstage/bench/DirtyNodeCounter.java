package io.threadstage.bench;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Counts, pulse by pulse, the nodes a scene sends to the renderer (after CSS and layout, before
 * the sync): which parts of the window are drawn again, how often, and why (JavaFX's dirty bits).
 * It reads JavaFX's private lists by reflection, so it is for the bench only, and says so when a
 * JavaFX release moved them. FX thread.
 */
final class DirtyNodeCounter {

    private final Scene scene;
    private final Map<String, Integer> counts = new HashMap<>();
    /** Pulse by pulse, from {@link #startLog}: the nodes sent, largest first. */
    private final java.util.List<java.util.List<String>> log = new java.util.ArrayList<>();
    private boolean logging;
    private String unreadable;

    private DirtyNodeCounter(Scene scene) {
        this.scene = scene;
    }

    static DirtyNodeCounter on(Scene scene) {
        DirtyNodeCounter counter = new DirtyNodeCounter(scene);
        scene.addPostLayoutPulseListener(counter::count);
        return counter;
    }

    /** Prints the nodes sent most often; the log stops here, so another thread may read it after. */
    Void print(int top) {
        logging = false;
        if (unreadable != null) {
            System.out.println("frames: dirty nodes unreadable: " + unreadable);
        }
        counts.entrySet().stream().sorted((a, b) -> Integer.compare(b.getValue(), a.getValue())).limit(top)
                .forEach(e -> System.out.printf("frames: dirty in %4d pulses: %s%n", e.getValue(), e.getKey()));
        return null;
    }

    /** From the next pulse on, keeps each pulse's nodes, for {@link #pulse}. */
    void startLog() {
        logging = true;
        log.clear();
    }

    /** The nodes sent in the {@code index}th pulse since {@link #startLog}, largest first (at most {@code top}). */
    java.util.List<String> pulse(int index, int top) {
        return index < log.size() ? log.get(index).subList(0, Math.min(top, log.get(index).size())) : java.util.List.of();
    }

    private void count() {
        java.util.List<double[]> areas = new java.util.ArrayList<>();
        java.util.List<String> names = new java.util.ArrayList<>();
        try {
            Field nodes = Scene.class.getDeclaredField("dirtyNodes");
            Field size = Scene.class.getDeclaredField("dirtyNodesSize");
            Field bits = Node.class.getDeclaredField("dirtyBits");
            nodes.setAccessible(true);
            size.setAccessible(true);
            bits.setAccessible(true);
            Node[] dirty = (Node[]) nodes.get(scene);
            int count = size.getInt(scene);
            for (int i = 0; i < count && dirty != null; i++) {
                Node node = dirty[i];
                if (node != null && node.isVisible()) {
                    Bounds b = node.localToScene(node.getBoundsInLocal());
                    String name = String.format("%.0fx%.0f at %.0f,%.0f %s %s", b.getWidth(), b.getHeight(), b.getMinX(),
                            b.getMinY(), bits.get(node), path(node));
                    counts.merge(name, 1, Integer::sum);
                    areas.add(new double[] {b.getWidth() * b.getHeight(), names.size()});
                    names.add(name);
                }
            }
            if (logging) {
                areas.sort((a, c) -> Double.compare(c[0], a[0]));
                java.util.List<String> sorted = new java.util.ArrayList<>();
                for (double[] area : areas) {
                    sorted.add(names.get((int) area[1]));
                }
                log.add(sorted);
            }
        } catch (ReflectiveOperationException | ClassCastException e) {
            unreadable = e.toString();
        }
    }

    /** The node and its parents, each by id or its last style class. */
    private static String path(Node node) {
        StringBuilder path = new StringBuilder();
        for (Node p = node; p != null && path.length() < 160; p = p.getParent()) {
            path.append(p.getClass().getSimpleName());
            if (p.getId() != null) {
                path.append('#').append(p.getId());
            } else if (!p.getStyleClass().isEmpty()) {
                path.append('.').append(p.getStyleClass().get(p.getStyleClass().size() - 1));
            }
            path.append(" < ");
        }
        return path.toString();
    }
}
