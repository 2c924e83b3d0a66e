package dev.cgdemo.lab.view;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Supplier;

import dev.cgdemo.worker.watch.GroupSnapshot;
import dev.cgdemo.worker.watch.GroupWatch;

/**
 * Waits for the end of what a step did to the group: the history is settled with the running consumers, and a read
 * of the group begun after that finds it at rest (no assignment pending) with the same owners. The second half
 * matters when a member is settled in the history before the broker is done with it, e.g. a consumer-protocol
 * member that joined with no partitions while its target assignment was still on its way.
 */
public final class SettleWait {

    private SettleWait() {
    }

    /** @return false when that did not happen within {@code timeout} */
    public static boolean await(GroupWatch watch, Supplier<Collection<String>> running, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (watch.awaitSettled(running, remaining(deadline))) {
            watch.awaitNextRead(remaining(deadline));   // may have begun before the history settled
            Optional<GroupSnapshot> read = watch.awaitNextRead(remaining(deadline));
            if (read.filter(GroupSnapshot::atRest).isPresent() && watch.history().settledWith(running.get())
                    && read.get().owners().equals(watch.history().owners())) {
                return true;
            }
            if (remaining(deadline).isZero()) {
                return false;
            }
        }
        return false;
    }

    private static Duration remaining(long deadlineNanos) {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }
}
