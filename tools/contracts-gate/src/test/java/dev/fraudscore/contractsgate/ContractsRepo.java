package dev.fraudscore.contractsgate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A throwaway git repository holding a copy of this checkout's contracts, for contracts/gate.sh to judge. */
final class ContractsRepo {

    /** The checkout this test runs in: its gate script and tools judge the copy. */
    static final Path CHECKOUT = Path.of("").toAbsolutePath().getParent().getParent();
    private static final List<String> CONTRACTS = List.of("contracts/buf.yaml", "contracts/redocly.yaml",
            "contracts/proto-renames.txt", "contracts/src/main/proto", "contracts/src/main/resources/openapi");
    // a commit must not depend on the machine's git configuration (identity, signing, hooks)
    private static final Map<String, String> GIT_ENV = Map.of("GIT_CONFIG_GLOBAL", "/dev/null", "GIT_CONFIG_NOSYSTEM", "1",
            "GIT_AUTHOR_NAME", "Gate Test", "GIT_AUTHOR_EMAIL", "gate@test.invalid",
            "GIT_COMMITTER_NAME", "Gate Test", "GIT_COMMITTER_EMAIL", "gate@test.invalid");

    record Run(int exit, String output) {
    }

    private final Path dir;

    private ContractsRepo(Path dir) {
        this.dir = dir;
    }

    /** The contracts as they are in this checkout, committed on main. */
    static ContractsRepo withTheseContracts(Path dir) {
        ContractsRepo repo = new ContractsRepo(dir);
        CONTRACTS.forEach(path -> copy(CHECKOUT.resolve(path), dir.resolve(path)));
        repo.git("init", "-q", "-b", "main");
        repo.commit("the contracts of the reference");
        return repo;
    }

    void git(String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Run run = run(command);
        assertThat(run.exit()).as("git %s: %s", String.join(" ", args), run.output()).isZero();
    }

    void commit(String message) {
        git("add", "-A");
        git("commit", "-q", "-m", message);
    }

    /** Replaces text in a file of the copy; the anchor must be there, so a seed cannot silently miss. */
    void edit(String path, String from, String to) {
        Path file = dir.resolve(path);
        try {
            String text = Files.readString(file);
            assertThat(text).as("the seed's anchor in %s", path).contains(from);
            Files.writeString(file, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Run gate(String... args) {
        List<String> command = new ArrayList<>(List.of(CHECKOUT.resolve("contracts/gate.sh").toString(), "--repo", dir.toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    private Run run(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(GIT_ENV);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not end within 5 minutes; its output: " + output);
            }
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
