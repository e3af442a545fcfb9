package dev.fraudscore.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Python interpreter that has PyTorch, for the tests of the data scientist's path: {@code FRAUDSCORE_PYTHON}
 * if set, else Debian's {@code /usr/bin/python3} if it imports torch; otherwise the test fails saying how to
 * get one.
 */
public final class PythonWithTorch {

    private static final String SCRIPT = "tools/datascience/train_torchscript.py";
    private static final String DEBIAN_PYTHON = "/usr/bin/python3";
    private static final long TIMEOUT_SECONDS = 180;

    private final String interpreter;

    private PythonWithTorch(String interpreter) {
        this.interpreter = interpreter;
    }

    /** The training script of tools/datascience, found from a module's folder (the working directory of tests). */
    public static Path script() {
        return Path.of("..").resolve(SCRIPT).toAbsolutePath().normalize();
    }

    public static PythonWithTorch locate() {
        String configured = System.getenv("FRAUDSCORE_PYTHON");
        String candidate = configured != null && !configured.isBlank() ? configured : DEBIAN_PYTHON;
        PythonWithTorch python = new PythonWithTorch(candidate);
        Result probe = python.run(List.of("-c", "import torch, numpy"), Path.of("."));
        if (probe.exitCode() != 0) {
            throw new IllegalStateException(candidate + " cannot import torch and numpy (" + probe.output().strip()
                    + "); install them with: apt-get install -y python3-torch python3-numpy (or point FRAUDSCORE_PYTHON"
                    + " at a python3 that has them)");
        }
        return python;
    }

    public record Result(int exitCode, String output) {
    }

    /** Runs the interpreter with {@code args} in {@code dir}; stdout and stderr together. */
    public Result run(List<String> args, Path dir) {
        List<String> command = new ArrayList<>();
        command.add(interpreter);
        command.addAll(args);
        try {
            Path log = Files.createTempFile("python-", ".log");
            try {
                Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return new Result(-1, "no answer within " + TIMEOUT_SECONDS + " s: " + command);
                }
                return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            return new Result(-1, "cannot start " + interpreter + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted: " + command);
        }
    }

    /** Runs {@code args}, failing with the interpreter's output when it exits non-zero. */
    public String runOrFail(List<String> args, Path dir) {
        Result result = run(args, dir);
        if (result.exitCode() != 0) {
            throw new AssertionError(interpreter + " " + args + " failed:\n" + result.output());
        }
        return result.output();
    }
}
