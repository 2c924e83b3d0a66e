package dev.cgdemo.lab.bench;

/** What the scenario does to the group, in this order. */
public enum EventKind {
    CLEAN_LEAVE("clean leave"),
    CRASH("crash"),
    JOIN("join");

    private final String label;

    EventKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
