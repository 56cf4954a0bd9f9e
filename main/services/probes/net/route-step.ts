/**
 * The probe step that decides the route before anything is sent: its result is on the step
 * ("proxy 127.0.0.1:3128 from PAC …") and on the probe result, and a route that cannot be decided
 * (PAC unreadable, SOCKS only, a missing proxy credential) ends the probe with its finding.
 */
import { diagnose } from '../../../../shared/probe/diagnosis';
import type { ProbeContext } from '../engine-types';
import { ProbeFailure } from '../probe-failure';
import { RouteFailure } from '../../network/route-failure';
import { describeRoute, type Route } from './route';

export function routeStep(ctx: ProbeContext, decide: () => Promise<Route>): Promise<Route> {
  return ctx.step('route', 'Choose the route from this laptop', async (mark) => {
    let route: Route;
    try {
      route = await decide();
    } catch (e) {
      if (e instanceof RouteFailure) throw new ProbeFailure(diagnose(e.code, e.vars));
      throw e;
    }
    if (route.kind === 'proxy' && route.password) ctx.secret(route.password);
    const text = describeRoute(route);
    ctx.setRoute(text);
    mark.detail(text);
    return route;
  });
}
