package dev.cgdemo.worker.cli;

import dev.cgdemo.worker.consume.InvalidSettingException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Turns a setting the API refused into picocli's parameter error (exit code 2) naming the option. */
final class BadOption {
    private BadOption() {
    }

    static ParameterException of(CommandSpec spec, InvalidSettingException e) {
        return new ParameterException(spec.commandLine(), "Invalid value for option '--" + e.option() + "': " + e.reason());
    }
}
