package dev.cgdemo.lab.script;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses lab commands: one typed line, or a whole script of steps separated by {@code ;} or new lines. */
public final class CommandParser {
    public static final String USAGE = "commands: kill N | crash N | add | status | wait SECONDS | quit | help";

    private CommandParser() {
    }

    /** @throws IllegalArgumentException naming the step and what would have been valid */
    public static LabCommand parse(String line) {
        String[] words = line.trim().toLowerCase(Locale.ROOT).split("\\s+");
        String verb = words[0];
        return switch (verb) {
            case "kill", "stop" -> new LabCommand.Kill(consumerNumber(line, words));
            case "crash" -> new LabCommand.Crash(consumerNumber(line, words));
            case "add" -> noArgument(line, words, new LabCommand.Add());
            case "status" -> noArgument(line, words, new LabCommand.Status());
            case "quit", "exit" -> noArgument(line, words, new LabCommand.Quit());
            case "help", "?" -> noArgument(line, words, new LabCommand.Help());
            case "wait", "sleep" -> new LabCommand.Wait(seconds(line, words));
            default -> throw new IllegalArgumentException("unknown command '" + line.trim() + "'; " + USAGE);
        };
    }

    /** Steps separated by {@code ;} or new lines; blank steps are skipped. */
    public static List<LabCommand> parseScript(String script) {
        List<LabCommand> steps = new ArrayList<>();
        for (String step : script.split("[;\\n]")) {
            if (!step.isBlank()) {
                steps.add(parse(step));
            }
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("the script has no steps; " + USAGE);
        }
        return steps;
    }

    private static int consumerNumber(String line, String[] words) {
        if (words.length != 2) {
            throw new IllegalArgumentException("'" + line.trim() + "' needs one consumer number, e.g. '" + words[0] + " 2'");
        }
        try {
            int number = Integer.parseInt(words[1]);
            if (number < 1) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + line.trim() + "': the consumer number must be 1 or more");
        }
    }

    private static Duration seconds(String line, String[] words) {
        if (words.length != 2) {
            throw new IllegalArgumentException("'" + line.trim() + "' needs a number of seconds, e.g. 'wait 5'");
        }
        try {
            double seconds = Double.parseDouble(words[1]);
            if (!(seconds >= 0) || seconds > 3600) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(Math.round(seconds * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + line.trim() + "': seconds must be a number from 0 to 3600");
        }
    }

    private static LabCommand noArgument(String line, String[] words, LabCommand command) {
        if (words.length != 1) {
            throw new IllegalArgumentException("'" + line.trim() + "' takes no argument");
        }
        return command;
    }
}
