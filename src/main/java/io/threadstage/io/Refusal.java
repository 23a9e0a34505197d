package io.threadstage.io;

/**
 * Why a document is refused, before the file name is put in front: a place (a JSON path or
 * {@code line L, column C}, null for the whole file) and the problem. Unwinds the readers to
 * {@link ScenarioLoader}, which turns it into a {@link ScenarioException}; carries no stack
 * trace since nobody reads one.
 */
final class Refusal extends Exception {

    private final String place;
    private final String problem;

    Refusal(String place, String problem) {
        super(place + ": " + problem, null, false, false);
        this.place = place;
        this.problem = problem;
    }

    String place() {
        return place;
    }

    String problem() {
        return problem;
    }
}
