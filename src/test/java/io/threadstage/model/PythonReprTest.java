package io.threadstage.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PythonReprTest {

    /** Each row: the value, its repr() and its str(), as python3 3.11 printed them. */
    private static final Object[][] TABLE = {
        {null, "None", "None"},
        {Value.NONE, "None", "None"},
        {new Value.Bool(true), "True", "True"},
        {new Value.Bool(false), "False", "False"},
        {Value.of(0), "0", "0"},
        {Value.of(-7), "-7", "-7"},
        {Value.of(Long.MAX_VALUE), "9223372036854775807", "9223372036854775807"},
        {Value.of(BigInteger.TWO.pow(63)), "9223372036854775808", "9223372036854775808"},
        {Value.of(BigInteger.TWO.pow(100).negate()), "-1267650600228229401496703205376",
            "-1267650600228229401496703205376"},
        {real(0.0), "0.0", "0.0"},
        {real(-0.0), "-0.0", "-0.0"},
        {real(3), "3.0", "3.0"},
        {real(0.1), "0.1", "0.1"},
        {real(-1.5), "-1.5", "-1.5"},
        {real(100), "100.0", "100.0"},
        {real(123456.789), "123456.789", "123456.789"},
        {real(0.1 + 0.2), "0.30000000000000004", "0.30000000000000004"},
        {real(0.0001), "0.0001", "0.0001"},
        {real(1e-5), "1e-05", "1e-05"},
        {real(0.002), "0.002", "0.002"},
        {real(1234567890123456.0), "1234567890123456.0", "1234567890123456.0"},
        {real(1e16), "1e+16", "1e+16"},
        {real(12345678901234567.0), "1.2345678901234568e+16", "1.2345678901234568e+16"},
        {real(1e23), "1e+23", "1e+23"},
        // Java 17's Double.toString gives 2.82879384806159008E17 here, longer than needed
        {real(2.82879384806159e17), "2.82879384806159e+17", "2.82879384806159e+17"},
        {real(Double.MIN_VALUE), "5e-324", "5e-324"},
        {real(Double.MAX_VALUE), "1.7976931348623157e+308", "1.7976931348623157e+308"},
        {real(Double.NaN), "nan", "nan"},
        {real(Double.POSITIVE_INFINITY), "inf", "inf"},
        {real(Double.NEGATIVE_INFINITY), "-inf", "-inf"},
        {Value.of(""), "''", ""},
        {Value.of("it's"), "\"it's\"", "it's"},
        {Value.of("say \"hi\""), "'say \"hi\"'", "say \"hi\""},
        {Value.of("both ' and \""), "'both \\' and \"'", "both ' and \""},
        {Value.of("back\\slash"), "'back\\\\slash'", "back\\slash"},
        {Value.of("a\nb\tc\rd"), "'a\\nb\\tc\\rd'", "a\nb\tc\rd"},
        {Value.of("\0\u001f\u007f\u0080\u009f"), "'\\x00\\x1f\\x7f\\x80\\x9f'", "\0\u001f\u007f\u0080\u009f"},
        {Value.of("\u00a0\u00e9\u20ac"), "'\\xa0\u00e9\u20ac'", "\u00a0\u00e9\u20ac"},
        {Value.of("\u200b\u2028"), "'\\u200b\\u2028'", "\u200b\u2028"},
        {Value.of("\ud83d\ude00"), "'\ud83d\ude00'", "\ud83d\ude00"},
        {Value.of("\udb40\udc01"), "'\\U000e0001'", "\udb40\udc01"},
        {Value.of("\ud800"), "'\\ud800'", "\ud800"},
        {new Value.Array(List.of(Value.of(1), Value.of("a"), new Value.Array(List.of(Value.NONE)))),
            "[1, 'a', [None]]", "[1, 'a', [None]]"},
        {dict(), "{'k': [1.5, \"it's\"], 'j': {}}", "{'k': [1.5, \"it's\"], 'j': {}}"},
    };

    private static Value real(double number) {
        return new Value.Real(number);
    }

    private static Value dict() {
        Map<String, Value> entries = new LinkedHashMap<>();
        entries.put("k", new Value.Array(List.of(real(1.5), Value.of("it's"))));
        entries.put("j", new Value.Dict(Map.of()));
        return new Value.Dict(entries);
    }

    @Test
    void reprAndStrAsCPythonPrintsThem() {
        for (Object[] row : TABLE) {
            Value value = (Value) row[0];
            assertEquals(row[1], PythonRepr.repr(value), "repr of " + value);
            assertEquals(row[2], PythonRepr.str(value), "str of " + value);
        }
    }

    @Test
    void literalLeavesStringsAndFloatsToTheCaller() {
        Value list = new Value.Array(List.of(Value.of("x"), real(0.5), dict()));
        assertEquals("[<x>, #, {<k>: [#, <it's>], <j>: {}}]",
                PythonRepr.literal(list, text -> "<" + text + ">", number -> "#"));
    }

    /** Many doubles and awkward characters, each compared with what the machine's python3 prints. */
    @Test
    void agreesWithPython3OnManyFloatsAndCharacters() throws Exception {
        Path python = python3();
        assumeTrue(python != null, "python3 is not on the PATH");
        Random random = new Random(20261125);
        List<String> expressions = new ArrayList<>();
        List<String> ours = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            double number = i % 3 == 0 ? Double.longBitsToDouble(random.nextLong())
                    : i % 3 == 1 ? random.nextInt(1_000_000) / Math.pow(10, random.nextInt(30) - 10)
                    : random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
            expressions.add("repr(float.fromhex('" + Double.toHexString(number) + "'))");
            ours.add(PythonRepr.floatRepr(number));
        }
        int[] awkward = {0, 7, 9, 10, 13, 27, 31, 32, 34, 39, 92, 127, 128, 159, 160, 173, 255, 256, 0x0378,
            0x061c, 0x2000, 0x200e, 0x2029, 0x202f, 0x3000, 0xd7ff, 0xdfff, 0xe000, 0xfeff, 0xfffd, 0xffff,
            0x1f600, 0xe0001, 0x10ffff};
        for (int c : awkward) {
            expressions.add("' '.join(str(ord(ch)) for ch in repr(chr(" + c + ")))");
            ours.add(codePoints(PythonRepr.quote(new String(Character.toChars(c)))));
        }
        String script = "print('\\n'.join([" + String.join(",\n", expressions) + "]))\n";
        Path file = Files.createTempFile("repr", ".py");
        try {
            Files.writeString(file, script, StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(python.toString(), file.toString()).redirectErrorStream(true).start();
            String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(true, process.waitFor(60, TimeUnit.SECONDS), "python3 finished");
            List<String> theirs = printed.lines().collect(Collectors.toList());
            assertEquals(expressions.size(), theirs.size(), printed);
            for (int i = 0; i < ours.size(); i++) {
                assertEquals(theirs.get(i), ours.get(i), expressions.get(i));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The repr as numbers, so the comparison survives any console encoding. */
    private static String codePoints(String repr) {
        return repr.codePoints().mapToObj(Integer::toString).collect(Collectors.joining(" "));
    }

    private static Path python3() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String folder : path.split(File.pathSeparator)) {
            Path candidate = Path.of(folder, "python3");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
