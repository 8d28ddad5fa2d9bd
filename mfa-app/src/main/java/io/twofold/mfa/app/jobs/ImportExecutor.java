package io.twofold.mfa.app.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where background imports run: one at a time per node (an import writes user after user and would
 * otherwise take the pool's connections from logins), with at most {@link #QUEUED} more waiting; past
 * that, {@code execute} refuses and the job fails at once as busy. A job that throws is logged by its
 * kind and root cause only: statements and messages of the engine name no secret, but keep it short.
 */
public final class ImportExecutor implements Executor, AutoCloseable {
    static final int QUEUED = 16;
    private static final Logger LOG = LoggerFactory.getLogger(ImportExecutor.class);

    private final ThreadPoolExecutor pool;

    public ImportExecutor() {
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUED), task -> {
            Thread thread = new Thread(task, "twofold-import-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void execute(Runnable job) {
        pool.execute(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                LOG.warn("an import job stopped: {}", rootCause(e));
                LOG.debug("import job failure", e);
            }
        });
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
