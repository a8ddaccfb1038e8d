package kz.qyzmet.itest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs Maven as a developer would, in a directory of its own (the SDK's ITs). */
final class NestedMaven {
    /** What one run left: its exit code, its output and how long it took. */
    record Run(List<String> command, Path directory, int exitCode, String output, double seconds) {
        Run succeeded() {
            if (exitCode != 0) {
                throw new AssertionError(String.join(" ", command) + " in " + directory + ":\n" + output);
            }
            return this;
        }
    }

    private NestedMaven() {
    }

    static Run run(Path directory, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-ntp"));
        command.addAll(List.of(arguments));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        return new Run(command, directory, exit, output, (System.nanoTime() - started) / 1e9);
    }

    /** A quiet run that must succeed; the seconds it took. */
    static double quietly(Path directory, String... arguments) throws Exception {
        List<String> quiet = new ArrayList<>(List.of("-q"));
        quiet.addAll(List.of(arguments));
        return run(directory, quiet.toArray(String[]::new)).succeeded().seconds();
    }
}
