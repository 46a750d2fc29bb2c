// corpus: no-findings
const store = new Map<string, { items: string[] }>();

export const carts = {
  async get(id: string) {
    return store.get(id) ?? { items: [] };
  },
};
