package io.shardstream.dynamo.write;

/**
 * A write that will never succeed as it is (DynamoDB validation, or refused before sending):
 * retrying cannot help, so the caller dead-letters its source record.
 *
 * @param index the operation's position in the list given to {@link BatchWriter#write}
 */
public record RejectedWrite(int index, WriteOperation operation, String reason) {}
