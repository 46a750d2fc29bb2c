// corpus: no-findings
package com.shop.live;

import org.springframework.stereotype.Service;

@Service
public class OrderTracking {
    public String statusOf(String orderId) { return "SHIPPED"; }
}
