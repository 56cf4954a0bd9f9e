import { api } from '../api';

/** Asks for a path in the save dialog; null when the user cancelled, an error text when it failed. */
export async function chooseSave(title: string, defaultName: string, filter: { name: string; extensions: string[] }): Promise<{ path: string } | { error: string } | null> {
  const chosen = await api.chooseSavePath({ title, defaultName, filters: [filter] });
  if (!chosen.ok) return { error: chosen.error.message };
  return chosen.value.path ? { path: chosen.value.path } : null;
}

export const fileStem = (name: string) => name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'landscape';
