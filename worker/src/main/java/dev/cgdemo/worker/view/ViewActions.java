package dev.cgdemo.worker.view;

import java.util.List;
import java.util.Map;

/**
 * What the page's buttons do, for whoever serves it (the lab's own commands, the operator's scale and delete-pod).
 * Without an instance the page is read-only and its write endpoints do not exist.
 */
public interface ViewActions {

    List<ViewAction> available();

    /**
     * Starts the action and returns at once with what was done, for the page to show.
     *
     * @throws IllegalArgumentException an unknown action or a bad parameter (answered 400 with the message)
     */
    String perform(String action, Map<String, String> parameters);
}
