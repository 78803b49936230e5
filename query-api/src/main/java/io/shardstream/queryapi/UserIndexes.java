package io.shardstream.queryapi;

/**
 * The entities, properties and index tokens the routes are written for: the seed User/Email
 * configuration's. Another configuration works when it keeps these names; {@link StartupCheck} says
 * what is missing at start.
 */
final class UserIndexes {
  static final String ENTITY = "user";
  static final String EMAIL_ENTITY = "email";
  static final String USER_ID = "userId";
  static final String BENEFICIARY_ID = "beneficiaryId";
  static final String UPDATED = "updated";
  static final String PHONE = "phone";

  /** Emails of one user, by created: hash key userHashKey (shard + userId). */
  static final String EMAILS_OF_USER = "userCreated";

  /** Every email by created. */
  static final String EMAILS_BY_CREATED = "created";

  private UserIndexes() {}

  static String created(boolean byBeneficiary) {
    return byBeneficiary ? "userBeneficiaryCreated" : "created";
  }

  static String updated(boolean byBeneficiary) {
    return byBeneficiary ? "userBeneficiaryUpdated" : "updated";
  }

  static String phone(boolean byBeneficiary) {
    return byBeneficiary ? "userBeneficiaryPhone" : "phone";
  }

  static String firstName(boolean byBeneficiary) {
    return byBeneficiary ? "userBeneficiaryFirstName" : "firstName";
  }

  static String lastName(boolean byBeneficiary) {
    return byBeneficiary ? "userBeneficiaryLastName" : "lastName";
  }
}
