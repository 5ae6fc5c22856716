package org.newsdesk.resignations.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.newsdesk.resignations.Fixtures;
import org.newsdesk.resignations.app.Application;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Templates;

/**
 * The picture itself: its size, that it is not blank, that the font can write every label. Which
 * numbers are drawn is the model's business (ChartModelsTest). The PNGs are also written to
 * target/charts/ so a person can look at them.
 */
class ChartRendererTest {

    private static ChartFonts fonts;
    private static ChartRenderer renderer;
    private final ChartModels models = new ChartModels(Templates.bundled());
    private final Application app = Fixtures.bundledApp();

    @BeforeAll
    static void fonts() {
        fonts = ChartFonts.bundled();
        renderer = new ChartRenderer(fonts);
    }

    private List<ChartModel> charts(Lang lang) {
        var stats = app.queries().stats();
        return List.of(models.byMonth(app.snapshot(), stats, lang), models.byAgency(app.snapshot(), stats, lang));
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void pngHasTheSizeForDiscordAndIsNotBlank(Lang lang) throws Exception {
        Path out = Path.of("target", "charts");
        Files.createDirectories(out);
        for (ChartModel m : charts(lang)) {
            byte[] png = renderer.png(m);
            Files.write(out.resolve(m.kind().name().toLowerCase(java.util.Locale.ROOT) + "-" + lang.code() + ".png"), png);
            assertThat(png.length).isBetween(5_000, 1_000_000);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image.getWidth()).isEqualTo(ChartRenderer.WIDTH).isEqualTo(1000);
            assertThat(image.getHeight()).isEqualTo(ChartRenderer.HEIGHT).isEqualTo(600);

            int white = 0;
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < image.getHeight(); y += 2) {
                for (int x = 0; x < image.getWidth(); x += 2) {
                    int rgb = image.getRGB(x, y) & 0xFFFFFF;
                    colours.add(rgb);
                    if (rgb == 0xFFFFFF) {
                        white++;
                    }
                }
            }
            int sampled = (image.getWidth() / 2) * (image.getHeight() / 2);
            assertThat(white).as("mostly white background, with something drawn on it").isBetween(sampled / 2, sampled * 97 / 100);
            // every series' colour is on the picture
            for (ChartModel.Series s : m.series()) {
                if (m.kind() == ChartModel.Kind.MONTHLY_BY_AGENCY) {
                    assertThat(colours).contains(((java.awt.Color) ChartRenderer.colour(s.colour())).getRGB() & 0xFFFFFF);
                }
            }
            for (ChartModel.Category c : m.categories()) {
                if (c.colour() >= 0) {
                    assertThat(colours).contains(((java.awt.Color) ChartRenderer.colour(c.colour())).getRGB() & 0xFFFFFF);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void theBundledFontHasAGlyphForEveryCharacterOfEveryLabel(Lang lang) {
        for (ChartModel m : charts(lang)) {
            List<String> texts = new ArrayList<>();
            texts.add(m.title());
            texts.addAll(m.notes());
            m.categories().forEach(c -> texts.add(c.label().replace("\n", " ")));
            m.series().forEach(s -> texts.add(s.label()));
            for (String t : texts) {
                assertThat(fonts.canDisplay(t)).as(t).isTrue();
            }
        }
    }

    /**
     * Java2D shapes Arabic with this font: laid out as text, the letters of a word take their
     * joined forms (other glyphs than the letters drawn one by one), and the word runs right to left.
     */
    @Test
    void arabicLettersAreJoinedAndRunRightToLeft() {
        Font font = fonts.regular(18);
        FontRenderContext frc = new FontRenderContext(null, true, true);
        String word = "الخارجية";
        char[] chars = word.toCharArray();
        GlyphVector shaped = font.layoutGlyphVector(frc, chars, 0, chars.length, Font.LAYOUT_RIGHT_TO_LEFT);
        GlyphVector isolated = font.createGlyphVector(frc, chars);
        List<Integer> shapedCodes = new ArrayList<>();
        List<Integer> isolatedCodes = new ArrayList<>();
        for (int i = 0; i < shaped.getNumGlyphs(); i++) {
            shapedCodes.add(shaped.getGlyphCode(i));
        }
        for (int i = 0; i < isolated.getNumGlyphs(); i++) {
            isolatedCodes.add(isolated.getGlyphCode(i));
        }
        assertThat(font.canDisplayUpTo(word)).isEqualTo(-1);
        java.util.Collections.reverse(isolatedCodes);
        assertThat(shapedCodes).as("joined forms, not isolated letters").isNotEqualTo(isolatedCodes);
        // the first letter (alef) is drawn rightmost
        int first = shaped.getGlyphCharIndex(shaped.getNumGlyphs() - 1);
        assertThat(first).isZero();
        assertThat(new java.text.Bidi(word, java.text.Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT).isRightToLeft()).isTrue();
    }

    /** Four years of months: every column is drawn, and only as many labels as fit, at a readable size. */
    @ParameterizedTest
    @EnumSource(Lang.class)
    void aLongSpanOfMonthsThinsItsLabelsInsteadOfOverlappingThem(Lang lang) throws Exception {
        var s = ChartModelsTest.withAnnounced(java.util.Map.of(
                "josh-paul", new org.newsdesk.resignations.dataset.Attested<>(
                        org.newsdesk.resignations.dataset.PartialDate.parse("2022-01-10"), null, List.of("source-article-ar"),
                        org.newsdesk.resignations.dataset.Standing.PREFERRED, null, null),
                "mike-casey", new org.newsdesk.resignations.dataset.Attested<>(
                        org.newsdesk.resignations.dataset.PartialDate.parse("2025-12-01"), null, List.of("source-article-ar"),
                        org.newsdesk.resignations.dataset.Standing.PREFERRED, null, null)));
        var stats = new org.newsdesk.resignations.query.Queries(() -> new org.newsdesk.resignations.search.Directory(s)).stats();
        ChartModel m = models.byMonth(s, stats, lang);
        assertThat(m.categories()).hasSize(48);
        BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        ChartRenderer.LabelFit fit = renderer.categoryLabels(m, image.createGraphics());
        assertThat(fit.step()).isGreaterThan(1);
        assertThat(fit.size()).isGreaterThanOrEqualTo(15f);
        Files.createDirectories(Path.of("target", "charts"));
        Files.write(Path.of("target", "charts", "long-span-" + lang.code() + ".png"), renderer.png(m));
        // the shipped dataset needs no thinning
        assertThat(renderer.categoryLabels(charts(lang).get(0), image.createGraphics()).step()).isEqualTo(1);
    }

    @Test
    void aChartWithNothingToDrawIsStillAPicture() {
        ChartModel empty = new ChartModel(ChartModel.Kind.MONTHLY_BY_AGENCY, Lang.AR, "عنوان", List.of(), List.of(),
                List.of("ملاحظة"), "");
        BufferedImage image = renderer.draw(empty);
        assertThat(image.getWidth()).isEqualTo(ChartRenderer.WIDTH);
    }
}
