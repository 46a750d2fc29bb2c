// corpus: no-findings
package org.acme.quotes;

import java.util.List;

public class PortfolioService {

    public List<String> findPositionsBySymbol(String symbol) {
        return List.of();
    }
}
