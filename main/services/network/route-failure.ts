/** A route that could not be decided (PAC unreadable or failing, SOCKS only, system resolver error): a diagnosis code and its values. */
export class RouteFailure extends Error {
  constructor(
    readonly code: string,
    readonly vars: Record<string, string | number>,
  ) {
    super(`${code}: ${Object.values(vars).join(', ')}`);
    this.name = 'RouteFailure';
  }
}
