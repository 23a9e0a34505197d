package io.threadstage.model;

/**
 * One thing wrong with a scenario: where (a JSON path such as {@code $.workers[1].steps[0]})
 * and what, worded as the loader words it.
 */
public record Problem(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
