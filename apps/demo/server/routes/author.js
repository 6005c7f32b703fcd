// How every route shows a user inside another record (a post's author, a message's sender).

/**
 * @param {{ author_id: number, username: string, display_name: string }} row
 * @returns {{ id: number, username: string, displayName: string }}
 */
export function authorOf(row) {
  return { id: row.author_id, username: row.username, displayName: row.display_name };
}
