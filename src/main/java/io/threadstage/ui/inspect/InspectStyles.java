package io.threadstage.ui.inspect;

import java.util.Objects;

/** The inspector's and the time slider's stylesheet, apart from the window's so themes stay one file each. */
final class InspectStyles {

    static final String STYLESHEET = Objects.requireNonNull(InspectStyles.class.getResource("/assets/css/inspect.css"),
            "inspect stylesheet missing").toExternalForm();

    private InspectStyles() {
    }
}
