package dev.wsguard.js.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ApiTablesTest {
  @Test
  void readsAQualifiedMembershipTestAsAPermissionHelper() {
    ApiTables tables = ApiTables.get();
    assertTrue(tables.isPermissionHelper("isMember"));
    assertTrue(tables.isPermissionHelper("isBoardMember"));
    assertTrue(tables.isPermissionHelper("isProjectOwner"));
    assertFalse(tables.isPermissionHelper("isValid"));
    assertFalse(tables.isPermissionHelper("isBoardArchived"));
  }

  @Test
  void countsInvitesAndRedisDeletesAsPrivileged() {
    ApiTables tables = ApiTables.get();
    assertTrue(tables.isPrivilegedVerb("invite"));
    assertTrue(tables.isPrivilegedVerb("del"));
  }
}
