package io.threadstage.pytrace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** What an interpreter says its version is; asked only to explain a refusal, so a normal run starts no extra process. */
final class PythonVersion {

    private PythonVersion() {
    }

    /** "Python 3.6.9" as the interpreter prints it, or "an older Python" if it does not say. */
    static String of(String python) {
        try {
            Process process = new ProcessBuilder(python, "--version").redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readNBytes(200);
            process.waitFor(5, TimeUnit.SECONDS);
            String text = new String(out, StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? "an older Python" : text;
        } catch (IOException | InterruptedException unknown) {
            return "an older Python";
        }
    }
}
