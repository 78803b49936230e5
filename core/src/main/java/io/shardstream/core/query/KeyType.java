package io.shardstream.core.query;

/**
 * DynamoDB's key attribute types that range keys use here: S sorts by UTF-8 bytes, N numerically.
 */
public enum KeyType {
  S,
  N
}
