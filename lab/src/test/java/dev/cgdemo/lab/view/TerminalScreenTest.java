package dev.cgdemo.lab.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TerminalScreenTest {
    private static final String BACK_OVER_TWO_LINES = "\u001b[2F\u001b[J";

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void onATerminalATableReplacesTheTableJustAboveIt() {
        TerminalScreen screen = new TerminalScreen(out, true);
        screen.table("a\nb\n");
        screen.table("c\nd");
        assertThat(printed()).isEqualTo("a\nb\n" + BACK_OVER_TWO_LINES + "c\nd\n");
    }

    @Test
    void aLineOrATypedCommandInBetweenStaysAndTheNextTableGoesBelowIt() {
        TerminalScreen screen = new TerminalScreen(out, true);
        screen.table("a\nb\n");
        screen.line("rebalance #2 settled (leave)");
        screen.table("c\nd\n");
        screen.typed();
        screen.table("e\nf\n");
        assertThat(printed()).isEqualTo("a\nb\nrebalance #2 settled (leave)\nc\nd\ne\nf\n").doesNotContain("\u001b");
    }

    @Test
    void pipedOutputKeepsEveryTableAsPlainLines() {
        TerminalScreen screen = new TerminalScreen(out, false);
        screen.table("a\nb\n");
        screen.table("c\nd\n");
        assertThat(printed()).isEqualTo("a\nb\nc\nd\n");
    }

    @Test
    void paintsInTheHexColourOfThePage() {
        assertThat(TerminalScreen.paint("consumer-1", "#2a7fd4")).isEqualTo("\u001b[38;2;42;127;212mconsumer-1\u001b[0m");
    }
}
