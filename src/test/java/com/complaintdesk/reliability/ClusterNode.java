package com.complaintdesk.reliability;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One application node of the two-node run: {@code java -jar} with the {@code postgres} profile on its own port,
 * sharing the run's database. Its pid is appended to {@code pids} so that the script's exit trap can stop it even
 * when the runner itself dies.
 */
final class ClusterNode {

    private static final int LOG_TAIL_LINES = 80;

    private final String name;
    private final int port;
    private final Path jar;
    private final Path workDir;
    private final Map<String, String> environment;
    private final List<String> extraArguments;
    private Process process;

    ClusterNode(
            String name,
            int port,
            Path jar,
            Path workDir,
            Map<String, String> environment,
            List<String> extraArguments) {
        this.name = name;
        this.port = port;
        this.jar = jar;
        this.workDir = workDir;
        this.environment = environment;
        this.extraArguments = extraArguments;
    }

    String name() {
        return name;
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    void start() throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                "java",
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-jar",
                jar.toString(),
                "--spring.profiles.active=postgres",
                "--server.port=" + port,
                // the job log names the node that ran a job (ACT_HI_JOB_LOG.HOSTNAME_)
                "--camunda.bpm.generic-properties.properties.hostname=" + name));
        command.addAll(extraArguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(new File(workDir.toFile(), name + ".log")));
        process = builder.start();
        Files.writeString(
                workDir.resolve("pids"),
                process.pid() + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** Waits until {@code /actuator/health} answers UP; fails when the process ends first or the time is over. */
    void awaitHealthy(HttpClient http, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest health = HttpRequest.newBuilder(baseUri().resolve("/actuator/health"))
                .timeout(Duration.ofSeconds(5))
                .build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                printLogTail();
                throw new IllegalStateException(name + " ended with exit code " + process.exitValue() + "; see "
                        + workDir.resolve(name + ".log"));
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        printLogTail();
        throw new IllegalStateException(
                name + " not healthy within " + timeout + "; see " + workDir.resolve(name + ".log"));
    }

    /**
     * The last lines of the node's log on stderr: the run's work directory is removed when the script ends, and a CI
     * run on a clean clone keeps only what was printed.
     */
    void printLogTail() {
        try {
            List<String> lines = Files.readAllLines(workDir.resolve(name + ".log"), StandardCharsets.UTF_8);
            System.err.println("---- last lines of " + name + ".log ----");
            lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size())
                    .forEach(System.err::println);
            System.err.println("---- end of " + name + ".log ----");
        } catch (IOException e) {
            System.err.println("cannot read " + name + ".log: " + e.getMessage());
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** {@code kill -9}: no shutdown hook, no graceful end of requests or jobs. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly(); // SIGKILL on Linux
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** A normal stop (SIGTERM, Spring's graceful shutdown), SIGKILL after 60 s. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
