// corpus: no-findings
package com.team.presence;

import java.util.List;
import org.springframework.stereotype.Repository;

@Repository
public class MemberDirectory {
    public List<Member> findAllWithEmails() { return List.of(); }
}
