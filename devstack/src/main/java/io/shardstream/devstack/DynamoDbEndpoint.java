package io.shardstream.devstack;

import java.net.URI;
import java.util.Objects;

/**
 * Where clients reach DynamoDB Local.
 *
 * <p>The server runs with {@code -sharedDb}, so every client sees the same tables whatever region
 * and credentials it signs with; {@link #REGION} and the dummy credentials below are merely
 * convenient values for SDK builders, which insist on having some.
 *
 * @param url endpoint override for the SDK, e.g. {@code http://localhost:8000}
 */
public record DynamoDbEndpoint(URI url) {

  /** A region name for SDK builders; DynamoDB Local ignores it. */
  public static final String REGION = "us-east-1";

  /** An access key id for SDK builders; DynamoDB Local accepts any. */
  public static final String ACCESS_KEY_ID = "devstack";

  /** A secret access key for SDK builders; DynamoDB Local accepts any. */
  public static final String SECRET_ACCESS_KEY = "devstack";

  public DynamoDbEndpoint {
    Objects.requireNonNull(url, "url");
  }
}
