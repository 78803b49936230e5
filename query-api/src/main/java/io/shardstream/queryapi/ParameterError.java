package io.shardstream.queryapi;

/** One invalid request parameter, as listed in a 400 problem's {@code errors} member. */
public record ParameterError(String parameter, String message) {}
