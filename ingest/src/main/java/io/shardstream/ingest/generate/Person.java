package io.shardstream.ingest.generate;

/** A made-up person: what a user's state is built from. {@code phone} is digits only, or null. */
record Person(String firstName, String lastName, String locale, String phone) {}
