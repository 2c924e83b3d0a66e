package dev.cgdemo.worker.consume;

import java.util.List;
import java.util.Locale;

/**
 * The rebalance protocol a member speaks, with the assignors each one accepts.
 *
 * <p>{@link #CLASSIC} assignors run inside the consumer ({@code partition.assignment.strategy});
 * {@link #CONSUMER} (KIP-848) assignors run on the broker ({@code group.remote.assignor}).
 */
public enum GroupProtocolChoice {
    CLASSIC(List.of("range", "roundrobin", "sticky", "cooperative-sticky"), "cooperative-sticky"),
    CONSUMER(List.of("uniform", "range"), "uniform");

    private final List<String> assignors;
    private final String defaultAssignor;

    GroupProtocolChoice(List<String> assignors, String defaultAssignor) {
        this.assignors = assignors;
        this.defaultAssignor = defaultAssignor;
    }

    /** The value of Kafka's {@code group.protocol} and of the {@code --protocol} flag. */
    public String kafkaName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public List<String> assignors() {
        return assignors;
    }

    public String defaultAssignor() {
        return defaultAssignor;
    }

    /** Parses {@code classic} or {@code consumer}, ignoring case. */
    public static GroupProtocolChoice parse(String text) {
        for (GroupProtocolChoice choice : values()) {
            if (choice.kafkaName().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return choice;
            }
        }
        throw new InvalidSettingException("protocol",
                "'" + text + "' is not a group protocol; allowed: classic, consumer");
    }

    @Override
    public String toString() {
        return kafkaName();
    }
}
