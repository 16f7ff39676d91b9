export interface Conversation {
  id: string;
  sellerId: string;
  createdAt: string;
  updatedAt: string;
  /** Messages the seller has sent in it so far (one run each): what its cap counts. */
  sellerMessages: number;
}
/** Conversations and their history: the SDK's session items, stored as JSON in order. */
export interface ConversationRepository {
  create(sellerId: string): Promise<Conversation>;
  get(id: string): Promise<Conversation | undefined>;
  items(conversationId: string, limit?: number): Promise<unknown[]>;
  addItems(conversationId: string, items: unknown[]): Promise<void>;
  popItem(conversationId: string): Promise<unknown>;
  clearItems(conversationId: string): Promise<void>;
}
