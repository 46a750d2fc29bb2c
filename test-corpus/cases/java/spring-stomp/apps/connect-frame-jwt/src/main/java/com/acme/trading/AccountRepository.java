// corpus: no-findings
package com.acme.trading;

import java.util.List;
import org.springframework.stereotype.Repository;

@Repository
public class AccountRepository {

    public List<String> findTopBalances() {
        return List.of();
    }
}
