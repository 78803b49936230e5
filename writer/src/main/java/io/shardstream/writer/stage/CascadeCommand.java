package io.shardstream.writer.stage;

import java.util.Objects;

/**
 * User stage → email stage (keyed by address): delete the address if {@code userId} still owns it
 * at a version no newer than {@code upToVersion}. A newer claim is on its way to the user stage and
 * is judged there on its own, so the bound keeps a cascade from deleting it.
 */
public record CascadeCommand(String email, String userId, long upToVersion, Cause cause) {

  public enum Cause {
    /** The owner was deleted. */
    USER_DELETED("user-deleted"),
    /** The claim reached the user stage after its user was deleted (dead-lettered there). */
    CLAIM_REJECTED("claim-rejected");

    private final String tag;

    Cause(String tag) {
      this.tag = tag;
    }

    public String tag() {
      return tag;
    }
  }

  public CascadeCommand {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(cause, "cause");
  }
}
