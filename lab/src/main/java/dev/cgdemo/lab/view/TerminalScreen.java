package dev.cgdemo.lab.view;

import java.io.PrintStream;

/**
 * The lab's output. On a terminal the group table is redrawn in place, like {@code watch}: when nothing else was
 * printed since the last table, the cursor goes back up over it and the new one replaces it; any other line (a
 * command, a rebalance) stays, and the next table starts below it. Piped output gets plain lines, every table kept.
 */
public final class TerminalScreen {
    private static final String ESC = "\u001b[";

    private final PrintStream out;
    private final boolean inPlace;
    private int tableLines;
    private boolean linesSinceTable = true;

    public TerminalScreen(PrintStream out, boolean inPlace) {
        this.out = out;
        this.inPlace = inPlace;
    }

    /** Whether this JVM writes to a terminal that understands cursor movement (stdin and stdout not redirected). */
    public static boolean stdoutIsTerminal() {
        String term = System.getenv("TERM");
        return System.console() != null && term != null && !term.isBlank() && !"dumb".equals(term);
    }

    public boolean inPlace() {
        return inPlace;
    }

    public void line(String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
            linesSinceTable = true;
        }
    }

    /** Someone typed a line (the terminal echoed it): the table is no longer the last thing on screen. */
    public void typed() {
        synchronized (out) {
            linesSinceTable = true;
        }
    }

    public void table(String text) {
        String table = text.endsWith("\n") ? text : text + "\n";
        synchronized (out) {
            if (inPlace && !linesSinceTable && tableLines > 0) {
                out.print(ESC + tableLines + "F" + ESC + "J");   // up to the old table's first line, clear below
            }
            out.print(table);
            out.flush();
            tableLines = (int) table.chars().filter(c -> c == '\n').count();
            linesSinceTable = false;
        }
    }

    /** {@code #rrggbb} as a 24-bit terminal colour around {@code text}. */
    public static String paint(String text, String hexColour) {
        int rgb = Integer.parseInt(hexColour.substring(1), 16);
        return ESC + "38;2;" + (rgb >> 16 & 0xff) + ";" + (rgb >> 8 & 0xff) + ";" + (rgb & 0xff) + "m" + text + ESC + "0m";
    }
}
