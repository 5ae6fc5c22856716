package org.newsdesk.resignations.dataset;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Digests the bytes read through it, as {@link java.security.DigestInputStream} does, but past
 * the first megabyte on another core: at 100,000 entries (120 MB) SHA-256 is a tenth of a load
 * on the reading thread, and the reader, not the digest, is the bottleneck. Chunks are digested
 * in the order they were read; {@link #finish} waits for the last one.
 */
final class BackgroundDigest extends FilterInputStream {

    /** Small files (the bundled dataset) are digested inline: a thread would cost more. */
    private static final long INLINE_BYTES = 1 << 20;

    private final MessageDigest digest;
    private long count;
    private ExecutorService worker;

    BackgroundDigest(InputStream in, MessageDigest digest) {
        super(in);
        this.digest = digest;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            update(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            update(b, off, n);
        }
        return n;
    }

    private void update(byte[] b, int off, int n) {
        count += n;
        if (worker == null && count <= INLINE_BYTES) {
            digest.update(b, off, n);
            return;
        }
        if (worker == null) {
            worker = Executors.newSingleThreadExecutor(task -> {
                Thread t = new Thread(task, "dataset-digest");
                t.setDaemon(true);
                return t;
            });
        }
        byte[] copy = Arrays.copyOfRange(b, off, off + n);
        worker.execute(() -> digest.update(copy));
    }

    /** Waits until every byte read so far is in the digest. */
    void finish() throws IOException {
        if (worker == null) {
            return;
        }
        worker.shutdown();
        try {
            while (!worker.awaitTermination(1, TimeUnit.MINUTES)) {
                // a digest of at most 512 MB: it ends
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.shutdownNow();
            throw new InterruptedIOException("interrupted while the dataset's digest was finished");
        }
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            if (worker != null) {
                worker.shutdownNow();
            }
        }
    }
}
