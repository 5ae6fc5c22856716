package org.newsdesk.resignations.sourcing;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * How {@link BoundedFetch} reads a response body: written to a file as it arrives, hashed, and
 * stopped past a size ({@link ToFile}), or not read at all ({@link Refusing}); and the two ways
 * writing it can fail.
 */
final class BodySubscribers {

    private BodySubscribers() {
    }

    /** The body is larger than allowed. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** The temporary file could not be written. */
    static final class DiskFailure extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** Reads no body: cancels at once (the connection is closed, not drained) and gives {@code outcome}. */
    static final class Refusing implements HttpResponse.BodySubscriber<Path> {
        private final CompletableFuture<Path> result = new CompletableFuture<>();

        Refusing(Throwable failure) {
            if (failure == null) {
                result.complete(null);
            } else {
                result.completeExceptionally(failure);
            }
        }

        @Override
        public CompletionStage<Path> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.cancel();
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    }

    /** Writes the body to a file as it arrives, hashing it, and stops the exchange past {@code max} bytes. */
    static final class ToFile implements HttpResponse.BodySubscriber<Path> {
        private final Path file;
        private final FileChannel out;
        private final long max;
        private final MessageDigest digest;
        private final CompletableFuture<Path> result = new CompletableFuture<>();
        private Flow.@Nullable Subscription subscription;
        private long count;
        private boolean done;

        ToFile(Path file, long max) throws IOException {
            this.file = file;
            this.max = max;
            this.out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        String hash() {
            return HexFormat.of().formatHex(digest.digest());
        }

        @Override
        public CompletionStage<Path> getBody() {
            return result;
        }

        @Override
        public synchronized void onSubscribe(Flow.Subscription s) {
            if (done) {
                s.cancel();
                return;
            }
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            Flow.Subscription s;
            synchronized (this) {
                if (done) {
                    return;
                }
                try {
                    for (ByteBuffer b : items) {
                        count += b.remaining();
                        if (count > max) {
                            abort(new TooLarge());
                            return;
                        }
                        digest.update(b.duplicate());
                        while (b.hasRemaining()) {
                            out.write(b);
                        }
                    }
                } catch (IOException e) {
                    abort(new DiskFailure());
                    return;
                }
                s = subscription;
            }
            s.request(1);
        }

        @Override
        public synchronized void onError(Throwable t) {
            abort(t);
        }

        @Override
        public synchronized void onComplete() {
            if (done) {
                return;
            }
            done = true;
            try {
                out.force(true);
                out.close();
                result.complete(file);
            } catch (IOException e) {
                result.completeExceptionally(new DiskFailure());
            }
        }

        synchronized void abort(Throwable why) {
            if (done) {
                return;
            }
            done = true;
            if (subscription != null) {
                subscription.cancel();
            }
            try {
                out.close();
            } catch (IOException e) {
                // the file is deleted by the caller
            }
            result.completeExceptionally(why);
        }
    }
}
