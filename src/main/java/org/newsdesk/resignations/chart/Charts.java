package org.newsdesk.resignations.chart;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.query.StatsResult;
import org.newsdesk.resignations.render.Reply;
import org.newsdesk.resignations.render.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a chart on the timeline and stats replies. The text is the answer and the chart only
 * illustrates it: if drawing fails the text goes out alone and the failure is logged. The fonts
 * are read on the first chart, so commands that draw nothing never pay for them.
 *
 * <p>A chart is a pure function of its model (which includes the dataset version), so the PNG of
 * each model is kept: the same chart for the same data is drawn once, not on every command. The
 * bytes of an attachment are therefore shared between replies: read them, never change them.
 */
public final class Charts {

    private static final Logger LOG = LoggerFactory.getLogger(Charts.class);
    public static final String PNG = "image/png";

    /** Two charts in two languages, with room for the snapshot before a reload. */
    private static final int CACHED_CHARTS = 16;

    private final ChartModels models;
    private final Supplier<ChartRenderer> renderer;
    private final Cache<ChartModel, byte[]> drawn = Caffeine.newBuilder().maximumSize(CACHED_CHARTS).build();

    public Charts(Templates templates) {
        this(new ChartModels(templates), once(() -> new ChartRenderer(ChartFonts.bundled())));
    }

    public Charts(ChartModels models, Supplier<ChartRenderer> renderer) {
        this.models = models;
        this.renderer = renderer;
    }

    public ChartModels models() {
        return models;
    }

    /** The timeline reply with departures per month, stacked by agency. */
    public Reply withMonthlyChart(Reply text, Snapshot s, StatsResult stats, Lang lang) {
        return attach(text, () -> models.byMonth(s, stats, lang), "departures-by-month-" + lang.code() + ".png");
    }

    /** The stats reply with departures per agency. */
    public Reply withAgencyChart(Reply text, Snapshot s, StatsResult stats, Lang lang) {
        return attach(text, () -> models.byAgency(s, stats, lang), "departures-by-agency-" + lang.code() + ".png");
    }

    /** The chart as a file to attach, with its alt text as the description. */
    public Reply.Attachment attachment(ChartModel model, String filename) {
        byte[] png = drawn.get(model, m -> renderer.get().png(m));
        return new Reply.Attachment(filename, PNG, png, model.description());
    }

    /** Draws both charts in both languages now, so that no command waits for a first drawing. */
    public void warmUp(Snapshot s, StatsResult stats) {
        for (Lang lang : Lang.values()) {
            attachment(models.byMonth(s, stats, lang), "warm-up.png");
            attachment(models.byAgency(s, stats, lang), "warm-up.png");
        }
    }

    private Reply attach(Reply text, Supplier<ChartModel> model, String filename) {
        try {
            ChartModel m = model.get();
            if (m.total() == 0) {
                return text;    // nothing dated to draw: the text says so
            }
            return text.withAttachments(List.of(attachment(m, filename)));
        } catch (RuntimeException | LinkageError | java.awt.AWTError e) {
            LOG.warn("chart {} could not be drawn; the reply goes out without it", filename, e);
            return text;
        }
    }

    /** A supplier that builds its value on first use, once, even when asked from several threads. */
    static <T> Supplier<T> once(Supplier<T> make) {
        return new Supplier<>() {
            private volatile @Nullable T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        v = value;
                        if (v == null) {
                            v = make.get();
                            value = v;
                        }
                    }
                }
                return v;
            }
        };
    }
}
