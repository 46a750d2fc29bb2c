// corpus: no-findings
package com.acme.orders;

import java.util.List;
import org.springframework.stereotype.Repository;

@Repository
public class OrderRepository {

    public List<String> findOpenOrders() {
        return List.of();
    }
}
