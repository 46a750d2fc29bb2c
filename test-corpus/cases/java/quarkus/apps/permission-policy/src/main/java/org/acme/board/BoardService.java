// corpus: no-findings
package org.acme.board;

import java.util.List;

public class BoardService {

    public void archiveCard(String cardId) {
    }

    public void deleteBoard(String boardId) {
    }

    public List<String> listMembers(String boardId) {
        return List.of();
    }
}
