package dev.cgdemo.lab.script;

import java.time.Duration;

/** What a person types at the lab's prompt, or one step of a {@code --script}. */
public sealed interface LabCommand {

    /** The command as it would be typed, for the summary. */
    String text();

    record Wait(Duration duration) implements LabCommand {
        public String text() {
            long millis = duration.toMillis();
            return "wait " + (millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.valueOf(millis / 1000.0));
        }
    }

    /** SIGTERM to consumer-N: a clean shutdown. */
    record Kill(int consumer) implements LabCommand {
        public String text() {
            return "kill " + consumer;
        }
    }

    /** SIGKILL to consumer-N: no commit, no goodbye. */
    record Crash(int consumer) implements LabCommand {
        public String text() {
            return "crash " + consumer;
        }
    }

    record Add() implements LabCommand {
        public String text() {
            return "add";
        }
    }

    record Status() implements LabCommand {
        public String text() {
            return "status";
        }
    }

    record Quit() implements LabCommand {
        public String text() {
            return "quit";
        }
    }

    record Help() implements LabCommand {
        public String text() {
            return "help";
        }
    }
}
