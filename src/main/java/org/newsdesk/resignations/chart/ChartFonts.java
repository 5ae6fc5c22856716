package org.newsdesk.resignations.chart;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The typeface every chart is drawn in: DejaVu Sans, regular and bold, loaded from the classpath
 * (the {@code net.sf.jasperreports:jasperreports-fonts} artifact on Maven Central), never from the
 * machine's fonts, so a chart looks the same on a fresh server as on a developer's laptop. It has
 * Latin and Arabic glyphs with the OpenType tables Java2D needs to join Arabic letters.
 */
public final class ChartFonts {

    static final String DIRECTORY = "/net/sf/jasperreports/fonts/dejavu/";
    static final String REGULAR = DIRECTORY + "DejaVuSans.ttf";
    static final String BOLD = DIRECTORY + "DejaVuSans-Bold.ttf";

    private final Font regular;
    private final Font bold;

    public ChartFonts(Font regular, Font bold) {
        this.regular = regular;
        this.bold = bold;
    }

    /** Loads the bundled fonts; fails with a sentence saying what is missing from the build. */
    public static ChartFonts bundled() {
        return new ChartFonts(load(REGULAR), load(BOLD));
    }

    public Font regular(float size) {
        return regular.deriveFont(Font.PLAIN, size);
    }

    public Font bold(float size) {
        return bold.deriveFont(Font.PLAIN, size);
    }

    /** True when the font can draw every character of the text (Arabic letters included). */
    public boolean canDisplay(String text) {
        return regular.canDisplayUpTo(text) == -1 && bold.canDisplayUpTo(text) == -1;
    }

    private static Font load(String resource) {
        try (InputStream in = ChartFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the chart font " + resource + " is not on the classpath;"
                        + " the build should bring it from net.sf.jasperreports:jasperreports-fonts");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("the chart font " + resource + " could not be read: " + e.getMessage(), e);
        }
    }
}
