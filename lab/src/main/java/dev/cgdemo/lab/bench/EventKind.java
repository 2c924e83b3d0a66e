package dev.cgdemo.lab.bench;

/** What the scenario does to the group, in this order. */
public enum EventKind {
    CLEAN_LEAVE,
    CRASH,
    JOIN
}
