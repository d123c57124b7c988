/** The public view of an account (never the hash, never the encrypted phone). */
export type AccountView = {
  id: string;
  username: string;
  role: string;
  districtCode: string | null;
  displayName: string;
};

/** Picks the fields of an account row that may leave the server. */
export function accountView(row: AccountView): AccountView {
  return { id: row.id, username: row.username, role: row.role, districtCode: row.districtCode, displayName: row.displayName };
}
