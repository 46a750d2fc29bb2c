// corpus: no-findings
import { Injectable } from '@nestjs/common';

@Injectable()
export class GameService {
  private board: number[][] = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];

  applyMove(x: number, y: number) {
    this.board[y][x] = 1;
    return this.board;
  }

  resetBoard() {
    this.board = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
  }
}
