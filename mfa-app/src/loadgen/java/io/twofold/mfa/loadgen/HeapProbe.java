package io.twofold.mfa.loadgen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The server's heap after a full GC, taken with the JDK's jcmd while the load is still running:
 * what stays live under load (caches, pools, in-flight requests) rather than garbage.
 */
final class HeapProbe {
    private final long pid;
    private volatile String result = "not measured (pass --server-pid)";

    HeapProbe(long pid) {
        this.pid = pid;
    }

    void probe() {
        if (pid <= 0) {
            return;
        }
        try {
            jcmd("GC.run");
            result = summary(jcmd("GC.heap_info"));
        } catch (IOException e) {
            result = "jcmd failed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = "interrupted";
        }
    }

    String result() {
        return result;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jcmd " + command + " exited badly: " + output.strip());
        }
        return output;
    }

    /** The heap line(s) of GC.heap_info, e.g. "garbage-first heap total 262144K, used 41234K". */
    private static String summary(String heapInfo) {
        StringBuilder lines = new StringBuilder();
        for (String line : heapInfo.split("\n")) {
            if (line.contains(" total ") && line.contains("used")) {
                lines.append(lines.length() == 0 ? "" : "; ").append(line.strip());
            }
        }
        return lines.length() == 0 ? heapInfo.strip() : lines.toString();
    }
}
