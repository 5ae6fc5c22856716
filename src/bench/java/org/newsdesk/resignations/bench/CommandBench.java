package org.newsdesk.resignations.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.newsdesk.resignations.app.Application;
import org.newsdesk.resignations.commands.CommandRequest;
import org.newsdesk.resignations.commands.RequestContext;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Reply;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Every command on the shipped dataset, inside the process (router + query + render). Budget: p99 under 5 ms. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CommandBench {

    private Application app;

    @Setup
    public void setUp() throws Exception {
        app = Application.standalone(DatasetLoader.standard().loadBundled(), Lang.EN);
    }

    private Reply run(String sub, Map<String, String> options) {
        return app.router().handle(new CommandRequest("resignations", sub, options), RequestContext.CONSOLE);
    }

    @Benchmark
    public Reply whoEnglish() {
        return run("who", Map.of("name", "andrew miler"));
    }

    @Benchmark
    public Reply whoArabic() {
        return run("who", Map.of("name", "ليلي جرينبرج"));
    }

    @Benchmark
    public Reply listByAgency() {
        return run("list", Map.of("agency", "State Department", "lang", "ar"));
    }

    @Benchmark
    public Reply timeline() {
        return run("timeline", Map.of());
    }

    @Benchmark
    public Reply stats() {
        return run("stats", Map.of("lang", "ar"));
    }

    @Benchmark
    public Reply unknownName() {
        return run("who", Map.of("name", "Zbigniew Brzezinski"));
    }
}
