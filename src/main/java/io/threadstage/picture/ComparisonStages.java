package io.threadstage.picture;

/**
 * The two frames of a comparison, each a whole stage of its own, on one time scale: a stage is
 * built once to learn its plot's width, then both are built again at the scale that fits the
 * longer run ({@link RunComparison#nanosPerColumn}). Owned by one thread, the one that owns the
 * stores (the FX thread in the window, the main thread on the command line).
 */
public final class ComparisonStages {

    private final FrameBuilder builder = new FrameBuilder();
    private final StageFrame upperFrame = new StageFrame();
    private final StageFrame lowerFrame = new StageFrame();
    private final Viewport upperView = new Viewport();
    private final Viewport lowerView = new Viewport();
    private StageLayout upperLayout;
    private StageLayout lowerLayout;

    /** Builds both stages, each {@code width} by {@code stageHeight}. */
    public void build(RunComparison comparison, double width, double stageHeight, boolean presentation) {
        ComparedRun upper = comparison.upper();
        ComparedRun lower = comparison.lower();
        upperView.fit(upper.store().startNanos(), upper.store().endNanos());
        lowerView.fit(lower.store().startNanos(), lower.store().endNanos());
        upperLayout = build(upperFrame, upper, upperView, width, stageHeight, presentation);
        lowerLayout = build(lowerFrame, lower, lowerView, width, stageHeight, presentation);
        double scale = comparison.nanosPerColumn(upperLayout.columns, lowerLayout.columns);
        RunComparison.scale(upperView, upper, scale, upperLayout.columns);
        RunComparison.scale(lowerView, lower, scale, lowerLayout.columns);
        upperLayout = build(upperFrame, upper, upperView, width, stageHeight, presentation);
        lowerLayout = build(lowerFrame, lower, lowerView, width, stageHeight, presentation);
    }

    private StageLayout build(StageFrame frame, ComparedRun run, Viewport view, double width, double height,
                              boolean presentation) {
        return builder.build(frame, run.store(), view, width, height,
                StageOptions.finished(RunComparison.title(run), presentation));
    }

    public StageFrame upperFrame() {
        return upperFrame;
    }

    public StageFrame lowerFrame() {
        return lowerFrame;
    }

    public StageLayout upperLayout() {
        return upperLayout;
    }

    public StageLayout lowerLayout() {
        return lowerLayout;
    }
}
