package io.threadstage.ui.editor;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * Reads and replaces one component of a record by name, through its canonical constructor.
 * This is what lets one edit operation change a field of any of the thirty-odd step records
 * (and workers, resources, settings) without a method per verb. Stateless.
 */
public final class RecordFields {

    private RecordFields() {
    }

    public static List<String> names(Record record) {
        return Arrays.stream(record.getClass().getRecordComponents()).map(RecordComponent::getName).toList();
    }

    public static Class<?> type(Record record, String component) {
        return component(record, component).getType();
    }

    public static Object get(Record record, String component) {
        try {
            return component(record, component).getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    /** A copy of {@code record} with one component replaced. */
    @SuppressWarnings("unchecked")
    public static <R extends Record> R with(R record, String component, Object value) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean found = false;
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            if (components[i].getName().equals(component)) {
                values[i] = value;
                found = true;
            } else {
                values[i] = get(record, components[i].getName());
            }
        }
        if (!found) {
            throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no " + component);
        }
        try {
            Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
            return (R) canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild " + record.getClass().getSimpleName(), e);
        }
    }

    private static RecordComponent component(Record record, String name) {
        return Arrays.stream(record.getClass().getRecordComponents())
                .filter(c -> c.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(record.getClass().getSimpleName() + " has no " + name));
    }
}
