/** Small key/value facts about the database (JSON values). */
export interface MetaRepository {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
}
