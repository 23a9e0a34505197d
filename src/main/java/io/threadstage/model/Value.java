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
 *
 * <p>Each record spells out {@code equals} and {@code hashCode}, with the meaning a record's own
 * would have: those are made on first use by {@code ObjectMethods}, which spins method handles,
 * 50 to 120 ms on the team machine, paid by every run whose queue compares an item with a
 * sentinel.
 */
public sealed interface Value {

    Value NONE = new Null();

    record Null() implements Value {
        @Override
        public boolean equals(Object other) {
            return other instanceof Null;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    record Bool(boolean value) implements Value {
        @Override
        public boolean equals(Object other) {
            return other instanceof Bool that && value == that.value;
        }

        @Override
        public int hashCode() {
            return Boolean.hashCode(value);
        }
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

        @Override
        public boolean equals(Object other) {
            return other instanceof Int that && value.equals(that.value);
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }
    }

    /** Equal as a record's double component is: by {@link Double#compare} (NaN equals NaN, 0.0 is not -0.0). */
    record Real(double value) implements Value {
        @Override
        public boolean equals(Object other) {
            return other instanceof Real that && Double.compare(value, that.value) == 0;
        }

        @Override
        public int hashCode() {
            return Double.hashCode(value);
        }
    }

    record Text(String value) implements Value {
        @Override
        public boolean equals(Object other) {
            return other instanceof Text that && Objects.equals(value, that.value);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(value);
        }
    }

    record Array(List<Value> items) implements Value {
        public Array {
            items = List.copyOf(items);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Array that && items.equals(that.items);
        }

        @Override
        public int hashCode() {
            return items.hashCode();
        }
    }

    /** Keys keep their document order. */
    record Dict(Map<String, Value> entries) implements Value {
        public Dict {
            entries = Ordered.copyOf(entries);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Dict that && entries.equals(that.entries);
        }

        @Override
        public int hashCode() {
            return entries.hashCode();
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
