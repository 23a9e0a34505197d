package io.threadstage.ui.editor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The files opened or saved last, most recent first, kept in the user's preferences so they
 * survive a restart. Owned by the FX thread.
 */
public final class RecentFiles {

    public static final int LIMIT = 8;
    private static final String KEY = "recent.";

    private final Preferences store;

    public RecentFiles(Preferences store) {
        this.store = store;
    }

    /** The app's own node of the user's preferences. */
    public static RecentFiles forUser() {
        return new RecentFiles(Preferences.userRoot().node("io/threadstage/editor"));
    }

    public List<Path> list() {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            String file = store.get(KEY + i, null);
            if (file != null) {
                files.add(Path.of(file));
            }
        }
        return files;
    }

    /** Puts {@code file} first, dropping an older mention of it and the oldest beyond the limit. */
    public List<Path> add(Path file) {
        List<Path> files = new ArrayList<>(list());
        Path absolute = file.toAbsolutePath().normalize();
        files.remove(absolute);
        files.add(0, absolute);
        write(files);
        return list();
    }

    public List<Path> remove(Path file) {
        List<Path> files = new ArrayList<>(list());
        files.remove(file.toAbsolutePath().normalize());
        write(files);
        return list();
    }

    private void write(List<Path> files) {
        for (int i = 0; i < LIMIT; i++) {
            if (i < files.size()) {
                store.put(KEY + i, files.get(i).toString());
            } else {
                store.remove(KEY + i);
            }
        }
        try {
            store.flush();
        } catch (BackingStoreException unwritable) {
            // the list still works for this session; losing it on restart is harmless
        }
    }
}
