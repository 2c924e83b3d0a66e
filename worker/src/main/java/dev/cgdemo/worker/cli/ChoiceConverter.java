package dev.cgdemo.worker.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Converts a lower-case word to an enum constant, naming the allowed words when it is not one. */
abstract class ChoiceConverter<E extends Enum<E>> implements ITypeConverter<E> {
    private final Class<E> type;

    ChoiceConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public E convert(String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.trim())) {
                return constant;
            }
        }
        throw new TypeConversionException("'" + value + "' is not one of the allowed values: " + allowed());
    }

    private String allowed() {
        return Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
