package io.shardstream.app;

import io.shardstream.dynamo.DynamoDbClients;
import io.shardstream.ingest.RateLimiter;
import io.shardstream.ingest.generate.GeneratorOptions;
import java.net.URI;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option values checked while the command line is read, by the rule of the class that uses them, so
 * a bad value is a usage error naming its option ("Invalid value for option '--update-rate': must
 * be between 0 and 1 ...") rather than a failure later.
 */
final class CheckedValues {
  private CheckedValues() {}

  /** A share of the generated events ({@link GeneratorOptions#requireShare}). */
  static final class Share implements ITypeConverter<Double> {
    @Override
    public Double convert(String text) {
      return checked(number(text), GeneratorOptions::requireShare);
    }
  }

  /** How many users to generate ({@link GeneratorOptions#requireUsers}). */
  static final class UserCount implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
      return checked(wholeNumber(text), GeneratorOptions::requireUsers);
    }
  }

  /** Events per second, 0 for as fast as possible ({@link RateLimiter#requireRate}). */
  static final class EventsPerSecond implements ITypeConverter<Double> {
    @Override
    public Double convert(String text) {
      return checked(number(text), RateLimiter::requireRate);
    }
  }

  /** A DynamoDB endpoint URL ({@link DynamoDbClients#endpoint}). */
  static final class Endpoint implements ITypeConverter<URI> {
    @Override
    public URI convert(String text) {
      return checked(text, DynamoDbClients::endpoint);
    }
  }

  private static <T, R> R checked(T value, Function<T, R> rule) {
    try {
      return rule.apply(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  private static double number(String text) {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + text + "' is not a number");
    }
  }

  private static int wholeNumber(String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + text + "' is not a whole number");
    }
  }
}
