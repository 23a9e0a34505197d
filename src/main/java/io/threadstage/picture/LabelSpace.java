package io.threadstage.picture;

/**
 * The rectangles a frame's labels took, so no label covers another: each asks for its place and
 * gets it only if it keeps two pixels from every label placed before it. A bound on the labels
 * keeps the quadratic test cheap. Cleared for each frame; owned by the thread building it.
 */
final class LabelSpace {

    /** A bound on texts placed beside arrows and in bars per frame. */
    static final int MAX_LABELS = 96;

    private final double[] placed = new double[MAX_LABELS * 4];
    private int labels;

    void clear() {
        labels = 0;
    }

    boolean full() {
        return labels >= MAX_LABELS;
    }

    /** Takes the rectangle if no label placed in this frame comes within two pixels of it. */
    boolean claim(double x, double y, double w, double h) {
        if (full()) {
            return false;
        }
        // newest first: a clash is most often with the label just placed on the same lane
        for (int i = (labels - 1) * 4; i >= 0; i -= 4) {
            // two pixels of air keep neighbours from reading as one plate
            if (x < placed[i] + placed[i + 2] + 2 && placed[i] < x + w + 2 && y < placed[i + 1] + placed[i + 3] + 2
                    && placed[i + 1] < y + h + 2) {
                return false;
            }
        }
        placed[labels * 4] = x;
        placed[labels * 4 + 1] = y;
        placed[labels * 4 + 2] = w;
        placed[labels * 4 + 3] = h;
        labels++;
        return true;
    }
}
