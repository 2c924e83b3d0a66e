package dev.cgdemo.worker.view;

import dev.cgdemo.worker.history.GroupHistory;
import dev.cgdemo.worker.watch.GroupSnapshot;
import dev.cgdemo.worker.watch.GroupWatch;
import java.util.Optional;

/** What a frame is drawn from: the group's history and the latest read of it (a {@link GroupWatch}, or a test's). */
public interface ViewSource {

    GroupHistory history();

    /** The latest read of the group, available or not. */
    Optional<GroupSnapshot> latest();

    /** The latest read that succeeded (offsets for the produced count). */
    Optional<GroupSnapshot> lastAvailable();

    /** Whether the history follows the consumers' audit (else no delivery counts and no pauses). */
    boolean auditing();

    static ViewSource of(GroupWatch watch) {
        return new ViewSource() {
            @Override
            public GroupHistory history() {
                return watch.history();
            }

            @Override
            public Optional<GroupSnapshot> latest() {
                return watch.latest();
            }

            @Override
            public Optional<GroupSnapshot> lastAvailable() {
                return watch.lastAvailable();
            }

            @Override
            public boolean auditing() {
                return watch.auditing();
            }
        };
    }
}
