/** Small key/value facts about the database (JSON values). */
export interface MetaRepository {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  /** Writes `key` only if it has no value yet, atomically across instances; true when this call wrote it. */
  setIfAbsent(key: string, value: unknown): Promise<boolean>;
}
