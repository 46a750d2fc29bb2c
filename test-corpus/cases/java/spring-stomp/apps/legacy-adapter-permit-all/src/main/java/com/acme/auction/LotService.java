// corpus: no-findings
package com.acme.auction;

import org.springframework.stereotype.Service;

@Service
public class LotService {

    public void closeLot(String lotId) {
    }
}
