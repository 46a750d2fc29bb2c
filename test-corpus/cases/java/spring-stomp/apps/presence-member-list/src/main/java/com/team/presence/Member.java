// corpus: no-findings
package com.team.presence;

public record Member(String name, String email, String passwordHash) {}
