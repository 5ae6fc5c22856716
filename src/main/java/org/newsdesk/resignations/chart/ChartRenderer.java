package org.newsdesk.resignations.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAnchor;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.block.FlowArrangement;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.ui.VerticalAlignment;
import org.jfree.data.category.DefaultCategoryDataset;
import org.newsdesk.resignations.dataset.Lang;

/**
 * Draws a {@link ChartModel} with JFreeChart into a PNG sized for Discord: large type so the
 * preview in a channel is readable without opening the image. Arabic charts are mirrored (title,
 * legend and value axis on the right, time running right to left, bars growing leftwards);
 * Java2D joins the Arabic letters and orders each label right to left with the bundled font.
 * Thread-safe: every call builds its own chart.
 */
public final class ChartRenderer {

    public static final int WIDTH = 1000;
    public static final int HEIGHT = 600;

    /** Okabe–Ito colours (distinguishable with the common colour-vision deficiencies), then greys. */
    private static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0x56B4E9), new Color(0xD55E00), new Color(0xB8A200), new Color(0x555555),
        new Color(0x999999), new Color(0x333333)};
    private static final Color INK = new Color(0x1A1A1A);
    private static final Color MUTED = new Color(0x555555);
    private static final Color GRID = new Color(0xDDDDDD);
    private static final Color NONE = new Color(0, 0, 0, 0);

    private static final float TITLE = 30f;
    private static final float TICK = 18f;
    private static final float NOTE = 15f;
    private static final float SMALLEST_TICK = 15f;
    private static final int SIDE_PADDING = 16;

    private final ChartFonts fonts;

    public ChartRenderer(ChartFonts fonts) {
        this.fonts = fonts;
    }

    /** The chart as PNG bytes. */
    public byte[] png(ChartModel model) {
        return encode(draw(model));
    }

    /** The chart as an image, {@link #WIDTH} by {@link #HEIGHT}. */
    public BufferedImage draw(ChartModel model) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            JFreeChart chart = build(model, g);
            chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        } finally {
            g.dispose();
        }
        return image;
    }

    JFreeChart build(ChartModel m, Graphics2D g) {
        boolean rtl = m.lang() == Lang.AR;
        boolean bars = m.kind() == ChartModel.Kind.COUNT_BY_AGENCY;

        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<Key> columns = new ArrayList<>();
        for (ChartModel.Category c : m.categories()) {
            columns.add(new Key(c.key(), c.label()));
        }
        // Time reads in the direction of the language: the first month on the right in Arabic.
        List<Key> shown = new ArrayList<>(columns);
        if (rtl && !bars) {
            Collections.reverse(shown);
        }
        for (ChartModel.Series s : m.series()) {
            Key row = new Key(s.key(), s.label());
            for (Key col : shown) {
                data.addValue(s.values().get(columns.indexOf(col)), row, col);
            }
        }

        CategoryAxis categoryAxis = new CategoryAxis(null);
        LabelFit fit = bars ? new LabelFit(TICK, 1) : categoryLabels(m, g);
        categoryAxis.setTickLabelFont(fonts.regular(fit.size()));
        categoryAxis.setTickLabelPaint(INK);
        for (int i = 0; i < columns.size(); i++) {
            if (!fit.shows(m.categories().get(i))) {
                categoryAxis.setTickLabelPaint(columns.get(i), NONE);
            }
        }
        categoryAxis.setMaximumCategoryLabelLines(2);
        // Never break a word to fit (that would split an Arabic word into unjoined pieces): a label
        // may be wider than its column; categoryLabels() keeps neighbouring labels apart instead.
        categoryAxis.setMaximumCategoryLabelWidthRatio(bars ? 0.45f : Math.max(1.6f, 2.5f * fit.step()));
        categoryAxis.setCategoryMargin(bars ? 0.25 : 0.2);
        categoryAxis.setLowerMargin(0.01);
        categoryAxis.setUpperMargin(0.01);
        categoryAxis.setTickMarksVisible(false);
        categoryAxis.setAxisLineVisible(!bars);
        categoryAxis.setAxisLinePaint(MUTED);

        NumberAxis valueAxis = new NumberAxis(null);
        valueAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        valueAxis.setNumberFormatOverride(java.text.NumberFormat.getIntegerInstance(Locale.ROOT));
        valueAxis.setTickLabelFont(fonts.regular(TICK));
        valueAxis.setTickLabelPaint(INK);
        valueAxis.setAxisLineVisible(false);
        valueAxis.setTickMarksVisible(false);
        int max = Math.max(1, m.maxCategoryTotal());
        valueAxis.setRange(0, max * (bars ? 1.12 : 1.15) + 0.2);

        BarRenderer renderer = bars ? new CategoryColourRenderer(m) : new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(!bars);
        renderer.setDefaultOutlinePaint(Color.WHITE);
        renderer.setDefaultOutlineStroke(new BasicStroke(1f));
        renderer.setMaximumBarWidth(bars ? 0.12 : 0.06);
        renderer.setItemMargin(0);
        for (int i = 0; i < m.series().size(); i++) {
            renderer.setSeriesPaint(i, colour(m.series().get(i).colour()));
        }

        CategoryPlot plot = new CategoryPlot(data, categoryAxis, valueAxis, renderer);
        plot.setOrientation(bars ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setDomainGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setInsets(new RectangleInsets(8, 4, 4, 4));
        if (bars) {
            // agencies down the side where a line starts; bars grow away from their names
            plot.setDomainAxisLocation(rtl ? AxisLocation.BOTTOM_OR_RIGHT : AxisLocation.TOP_OR_LEFT);
            plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
            valueAxis.setInverted(rtl);
        } else {
            plot.setRangeAxisLocation(rtl ? AxisLocation.BOTTOM_OR_RIGHT : AxisLocation.TOP_OR_LEFT);
        }
        addValueLabels(m, plot, shown, bars, rtl, max);

        JFreeChart chart = new JFreeChart(null, fonts.bold(TITLE), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        chart.setPadding(new RectangleInsets(14, SIDE_PADDING, 10, SIDE_PADDING));
        HorizontalAlignment start = rtl ? HorizontalAlignment.RIGHT : HorizontalAlignment.LEFT;

        TextTitle title = new TextTitle(m.title(), fonts.bold(TITLE), INK, RectangleEdge.TOP, start,
                VerticalAlignment.CENTER, new RectangleInsets(0, 0, 8, 0));
        title.setTextAlignment(start);
        chart.setTitle(title);
        if (!bars && !m.series().isEmpty()) {
            for (List<ChartModel.Series> row : legendRows(m.series(), g, rtl)) {
                chart.addSubtitle(legendRow(row, rtl));
            }
        }
        // Bottom titles are laid out from the edge inwards: the last note goes in first.
        List<String> notes = new ArrayList<>(m.notes());
        Collections.reverse(notes);
        for (String note : notes) {
            TextTitle t = new TextTitle(note, fonts.regular(NOTE), MUTED, RectangleEdge.BOTTOM, start,
                    VerticalAlignment.CENTER, new RectangleInsets(2, 0, 0, 0));
            t.setTextAlignment(start);
            chart.addSubtitle(t);
        }
        return chart;
    }

    /**
     * How the month labels are written: the largest type, down to {@link #SMALLEST_TICK}, at which
     * every two neighbouring labels keep a gap (Arabic month names are longer than "Sep"). When
     * even that is too wide (a long span of months), labels are shown every {@code step} months
     * (2, 3, 4, 6 or 12, always including January and its year). Columns are never dropped.
     */
    record LabelFit(float size, int step) {
        boolean shows(ChartModel.Category c) {
            return step == 1 || (YearMonth.parse(c.key()).getMonthValue() - 1) % step == 0;
        }
    }

    LabelFit categoryLabels(ChartModel m, Graphics2D g) {
        int n = m.categories().size();
        if (n < 2) {
            return new LabelFit(TICK, 1);
        }
        double slot = (WIDTH - 2 * SIDE_PADDING - 30) / (double) n;
        for (float size = TICK; size >= SMALLEST_TICK; size -= 1f) {
            LabelFit fit = new LabelFit(size, 1);
            if (fits(m, lineWidths(m, g, size), slot, fit)) {
                return fit;
            }
        }
        double[] w = lineWidths(m, g, SMALLEST_TICK);
        for (int step : new int[]{2, 3, 4, 6}) {
            LabelFit fit = new LabelFit(SMALLEST_TICK, step);
            if (fits(m, w, slot, fit)) {
                return fit;
            }
        }
        return new LabelFit(SMALLEST_TICK, 12);
    }

    /** Every two consecutive shown labels, centred on their columns, keep a gap of 8 px. */
    private static boolean fits(ChartModel m, double[] w, double slot, LabelFit fit) {
        int last = -1;
        for (int i = 0; i < w.length; i++) {
            if (!fit.shows(m.categories().get(i))) {
                continue;
            }
            if (last >= 0 && (w[last] + w[i]) / 2 > slot * (i - last) - 8) {
                return false;
            }
            last = i;
        }
        return true;
    }

    /** The widest line of each category label. */
    private double[] lineWidths(ChartModel m, Graphics2D g, float size) {
        Font font = fonts.regular(size);
        java.awt.font.FontRenderContext frc = g.getFontMetrics(font).getFontRenderContext();
        double[] out = new double[m.categories().size()];
        for (int i = 0; i < out.length; i++) {
            for (String line : m.categories().get(i).label().split("\n")) {
                out[i] = Math.max(out[i], font.getStringBounds(line, frc).getWidth());
            }
        }
        return out;
    }

    /** Totals on top of each month's column; the count at the end of each agency's bar. */
    private void addValueLabels(ChartModel m, CategoryPlot plot, List<Key> shown, boolean bars, boolean rtl, int max) {
        Map<String, Integer> totals = m.categoryTotals();
        for (Key col : shown) {
            int total = totals.getOrDefault(col.key(), 0);
            if (total == 0) {
                continue;
            }
            CategoryTextAnnotation a = new CategoryTextAnnotation(Integer.toString(total), col, total + max * 0.015);
            a.setFont(fonts.bold(TICK));
            a.setPaint(INK);
            a.setCategoryAnchor(CategoryAnchor.MIDDLE);
            a.setTextAnchor(bars ? (rtl ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT) : TextAnchor.BOTTOM_CENTER);
            plot.addAnnotation(a);
        }
    }

    /**
     * Splits the legend into rows that fit the width, in reading order. Each row is its own legend
     * title, so an Arabic legend reads right to left on every row instead of wrapping like English.
     */
    private List<List<ChartModel.Series>> legendRows(List<ChartModel.Series> series, Graphics2D g, boolean rtl) {
        FontMetrics fm = g.getFontMetrics(fonts.regular(TICK));
        double available = (WIDTH - 2 * SIDE_PADDING) * 0.9;
        List<List<ChartModel.Series>> rows = new ArrayList<>();
        List<ChartModel.Series> row = new ArrayList<>();
        double used = 0;
        for (ChartModel.Series s : series) {
            Rectangle2D text = fonts.regular(TICK).getStringBounds(s.label(), fm.getFontRenderContext());
            double w = text.getWidth() + 14 + 6 + 28;
            if (!row.isEmpty() && used + w > available) {
                rows.add(row);
                row = new ArrayList<>();
                used = 0;
            }
            row.add(s);
            used += w;
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        if (rtl) {
            rows.forEach(Collections::reverse);
        }
        return rows;
    }

    private LegendTitle legendRow(List<ChartModel.Series> row, boolean rtl) {
        LegendItemCollection items = new LegendItemCollection();
        for (ChartModel.Series s : row) {
            LegendItem item = new LegendItem(s.label(), colour(s.colour()));
            item.setShape(new Rectangle2D.Double(-7, -7, 14, 14));
            items.add(item);
        }
        LegendTitle legend = new LegendTitle(() -> items,
                new FlowArrangement(rtl ? HorizontalAlignment.RIGHT : HorizontalAlignment.LEFT, VerticalAlignment.CENTER, 28, 4),
                new FlowArrangement(rtl ? HorizontalAlignment.RIGHT : HorizontalAlignment.LEFT, VerticalAlignment.CENTER, 28, 4));
        legend.setPosition(RectangleEdge.TOP);
        legend.setHorizontalAlignment(rtl ? HorizontalAlignment.RIGHT : HorizontalAlignment.LEFT);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setItemFont(fonts.regular(TICK));
        legend.setItemPaint(INK);
        legend.setLegendItemGraphicEdge(rtl ? RectangleEdge.RIGHT : RectangleEdge.LEFT);
        legend.setLegendItemGraphicPadding(new RectangleInsets(2, 6, 2, 6));
        legend.setPadding(new RectangleInsets(0, 0, 2, 0));
        return legend;
    }

    static Paint colour(int index) {
        return index < 0 ? PALETTE[0] : PALETTE[index % PALETTE.length];
    }

    static byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        // In memory: ImageIO's default cache would write a temporary file for every chart.
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (param.canWriteCompressed()) {
            // a lighter deflate: a third faster to encode for about 15% more bytes (measured; see docs/EXPORTS.md)
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.7f);
        }
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** A dataset key that keeps the stable id for identity and shows the label. */
    record Key(String key, String label) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return key.compareTo(o.key);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.key.equals(key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(key);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** One series whose bars take their category's colour (each agency in its own colour). */
    private static final class CategoryColourRenderer extends BarRenderer {
        private static final long serialVersionUID = 1L;
        private final transient List<Paint> paints = new ArrayList<>();

        CategoryColourRenderer(ChartModel m) {
            m.categories().forEach(c -> paints.add(colour(c.colour())));
        }

        @Override
        public Paint getItemPaint(int row, int column) {
            return paints.get(column);
        }
    }
}
