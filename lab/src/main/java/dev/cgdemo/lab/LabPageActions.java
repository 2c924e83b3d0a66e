package dev.cgdemo.lab;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cgdemo.lab.fleet.ConsumerFleet;
import dev.cgdemo.lab.script.LabCommand;
import dev.cgdemo.worker.view.ViewAction;
import dev.cgdemo.worker.view.ViewActions;

/**
 * The live page's buttons in the lab: the lab's own commands, handed to the same code typed commands run
 * ({@code submit} queues them; the answer does not wait for the group to settle).
 */
final class LabPageActions implements ViewActions {
    private static final Pattern CONSUMER = Pattern.compile("consumer-(\\d+)");
    private static final List<ViewAction> ACTIONS = List.of(
            new ViewAction("stop", "stop", true, "SIGTERM: it commits, leaves the group, its partitions move at once"),
            new ViewAction("crash", "crash", true, "SIGKILL: no commit; its partitions move after the session timeout"),
            new ViewAction("add", "add a consumer", false, "start one more consumer process"));

    private final Consumer<LabCommand> submit;
    private final Supplier<List<String>> running;

    LabPageActions(Consumer<LabCommand> submit, Supplier<List<String>> running) {
        this.submit = submit;
        this.running = running;
    }

    @Override
    public List<ViewAction> available() {
        return ACTIONS;
    }

    @Override
    public String perform(String action, Map<String, String> parameters) {
        LabCommand command = switch (action) {
            case "stop" -> new LabCommand.Kill(runningConsumer(parameters));
            case "crash" -> new LabCommand.Crash(runningConsumer(parameters));
            case "add" -> new LabCommand.Add();
            default -> throw new IllegalArgumentException("unknown action '" + action + "' (allowed: stop, crash, add)");
        };
        submit.accept(command);
        return "'" + command.text() + "' sent";
    }

    private int runningConsumer(Map<String, String> parameters) {
        String member = parameters.getOrDefault("member", "");
        Matcher matcher = CONSUMER.matcher(member);
        List<String> alive = running.get();
        if (!matcher.matches() || !alive.contains(member)) {
            throw new IllegalArgumentException("member '" + member + "' is not a running consumer of this lab; running: "
                    + alive);
        }
        int number = Integer.parseInt(matcher.group(1));
        if (!ConsumerFleet.idOf(number).equals(member)) {
            throw new IllegalArgumentException("member '" + member + "' is not a consumer id of this lab");
        }
        return number;
    }
}
