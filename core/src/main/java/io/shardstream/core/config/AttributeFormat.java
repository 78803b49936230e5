package io.shardstream.core.config;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A format a string attribute must match ({@code "format": "email"}). The checks themselves belong
 * to whoever validates values (the import reader, the writer); this names the rule and its
 * description once.
 */
public enum AttributeFormat {
  /** {@code local@domain}: one {@code @}, no blanks, a dot in the domain. */
  EMAIL("email", "an email address (local@domain)"),
  /** Digits only, as the User/Email pipeline stores phones. */
  PHONE("phone", "a phone number of digits only"),
  /** ISO 8601 calendar date, {@code yyyy-MM-dd}. */
  ISO_DATE("iso-date", "an ISO date (yyyy-MM-dd)"),
  /** An IBAN: country code, check digits, up to 30 letters or digits, with a valid mod-97 check. */
  IBAN("iban", "an IBAN with valid check digits");

  /**
   * The writer's address check (User/Email's {@code invalid:email:syntax}): a local part without
   * blanks or {@code @} (1..64), a domain of dot-separated labels of letters (any script), digits
   * and inner hyphens, 254 characters at most.
   */
  private static final Pattern EMAIL_ADDRESS =
      Pattern.compile(
          "[^\\s@]{1,64}@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?"
              + "(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?)+");

  private static final int MAX_EMAIL_LENGTH = 254;
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final Pattern IBAN_SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
  private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

  private final String jsonName;
  private final String description;

  AttributeFormat(String jsonName, String description) {
    this.jsonName = jsonName;
    this.description = description;
  }

  public String jsonName() {
    return jsonName;
  }

  public String description() {
    return description;
  }

  /** Whether {@code value} has this format. */
  public boolean matches(String value) {
    return switch (this) {
      case EMAIL -> value.length() <= MAX_EMAIL_LENGTH && EMAIL_ADDRESS.matcher(value).matches();
      case PHONE -> DIGITS.matcher(value).matches();
      case ISO_DATE -> isoDate(value);
      case IBAN -> iban(value);
    };
  }

  private static boolean isoDate(String value) {
    try {
      LocalDate.parse(value);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** ISO 13616: the first four characters moved to the end, letters as 10..35, mod 97 is 1. */
  private static boolean iban(String value) {
    if (!IBAN_SHAPE.matcher(value).matches()) {
      return false;
    }
    String rearranged = value.substring(4) + value.substring(0, 4);
    StringBuilder digits = new StringBuilder();
    for (char c : rearranged.toCharArray()) {
      digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
  }

  public static Optional<AttributeFormat> byJsonName(String name) {
    return Arrays.stream(values()).filter(f -> f.jsonName.equals(name)).findFirst();
  }

  public static String jsonNames() {
    return String.join(", ", Arrays.stream(values()).map(AttributeFormat::jsonName).toList());
  }
}
