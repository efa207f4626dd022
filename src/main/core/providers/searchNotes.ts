/**
 * What the model is told when a search it was meant to have did not happen, so it says so
 * instead of pretending: Brook's own pipeline (websearch/) and providers whose own search is
 * missing (Spark Lite) use the same words.
 */

/** When the search failed: the model answers anyway and says it could not search. */
export function searchUnavailableNote(): string {
  return 'A web search was attempted for this message but failed. Answer from what you know, and begin by telling the user, in their language, that web search was unavailable.';
}

/** When the search worked but found nothing readable: the model says so instead of pretending. */
export function searchFoundNothingNote(): string {
  return 'A web search for this message found nothing usable. Answer from what you know, and tell the user, in their language, that the search found no useful results.';
}
