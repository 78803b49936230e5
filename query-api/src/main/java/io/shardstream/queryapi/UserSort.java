package io.shardstream.queryapi;

import java.util.Locale;

/** What {@code GET /v1/users} orders by; each is an index family of the seed configuration. */
enum UserSort {
  CREATED("created"),
  UPDATED("updated"),
  NAME("name"),
  PHONE("phone");

  private final String parameterValue;

  UserSort(String parameterValue) {
    this.parameterValue = parameterValue;
  }

  String parameterValue() {
    return parameterValue;
  }

  static UserSort parse(String text) {
    for (UserSort sort : values()) {
      if (sort.parameterValue.equals(text.toLowerCase(Locale.ROOT))) {
        return sort;
      }
    }
    throw new IllegalArgumentException("must be one of created, updated, name, phone");
  }
}
