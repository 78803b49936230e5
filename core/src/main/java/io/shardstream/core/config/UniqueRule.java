package io.shardstream.core.config;

/**
 * A value that one owner may hold at a time: while an instance with {@code property} = v is live
 * and owned by {@code owner} = o, an UPSERT giving v to another owner is refused. Deleting the
 * instance frees the value. User/Email's rule is {@code {"property": "email", "owner": "userId"}}:
 * an address belongs to one user at a time.
 *
 * @param owner the entity's unique property (plain uniqueness across instances) or its parent's
 *     reference property (ownership by the parent)
 */
public record UniqueRule(String property, String owner) {}
