package dev.cgdemo.lab.view;

import java.util.List;

import dev.cgdemo.worker.history.MemberView;

/** Who owns what, in one line: {@code consumer-1=[0] consumer-3=[1, 2]}; idle members show {@code []}. */
public final class OwnershipText {

    private OwnershipText() {
    }

    public static String of(List<MemberView> members) {
        StringBuilder text = new StringBuilder();
        for (MemberView member : members) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(member.member()).append('=').append(member.partitions());
        }
        return text.length() == 0 ? "(no members)" : text.toString();
    }
}
