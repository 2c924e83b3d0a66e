package dev.cgdemo.lab.view;

import java.util.function.Consumer;

import dev.cgdemo.worker.history.GroupHistory;
import dev.cgdemo.worker.history.Rebalance;
import dev.cgdemo.worker.watch.GroupWatch;

/**
 * Prints one line per rebalance the group's history counts, as it is counted:
 * {@code rebalance #2 settled (leave): consumer-1=[0, 1] consumer-3=[2]}.
 */
public final class RebalanceLines implements GroupWatch.Listener {
    private final Consumer<String> out;
    private int told;

    public RebalanceLines(Consumer<String> out) {
        this.out = out;
    }

    @Override
    public void changed(GroupWatch watch, GroupWatch.Change change) {
        if (change != GroupWatch.Change.STRUCTURE) {
            return;
        }
        GroupHistory history = watch.history();
        for (Rebalance rebalance : history.rebalances()) {
            if (rebalance.number() > told) {
                told = rebalance.number();
                out.accept("rebalance #" + rebalance.number() + " settled (" + rebalance.cause() + "): "
                        + OwnershipText.of(history.members()));
            }
        }
    }
}
