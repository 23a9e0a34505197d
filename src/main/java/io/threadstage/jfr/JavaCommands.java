package io.threadstage.jfr;

import java.nio.file.Path;
import java.util.List;

/** What a {@code java} command line says: whether it is one, and the program it runs. Stateless. */
public final class JavaCommands {

    private JavaCommands() {
    }

    /** A java launcher: {@code java}, a path ending in it, or {@code java.exe}. */
    public static boolean isJava(String command) {
        Path name = Path.of(command).getFileName();
        return name != null && (name.toString().equals("java") || name.toString().equals("java.exe"));
    }

    /**
     * What the java command runs, for a name: the main class's simple name, the jar's name, or
     * the module's main class; "program" when the arguments do not say.
     */
    public static String programName(List<String> program) {
        List<String> valued = List.of("-cp", "-classpath", "--class-path", "-p", "--module-path", "--add-modules",
                "--add-opens", "--add-exports", "--add-reads", "--upgrade-module-path", "--limit-modules");
        for (int i = 1; i < program.size(); i++) {
            String arg = program.get(i);
            if (valued.contains(arg)) {
                i++;
            } else if ((arg.equals("-jar") || arg.equals("-m") || arg.equals("--module")) && i + 1 < program.size()) {
                String target = program.get(i + 1);
                return arg.equals("-jar") ? safe(Path.of(target).getFileName().toString().replaceFirst("\\.jar$", ""))
                        : simpleName(target.substring(target.indexOf('/') + 1));
            } else if (!arg.startsWith("-")) {
                return simpleName(arg);
            }
        }
        return "program";
    }

    /** {@code com.example.Main} to {@code Main}; a source file {@code src/Prog.java} to {@code Prog}. */
    private static String simpleName(String className) {
        String name = className.endsWith(".java") ? className.substring(0, className.length() - 5) : className;
        name = name.substring(name.lastIndexOf('/') + 1);
        return safe(name.substring(name.lastIndexOf('.') + 1));
    }

    /** A name that is a file name on every system. */
    private static String safe(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9_$.-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "program" : safe;
    }
}
