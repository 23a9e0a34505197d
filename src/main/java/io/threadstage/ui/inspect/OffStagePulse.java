package io.threadstage.ui.inspect;

/**
 * Which pulse a pane beside the stage changes in, when the stage is a moving crowd of lanes that
 * draws every other pulse: a change that falls due in a pulse the stage drew in waits for the
 * next one, once. Drawn in the same pulse, the pane's changed area and the stage's are redrawn by
 * JavaFX as one area around both, every pane under it filled again: twice a frame's time for the
 * renderer. Never twice in a row, so a stage that draws in every pulse (a late machine) does not
 * starve the pane.
 */
final class OffStagePulse {

    private boolean waited;

    /** A change is due in this pulse: whether it waits for the next, the stage having drawn in this one. */
    boolean waitOne(boolean stageDrew) {
        waited = stageDrew && !waited;
        return waited;
    }
}
