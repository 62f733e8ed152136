/**
 * oidc-provider's storage for the sandbox: a Map in this process, so nothing touches the disk and a
 * restart forgets every session, grant and token.
 */
type Payload = Record<string, unknown> & { grantId?: string; uid?: string; userCode?: string; consumed?: number };

interface Entry {
  payload: Payload;
  expiresAt?: number;
}

/** One store per sandbox: `adapter: createMemoryAdapter().factory` in the provider's configuration. */
export function createMemoryAdapter() {
  const store = new Map<string, Entry>();
  return { factory: (model: string) => new MemoryAdapter(model, store), clear: () => store.clear() };
}

class MemoryAdapter {
  private readonly model: string;
  private readonly store: Map<string, Entry>;

  constructor(model: string, store: Map<string, Entry>) {
    this.model = model;
    this.store = store;
  }

  private key(id: string): string {
    return `${this.model}:${id}`;
  }

  private get(key: string): Payload | undefined {
    const entry = this.store.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      this.store.delete(key);
      return undefined;
    }
    return entry.payload;
  }

  async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
    this.store.set(this.key(id), { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined });
    if (payload.grantId) this.store.set(`grant-index:${payload.grantId}:${this.key(id)}`, { payload: { key: this.key(id) } });
    if (payload.uid) this.store.set(`uid:${this.model}:${payload.uid}`, { payload: { id } });
    if (payload.userCode) this.store.set(`userCode:${this.model}:${payload.userCode}`, { payload: { id } });
  }

  async find(id: string): Promise<Payload | undefined> {
    return this.get(this.key(id));
  }

  async findByUid(uid: string): Promise<Payload | undefined> {
    const ref = this.get(`uid:${this.model}:${uid}`);
    return typeof ref?.id === 'string' ? this.find(ref.id) : undefined;
  }

  async findByUserCode(userCode: string): Promise<Payload | undefined> {
    const ref = this.get(`userCode:${this.model}:${userCode}`);
    return typeof ref?.id === 'string' ? this.find(ref.id) : undefined;
  }

  async consume(id: string): Promise<void> {
    const payload = this.get(this.key(id));
    if (payload) payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id: string): Promise<void> {
    this.store.delete(this.key(id));
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    const prefix = `grant-index:${grantId}:`;
    for (const [key, entry] of this.store) {
      if (!key.startsWith(prefix)) continue;
      this.store.delete(String(entry.payload.key));
      this.store.delete(key);
    }
  }
}
