package io.shardstream.ingest.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Everyone the generator has made so far: live users and emails to update, delete or claim, the
 * entities whose latest event may be re-sent, and the ids already used.
 */
final class Population {
  private static final char[] ID_CHARS = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

  final RandomPool<UserEntity> liveUsers = new RandomPool<>();
  final RandomPool<EmailEntity> liveEmails = new RandomPool<>();

  /** Users and emails whose latest event a duplicate may re-send. */
  final RandomPool<Replayable> replayable = new RandomPool<>();

  private final Random random;
  private final Set<String> userIds = new HashSet<>();
  private final List<String> beneficiaries = new ArrayList<>();

  Population(Random random, int beneficiaryCount) {
    this.random = random;
    Set<String> taken = new HashSet<>();
    while (beneficiaries.size() < beneficiaryCount) {
      String id = "b-" + (100_000 + random.nextInt(900_000));
      if (taken.add(id)) {
        beneficiaries.add(id);
      }
    }
  }

  /** A new user id, such as {@code u-7k2m9x0qpa}. */
  String newUserId() {
    while (true) {
      StringBuilder id = new StringBuilder("u-");
      for (int i = 0; i < 10; i++) {
        id.append(ID_CHARS[random.nextInt(ID_CHARS.length)]);
      }
      if (userIds.add(id.toString())) {
        return id.toString();
      }
    }
  }

  /** A beneficiary, the first ones much more often: real programs have a few big beneficiaries. */
  String beneficiary() {
    double skewed = random.nextDouble() * random.nextDouble();
    return beneficiaries.get((int) (skewed * beneficiaries.size()));
  }

  void addUser(UserEntity user) {
    liveUsers.add(user);
    replayable.add(user);
    for (EmailEntity email : user.emails) {
      liveEmails.add(email);
      replayable.add(email);
    }
  }

  /**
   * The user is gone, and in the writer its emails with it (cascade). Its emails' events are no
   * longer re-sent: what the writer makes of an email event after a cascade is its own business.
   */
  void deleteUser(UserEntity user) {
    liveUsers.remove(user);
    for (EmailEntity email : user.emails) {
      liveEmails.remove(email);
      replayable.remove(email);
    }
    user.formerEmails.forEach(replayable::remove);
  }

  /** The address is gone; its delete event stays replayable until its former owner is deleted. */
  void deleteEmail(EmailEntity email) {
    email.owner.emails.remove(email);
    email.owner.formerEmails.add(email);
    liveEmails.remove(email);
  }
}
