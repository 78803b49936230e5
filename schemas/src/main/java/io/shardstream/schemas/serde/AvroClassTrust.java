package io.shardstream.schemas.serde;

import io.shardstream.schemas.avro.UserChangeEvent;
import java.util.Arrays;
import org.apache.avro.util.ClassUtils;

/**
 * The one place that lets Avro instantiate the generated event classes.
 *
 * <p>Avro guards against deserialization gadgets with a list of trusted packages read once, from
 * the system property {@value #TRUSTED_PACKAGES_PROPERTY}, when its reader classes initialise. Avro
 * 1.12.1 checks it only for {@code java-class} schema properties; 1.12.2 and later check every
 * class a reader loads, generated records included. Adding the events' package here, before any
 * shardstream serde or codec reads an event, keeps decoding working across those versions without
 * asking every launcher for a {@code -D} flag.
 */
public final class AvroClassTrust {
  public static final String TRUSTED_PACKAGES_PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";
  public static final String EVENTS_PACKAGE = UserChangeEvent.class.getPackageName();

  private static boolean trusted;

  private AvroClassTrust() {}

  /**
   * Adds the events' package to Avro's trusted packages (keeping any already listed) and checks
   * that Avro took it.
   *
   * @throws IllegalStateException Avro read the property before this ran, so the package cannot be
   *     added any more: the message says which {@code -D} option fixes it
   */
  public static synchronized void trustEventClasses() {
    if (trusted) {
      return;
    }
    System.setProperty(
        TRUSTED_PACKAGES_PROPERTY,
        withPackage(System.getProperty(TRUSTED_PACKAGES_PROPERTY), EVENTS_PACKAGE));
    checkAvroLoads(UserChangeEvent.class);
    trusted = true;
  }

  /** A comma-separated package list with {@code pkg} in it, as Avro parses the property. */
  static String withPackage(String packages, String pkg) {
    if (packages == null || packages.isBlank()) {
      return pkg;
    }
    boolean listed =
        Arrays.stream(packages.split(","))
            .map(String::strip)
            .anyMatch(p -> p.equals(pkg) || p.equals("*"));
    return listed ? packages : packages + "," + pkg;
  }

  private static void checkAvroLoads(Class<?> generated) {
    try {
      // Avro's own loader: the one that applies its trust check where the version has it.
      ClassUtils.forName(generated.getClassLoader(), generated.getName());
    } catch (SecurityException e) {
      throw new IllegalStateException(
          "Avro does not trust "
              + generated.getName()
              + ": it read its trusted packages"
              + " before shardstream could add "
              + EVENTS_PACKAGE
              + ". Start the JVM with -D"
              + TRUSTED_PACKAGES_PROPERTY
              + "="
              + EVENTS_PACKAGE,
          e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Avro cannot load " + generated.getName(), e);
    }
  }
}
