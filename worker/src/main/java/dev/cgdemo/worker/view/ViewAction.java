package dev.cgdemo.worker.view;

/**
 * A button the page shows: {@code perMember} ones sit on each member's row and send {@code member=<id>}, the others
 * in the header. {@code name} is the last part of the {@code POST actions/<name>} path.
 */
public record ViewAction(String name, String label, boolean perMember, String title) {
}
