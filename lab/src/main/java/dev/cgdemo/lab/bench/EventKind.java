package dev.cgdemo.lab.bench;

import java.util.Locale;

/** What the bench does to the group: a clean stop (SIGTERM), a crash (SIGKILL), a new member. */
public enum EventKind {
    CLEAN_LEAVE,
    CRASH,
    JOIN;

    /** {@code clean leave}, {@code crash}, {@code join}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
