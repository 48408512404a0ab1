/**
 * A message a panel shows about what it just did ("Saved “mine”.", "The run
 * was not deleted: …"). It is kept as a function that words it, not as
 * words: the panel calls it when it renders, so the message follows the
 * page's language even when the student switches language after it was said.
 */
export interface Notice {
  kind: 'error' | 'info';
  text: () => string;
}
