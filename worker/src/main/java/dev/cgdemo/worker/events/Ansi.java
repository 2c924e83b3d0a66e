package dev.cgdemo.worker.events;

/** One terminal colour per consumer, or none when stdout is not a terminal. */
public record Ansi(String start, String end) {
    private static final int[] CODES = {36, 33, 35, 32, 34, 31};

    public static Ansi none() {
        return new Ansi("", "");
    }

    /** The colour for the {@code index}-th consumer (0-based), cycling through six. */
    public static Ansi forIndex(int index) {
        return new Ansi("\u001b[" + CODES[Math.floorMod(index, CODES.length)] + "m", "\u001b[0m");
    }

    public String paint(String text) {
        return start + text + end;
    }
}
