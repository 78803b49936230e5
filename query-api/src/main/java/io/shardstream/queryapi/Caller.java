package io.shardstream.queryapi;

import java.util.Optional;

/**
 * Who is asking.
 *
 * @param binding with a value, every search and lookup is confined to the instances whose key
 *     binding property (the config's {@code keyBinding}) has it, and to their children
 * @param reveal whether sensitive attributes are served as stored (the key's {@code reveal} scope)
 *     rather than masked
 */
public record Caller(Optional<String> binding, boolean reveal) {
  /** No key needed, or a key with full access; sensitive attributes masked. */
  public static final Caller UNRESTRICTED = new Caller(Optional.empty());

  /** A caller without the reveal scope. */
  public Caller(Optional<String> binding) {
    this(binding, false);
  }

  /**
   * Whether this caller may see an instance whose binding property is {@code value}, compared as
   * text (a key's binding is text; an integer binding property reads back as a number).
   */
  public boolean maySee(Object value) {
    return binding.isEmpty() || (value != null && binding.get().equals(String.valueOf(value)));
  }

  boolean bound() {
    return binding.isPresent();
  }
}
