package dev.cgdemo.lab.bench;

import dev.cgdemo.worker.consume.GroupProtocolChoice;

/** The group set-ups the bench compares, by their command-line names. */
public enum BenchProtocol {
    EAGER("eager", "classic + range (eager)", GroupProtocolChoice.CLASSIC, "range", false),
    COOPERATIVE("cooperative", "classic + cooperative-sticky", GroupProtocolChoice.CLASSIC, "cooperative-sticky", false),
    STATIC("static", "classic + cooperative-sticky + static membership", GroupProtocolChoice.CLASSIC, "cooperative-sticky", true),
    CONSUMER("consumer", "consumer protocol (KIP-848), uniform", GroupProtocolChoice.CONSUMER, "uniform", false);

    private final String cliName;
    private final String label;
    private final GroupProtocolChoice protocol;
    private final String assignor;
    private final boolean staticMembership;

    BenchProtocol(String cliName, String label, GroupProtocolChoice protocol, String assignor, boolean staticMembership) {
        this.cliName = cliName;
        this.label = label;
        this.protocol = protocol;
        this.assignor = assignor;
        this.staticMembership = staticMembership;
    }

    public String cliName() {
        return cliName;
    }

    public String label() {
        return label;
    }

    public GroupProtocolChoice protocol() {
        return protocol;
    }

    public String assignor() {
        return assignor;
    }

    public boolean staticMembership() {
        return staticMembership;
    }

    /** @throws IllegalArgumentException naming the allowed names */
    public static BenchProtocol parse(String name) {
        for (BenchProtocol value : values()) {
            if (value.cliName.equalsIgnoreCase(name.trim())) {
                return value;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a bench protocol; allowed: eager, cooperative, static, consumer");
    }
}
