package io.shardstream.writer.stage;

/** Names of the topology's nodes; processors forward to the sinks by these names. */
public final class NodeNames {
  public static final String EMAILS_SOURCE = "emails-source";
  public static final String EMAIL_CASCADE_SOURCE = "email-cascade-source";
  public static final String EMAIL_EVENTS = "email-events";
  public static final String EMAIL_CASCADE = "email-cascade";
  public static final String EMAIL_OWNER_CHANGES_SINK = "email-owner-changes-sink";
  public static final String EMAIL_DEAD_LETTERS_SINK = "email-dead-letters-sink";
  public static final String EMAIL_CHANGES_SINK = "email-changes-sink";

  public static final String USERS_SOURCE = "users-source";
  public static final String EMAIL_OWNER_CHANGES_SOURCE = "email-owner-changes-source";
  public static final String USER_EVENTS = "user-events";
  public static final String EMAIL_OWNERSHIP = "email-ownership";
  public static final String EMAIL_CASCADE_SINK = "email-cascade-sink";
  public static final String USER_DEAD_LETTERS_SINK = "user-dead-letters-sink";
  public static final String USER_CHANGES_SINK = "user-changes-sink";

  private NodeNames() {}
}
