// corpus: no-findings
package example.micronaut;

import java.util.List;

public class LedgerService {

    public void deleteEntry(String accountId, String entryId) {
    }

    public void suspendAccount(String accountId) {
    }

    public List<String> findBalances() {
        return List.of();
    }
}
