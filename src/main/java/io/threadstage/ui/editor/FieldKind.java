package io.threadstage.ui.editor;

/** How a property is edited and how its text is read back. Immutable; any thread. */
public enum FieldKind {
    /** Free text; never null. */
    TEXT,
    /** Free text; blank means absent (null). */
    OPTIONAL_TEXT,
    /** A whole number. */
    INTEGER,
    /** A whole number; blank means none (e.g. no timeout). */
    OPTIONAL_INTEGER,
    REAL,
    BOOLEAN,
    /** One of fixed choices. */
    CHOICE,
    /** The name of a resource, worker or future that exists and fits; typed names are kept. */
    REFERENCE,
    /** A JSON value; text that is not JSON is taken as a string. */
    VALUE,
    /** Like {@link #VALUE}; blank means absent (null). */
    OPTIONAL_VALUE,
    /** A JSON array; the brackets may be left out. */
    VALUES,
    /** A JSON object of keyword arguments. */
    DICT,
    /** Identifiers separated by commas. */
    NAMES,
    /** Shown, not edited. */
    READ_ONLY
}
