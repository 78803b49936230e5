package io.shardstream.core.config;

import java.util.Arrays;
import java.util.Optional;

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

  public static Optional<AttributeFormat> byJsonName(String name) {
    return Arrays.stream(values()).filter(f -> f.jsonName.equals(name)).findFirst();
  }

  public static String jsonNames() {
    return String.join(", ", Arrays.stream(values()).map(AttributeFormat::jsonName).toList());
  }
}
