import { api } from '../../api';

/** The native open dialog for a certificate file: the chosen path, null when cancelled, or the error. */
export async function chooseCertificate(title: string): Promise<{ path: string | null; error?: string }> {
  const r = await api.chooseOpenPath({ title, filters: [{ name: 'Certificates (PEM or DER)', extensions: ['pem', 'crt', 'cer', 'der', 'p7b', 'p7c'] }] });
  return r.ok ? { path: r.value.path } : { path: null, error: r.error.message };
}
