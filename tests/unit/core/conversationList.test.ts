/**
 * The conversation list reads only its columns, as arrays (#12.5): each conversation in it must
 * be exactly what reading that one conversation gives, whatever its settings.
 */
import { describe, expect, it } from 'vitest';
import { HistoryStore } from '../../../src/main/core/history/HistoryStore';

describe('the conversation list', () => {
  it('lists each conversation exactly as it reads alone, pinned first, then the newest', () => {
    let now = 1_700_000_000_000;
    const s = new HistoryStore({ file: ':memory:', clock: () => (now += 1000) });
    s.createConversation({ title: 'plain' });
    const tuned = s.createConversation({ title: 'tuned', providerId: 'p1', model: 'm1', origin: 'quick' });
    s.setConversationParams(tuned.id, { temperature: 0.3, systemPrompt: '简洁回答' });
    s.setConversationWebSearch(tuned.id, true);
    const pinned = s.createConversation({ title: 'pinned' });
    s.setPinned(pinned.id, true);
    s.setConversationWebSearch(pinned.id, false);
    const archived = s.createConversation({ title: 'archived' });
    s.setArchived(archived.id, true);

    const listed = s.listConversations();
    expect(listed.map((c) => c.title)).toEqual(['pinned', 'archived', 'tuned', 'plain']);
    for (const c of listed) expect(c).toEqual(s.getConversation(c.id));
    expect(listed.find((c) => c.id === tuned.id)).toMatchObject({ params: { temperature: 0.3, systemPrompt: '简洁回答' }, webSearch: true, origin: 'quick', providerId: 'p1', model: 'm1' });
    expect(listed.find((c) => c.id === pinned.id)).toMatchObject({ pinned: true, webSearch: false });
    expect(s.listConversations('quick').map((c) => c.title)).toEqual(['tuned']);
    expect(s.listConversations(undefined, 2).map((c) => c.title)).toEqual(['pinned', 'archived']);
    s.close();
  });
});
