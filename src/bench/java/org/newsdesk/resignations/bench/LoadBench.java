package org.newsdesk.resignations.bench;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.SchemaCheck;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.search.Directory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading, validating (schema + semantic) and indexing 100,000 entries. Budget: under 2 s with
 * the heap capped at 300 MB — the fork runs with -Xmx300m, so a run that completes is the proof
 * that it fits.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx300m"})
public class LoadBench {

    @Param({"100000"})
    public int entries;

    private java.nio.file.Path file;

    @Setup
    public void setUp() throws Exception {
        file = java.nio.file.Files.createTempFile("synthetic-", ".json");
        SyntheticDataset.file(entries, 42, file);
    }

    @org.openjdk.jmh.annotations.TearDown
    public void tearDown() throws Exception {
        java.nio.file.Files.deleteIfExists(file);
    }

    /** What the budget names: reading and validating (the snapshot the bot would serve). */
    @Benchmark
    public Snapshot loadAndValidate() throws Exception {
        return new DatasetLoader(new SchemaCheck(), Clock.systemUTC()).load(file);
    }

    /** And the search index built on it, without which no command can answer. */
    @Benchmark
    public Directory loadValidateAndIndex() throws Exception {
        Snapshot s = new DatasetLoader(new SchemaCheck(), Clock.systemUTC()).load(file);
        return new Directory(s);
    }
}
