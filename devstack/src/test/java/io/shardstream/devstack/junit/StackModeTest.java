package io.shardstream.devstack.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardstream.devstack.DevStackException;
import org.junit.jupiter.api.Test;

class StackModeTest {

  @Test
  void inProcessUnlessContainersAreAskedFor() {
    assertThat(StackMode.parse(null)).isEqualTo(StackMode.IN_PROCESS);
    assertThat(StackMode.parse(" ")).isEqualTo(StackMode.IN_PROCESS);
    assertThat(StackMode.parse("in-process")).isEqualTo(StackMode.IN_PROCESS);
    assertThat(StackMode.parse("containers")).isEqualTo(StackMode.CONTAINERS);
  }

  @Test
  void anUnknownModeNamesTheChoices() {
    assertThatThrownBy(() -> StackMode.parse("docker"))
        .isInstanceOf(DevStackException.class)
        .hasMessage("shardstream.stack=docker is not a stack mode: use in-process or containers");
  }
}
