package dev.cgdemo.lab.bench;

import java.time.Duration;
import java.util.List;

/**
 * One bench run.
 *
 * @param consumers        consumer processes at the start (and the size the group is kept at)
 * @param partitions       partitions of each scenario's topic
 * @param rate             records produced per second
 * @param keys             distinct record keys (spread over the partitions)
 * @param sessionTimeout   session timeout of every protocol (classic: the client's; consumer protocol: the broker's)
 * @param steady           how long the group runs undisturbed after settling, before the next event
 * @param settleTimeout    longest wait for the group to settle after an event
 * @param protocols        set-ups to run, in order
 * @param javaOptions      JVM options of the consumer processes
 * @param repeat           how often each kind of departure (clean stop, crash) happens per protocol
 */
public record BenchSettings(int consumers, int partitions, double rate, int keys, Duration sessionTimeout,
                            Duration steady, Duration settleTimeout, List<BenchProtocol> protocols,
                            List<String> javaOptions, int repeat) {

    public BenchSettings {
        protocols = List.copyOf(protocols);
        javaOptions = List.copyOf(javaOptions);
    }
}
