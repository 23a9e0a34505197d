package io.threadstage.model;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON value a scenario passes around: worker arguments, queue items, sentinels,
 * thread-local values. Kept as its own small sealed type so the generator can render it as a
 * Python literal and the runtime can compare items exactly, without a JSON library in the model.
 * Immutable; any thread.
 */
public sealed interface Value {

    Value NONE = new Null();

    record Null() implements Value {
    }

    record Bool(boolean value) implements Value {
    }

    /**
     * A JSON number without fraction or exponent: Python's {@code int}, of any size, as
     * {@code json.loads} reads it. Values are made once, when a scenario is read, so their
     * size costs nothing on a hot path (a counter keeps its running value apart, in a long).
     */
    record Int(BigInteger value) implements Value {
        public Int {
            Objects.requireNonNull(value, "value");
        }

        public Int(long value) {
            this(BigInteger.valueOf(value));
        }
    }

    record Real(double value) implements Value {
    }

    record Text(String value) implements Value {
    }

    record Array(List<Value> items) implements Value {
        public Array {
            items = List.copyOf(items);
        }
    }

    /** Keys keep their document order. */
    record Dict(Map<String, Value> entries) implements Value {
        public Dict {
            entries = Ordered.copyOf(entries);
        }
    }

    static Value of(String text) {
        return new Text(text);
    }

    static Value of(long number) {
        return new Int(number);
    }

    static Value of(BigInteger number) {
        return new Int(number);
    }
}
