package io.threadstage.model;

import java.util.List;

/**
 * PLACEHOLDER: the semantic rules of the scenario format checked on the model itself (names,
 * references, kinds, ranges), shared by the loader and the editor. Stateless; any thread.
 */
public final class Validator {

    /** Every problem, in document order; empty when the scenario may run. */
    public List<Problem> validate(Scenario scenario) {
        return List.of();
    }
}
