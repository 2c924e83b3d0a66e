package dev.cgdemo.worker.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;

/** A bad option gets its message, the command's one-line synopsis and a pointer to --help; exit code 2. */
public final class ShortErrors implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(cmd.getColorScheme().errorText("error: " + ex.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.print(cmd.getHelp().synopsis(0));
        err.printf("Run '%s --help' to see every option.%n", cmd.getCommandSpec().qualifiedName());
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }
}
