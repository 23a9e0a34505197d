package io.threadstage.export;

import io.threadstage.io.AtomicFile;
import io.threadstage.picture.FrameBuilder;
import io.threadstage.picture.Ink;
import io.threadstage.picture.StageColours;
import io.threadstage.picture.StageFrame;
import io.threadstage.picture.StageLayout;
import io.threadstage.picture.StageOptions;
import io.threadstage.picture.Viewport;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One slide for a lesson, drawn with Java2D so it needs no display: the caption on top, the
 * stage (the whole run, through the same frame painter as every picture) on the left, the code
 * with its thread tags on the right, the console along the bottom. Everything is laid out on a
 * 1920x1080 plan and scaled, so a 4K slide is the same slide with sharper pixels. Any thread
 * that owns the content's store.
 */
public final class SlidePicture {

    /** The sizes a slide comes in: full HD and 4K, both 16:9. */
    public enum Size {
        HD(1920, 1080), UHD(3840, 2160);

        public final int width;
        public final int height;

        Size(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    static final int PLAN_WIDTH = 1920;
    static final int PLAN_HEIGHT = 1080;
    /** The stage's share of the width; the code takes the rest. */
    static final double STAGE_SHARE = 0.66;
    static final int CAPTION_FONT = 30;
    static final int CODE_FONT = 20;
    static final int MIN_CODE_FONT = 12;
    static final int CONSOLE_FONT = 18;
    static final int CONSOLE_LINES = 5;
    static final int MARGIN = 16;
    /** The code view's thread tag colours, dark enough for white text (as the window's). */
    private static final Color[] MARK_COLOURS = {new Color(0x0072B2), new Color(0xB8420B), new Color(0x00795A),
        new Color(0x8C4A7A), new Color(0x8A6100), new Color(0x1D232B)};

    /** Where the parts went on the plan (1920x1080 units), for tests and for the caller's message. */
    public record Placement(double captionBottom, double stageRight, double consoleTop, StageLayout stage) {
    }

    /** A slide and where its parts are. */
    public record Rendered(BufferedImage image, Placement placement) {
    }

    private SlidePicture() {
    }

    /** Draws the slide and writes it as a PNG, atomically. */
    public static Rendered writePng(SlideContent content, Size size, Path out) throws IOException {
        Rendered rendered = render(content, size);
        AtomicFile.write(out, stream -> javax.imageio.ImageIO.write(rendered.image(), "png", stream));
        return rendered;
    }

    public static Rendered render(SlideContent content, Size size) {
        BufferedImage image = new BufferedImage(size.width, size.height, BufferedImage.TYPE_INT_RGB);
        StageColours colours = StageColours.of(content.highContrast());
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(size.width / (double) PLAN_WIDTH, size.height / (double) PLAN_HEIGHT);
            Color background = new Color(colours.rgb(Ink.BACKGROUND));
            Color panel = new Color(colours.rgb(Ink.LANE_ALTERNATE));
            Color text = new Color(colours.rgb(Ink.TEXT));
            g.setColor(background);
            g.fillRect(0, 0, PLAN_WIDTH, PLAN_HEIGHT);

            double captionBottom = caption(g, content.caption(), panel, text);
            double consoleHeight = content.console().isEmpty() ? 0 : CONSOLE_LINES * CONSOLE_FONT * 1.3 + 2 * MARGIN;
            double consoleTop = PLAN_HEIGHT - consoleHeight;
            int stageRight = (int) Math.round(PLAN_WIDTH * STAGE_SHARE);
            StageLayout stage = stage(g, content, colours, captionBottom, stageRight, consoleTop);
            code(g, content, colours, stageRight, captionBottom, consoleTop);
            console(g, content, colours, panel, consoleTop);
            return new Rendered(image, new Placement(captionBottom, stageRight, consoleTop, stage));
        } finally {
            g.dispose();
        }
    }

    /** The caption band, wrapped, at most three lines; returns its bottom. */
    private static double caption(Graphics2D g, String caption, Color panel, Color text) {
        if (caption == null || caption.isBlank()) {
            return 0;
        }
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, CAPTION_FONT);
        g.setFont(font);
        List<String> lines = wrap(caption.strip(), g.getFontMetrics(), PLAN_WIDTH - 2 * MARGIN - 16, 3);
        double lineHeight = CAPTION_FONT * 1.3;
        double bottom = lines.size() * lineHeight + 2 * MARGIN;
        g.setColor(panel);
        g.fill(new java.awt.geom.Rectangle2D.Double(0, 0, PLAN_WIDTH, bottom));
        g.setColor(text);
        double baseline = MARGIN + CAPTION_FONT;
        for (String line : lines) {
            g.drawString(line, MARGIN + 8, (float) baseline);
            baseline += lineHeight;
        }
        return bottom;
    }

    private static StageLayout stage(Graphics2D g, SlideContent content, StageColours colours, double top, int right,
                                     double bottom) {
        Viewport viewport = new Viewport();
        viewport.takeOver();
        viewport.fit(content.store().startNanos(), Math.max(content.store().endNanos(), content.store().startNanos() + 1));
        StageFrame frame = new StageFrame();
        int height = (int) Math.floor(bottom - top);
        // the caption is over the slide already: the stage does not repeat it
        StageLayout layout = new FrameBuilder().build(frame, content.store(), viewport, right, height,
                new StageOptions(content.title(), true, 0, Long.MAX_VALUE, null, null));
        AffineTransform before = g.getTransform();
        java.awt.Shape clip = g.getClip();
        g.translate(0, top);
        g.clipRect(0, 0, right, height);
        new Java2dFramePainter().paint(frame, g, colours);
        g.setTransform(before);
        g.setClip(clip);
        return layout;
    }

