package dev.cgdemo.worker.consume;

/**
 * A setting that cannot work, named as its command-line option (without the leading dashes),
 * so the CLI can say {@code --assignor} and an in-process caller can still read the message.
 */
public class InvalidSettingException extends IllegalArgumentException {
    private final String option;

    public InvalidSettingException(String option, String message) {
        super(option + ": " + message);
        this.option = option;
    }

    /** The option's name as on the command line, without dashes, e.g. {@code assignor}. */
    public String option() {
        return option;
    }

    /** The message without the option prefix. */
    public String reason() {
        return getMessage().substring(option.length() + 2);
    }
}
