package io.threadstage.app;

import io.threadstage.io.LessonLibrary;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code threadstage lessons}: lists the built-in lessons, one a line, {@code id<TAB>title},
 * in the library's order. Runs on the calling thread.
 */
final class LessonsCommand implements Subcommand {

    @Override
    public String usage() {
        return "threadstage lessons";
    }

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty()) {
            err.println("usage: " + usage());
            return 2;
        }
        for (LessonLibrary.Entry lesson : new LessonLibrary().list()) {
            out.println(lesson.id() + "\t" + lesson.title());
        }
        return 0;
    }
}
