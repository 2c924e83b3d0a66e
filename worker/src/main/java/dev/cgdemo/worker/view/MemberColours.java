package dev.cgdemo.worker.view;

import java.util.HashMap;
import java.util.Map;

/**
 * One colour per member for the whole run, in the order members are first seen: a member that leaves and comes back,
 * or a page that reconnects, keeps its colour. Hues step by the golden angle, so neighbours in that order differ
 * most and 50 members stay tellable apart.
 */
public final class MemberColours {

    private static final double GOLDEN_ANGLE = 137.508;
    private final Map<String, String> colours = new HashMap<>();

    public synchronized String of(String member) {
        return colours.computeIfAbsent(member, m -> colour(colours.size()));
    }

    /** The colour of the {@code index}-th member seen, as {@code #rrggbb}. */
    static String colour(int index) {
        double hue = (index * GOLDEN_ANGLE + 210) % 360;
        double lightness = index % 2 == 0 ? 0.50 : 0.40;
        return hex(hue, 0.70, lightness);
    }

    private static String hex(double hue, double saturation, double lightness) {
        double c = (1 - Math.abs(2 * lightness - 1)) * saturation;
        double x = c * (1 - Math.abs((hue / 60) % 2 - 1));
        double m = lightness - c / 2;
        double r;
        double g;
        double b;
        if (hue < 60) { r = c; g = x; b = 0; }
        else if (hue < 120) { r = x; g = c; b = 0; }
        else if (hue < 180) { r = 0; g = c; b = x; }
        else if (hue < 240) { r = 0; g = x; b = c; }
        else if (hue < 300) { r = x; g = 0; b = c; }
        else { r = c; g = 0; b = x; }
        return String.format("#%02x%02x%02x", Math.round((r + m) * 255), Math.round((g + m) * 255),
                Math.round((b + m) * 255));
    }
}
