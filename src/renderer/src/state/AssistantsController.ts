import type { AssistantDraft } from '../../../shared/contract';
import type { RendererClient } from '../client/types';
import { toErrorData } from './errors';
import type { AppStore } from './store';

/** Saved prompts ("assistants"): the list in state, saved and removed through the core. */
export class AssistantsController {
  constructor(
    private readonly client: RendererClient,
    private readonly store: AppStore,
  ) {}

  async load(): Promise<void> {
    try {
      this.store.setState({ assistants: await this.client.request('assistants.list', {}) });
    } catch {
      // Saved prompts are optional; the next change event brings them.
    }
  }

  /** Throws, so the form keeps what was typed and shows why. */
  async save(id: string | undefined, draft: AssistantDraft): Promise<void> {
    await this.client.request('assistants.save', { id, draft });
    await this.load();
  }

  async remove(id: string): Promise<void> {
    try {
      await this.client.request('assistants.remove', { id });
      if (this.store.getState().newChatAssistantId === id) this.store.setState({ newChatAssistantId: null });
      await this.load();
    } catch (err) {
      this.store.setState({ notice: toErrorData(err) });
    }
  }
}