    /** The code on the right, numbered, with each thread's tag on its line; the font shrinks until it fits. */
    private static void code(Graphics2D g, SlideContent content, StageColours colours, int left, double top, double bottom) {
        Color panelColour = new Color(colours.rgb(Ink.BACKGROUND));
        g.setColor(panelColour);
        g.fill(new java.awt.geom.Rectangle2D.Double(left, top, PLAN_WIDTH - left, bottom - top));
        g.setColor(new Color(colours.rgb(Ink.GRID)));
        g.fill(new java.awt.geom.Rectangle2D.Double(left, top, 2, bottom - top));
        List<String> code = content.code();
        double usableHeight = bottom - top - 2 * MARGIN;
        int size = CODE_FONT;
        List<Row> rows = rows(g, content, left, size);
        while (size > MIN_CODE_FONT && rows.size() * size * 1.25 > usableHeight) {
            size--;
            rows = rows(g, content, left, size);
        }
        double lineHeight = size * 1.25;
        Font font = new Font(Font.MONOSPACED, Font.PLAIN, size);
        Font tagFont = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(11, size - 3));
        double baseline = top + MARGIN + size;
        for (Row row : rows) {
            if (baseline > bottom - MARGIN / 2.0) {
                break;
            }
            g.setFont(font);
            if (row.number > 0) {
                g.setColor(new Color(colours.rgb(Ink.TEXT_MUTED)));
                String number = String.valueOf(row.number);
                g.drawString(number, (float) (left + MARGIN + 3 * size * 0.6 - g.getFontMetrics().stringWidth(number)),
                        (float) baseline);
            }
            g.setColor(new Color(colours.rgb(Ink.TEXT)));
            float textX = (float) (left + MARGIN + 4 * size * 0.6);
            g.drawString(row.text, textX, (float) baseline);
            if (row.number > 0) {
                float tagX = textX + g.getFontMetrics().stringWidth(row.text) + 10;
                g.setFont(tagFont);
                FontMetrics tags = g.getFontMetrics();
                for (SlideContent.ThreadMark mark : content.marks().getOrDefault(row.number, List.of())) {
                    int w = tags.stringWidth(mark.thread()) + 10;
                    g.setColor(MARK_COLOURS[Math.floorMod(mark.tid(), MARK_COLOURS.length)]);
                    g.fill(new java.awt.geom.RoundRectangle2D.Double(tagX, baseline - size + 1, w, size + 2, 6, 6));
                    g.setColor(Color.WHITE);
                    g.drawString(mark.thread(), tagX + 5, (float) baseline - 1);
                    tagX += w + 4;
                }
            }
            baseline += lineHeight;
        }
    }

    private record Row(int number, String text) {
    }

    /** The code's lines wrapped to the panel (a continuation row has number 0), room kept for the tags. */
    private static List<Row> rows(Graphics2D g, SlideContent content, int left, int size) {
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, size));
        FontMetrics metrics = g.getFontMetrics();
        double width = PLAN_WIDTH - left - 2 * MARGIN - 4 * size * 0.6;
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < content.code().size(); i++) {
            String line = content.code().get(i);
            int tagRoom = 0;
            for (SlideContent.ThreadMark mark : content.marks().getOrDefault(i + 1, List.of())) {
                tagRoom += metrics.stringWidth(mark.thread()) + 16;
            }
            List<String> pieces = wrapCode(line, metrics, width - tagRoom);
            for (int p = 0; p < pieces.size(); p++) {
                rows.add(new Row(p == pieces.size() - 1 ? i + 1 : 0, pieces.get(p)));
            }
        }
        return rows;
    }

    /** A code line cut into pieces that fit, continuations indented; the number and the tags go with the last piece. */
    private static List<String> wrapCode(String line, FontMetrics metrics, double width) {
        List<String> pieces = new ArrayList<>();
        String rest = line;
        while (metrics.stringWidth(rest) > width && rest.length() > 8) {
            int cut = Math.max(8, (int) (rest.length() * width / metrics.stringWidth(rest)));
            pieces.add(rest.substring(0, cut));
            rest = "    " + rest.substring(cut);
        }
        pieces.add(rest);
        return pieces;
    }

    private static void console(Graphics2D g, SlideContent content, StageColours colours, Color panel, double top) {
        List<SlideContent.ConsoleText> lines = content.console();
        if (lines.isEmpty()) {
            return;
        }
        g.setColor(panel);
        g.fill(new java.awt.geom.Rectangle2D.Double(0, top, PLAN_WIDTH, PLAN_HEIGHT - top));
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, CONSOLE_FONT));
        double baseline = top + MARGIN + CONSOLE_FONT;
        for (SlideContent.ConsoleText line : lines.subList(Math.max(0, lines.size() - CONSOLE_LINES), lines.size())) {
            g.setColor(new Color(colours.rgb(line.error() ? Ink.EXCEPTION : Ink.TEXT)));
            g.drawString(line.text(), MARGIN + 8, (float) baseline);
            baseline += CONSOLE_FONT * 1.3;
        }
    }

    /** Words into lines no wider than {@code width}, at most {@code most} lines (the last ends with an ellipsis when cut). */
    static List<String> wrap(String text, FontMetrics metrics, double width, int most) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String tried = line.length() == 0 ? word : line + " " + word;
            if (metrics.stringWidth(tried) <= width || line.length() == 0) {
                line.setLength(0);
                line.append(tried);
                continue;
            }
            lines.add(line.toString());
            line.setLength(0);
            line.append(word);
            if (lines.size() == most) {
                break;
            }
        }
        if (lines.size() < most && line.length() > 0) {
            lines.add(line.toString());
        } else if (lines.size() == most && line.length() > 0) {
            lines.set(most - 1, lines.get(most - 1) + " \u2026");
        }
        return lines;
    }
}
