/** Builds `services.routes` from the composition root's inputs (one entry there). */
import type { VaultReader } from '../probes/probe-material';
import { createPacEvaluator } from './pac-evaluator';
import { vaultProxyCredential } from './proxy-credential';
import { createRouteResolver, type RouteResolver } from './route-resolver';

export function composeRoutes(input: { env: Record<string, string | undefined>; systemProxy?: ((url: string) => Promise<string>) | undefined; vault: VaultReader }): RouteResolver {
  return createRouteResolver({
    env: input.env,
    pac: createPacEvaluator(),
    readCredential: vaultProxyCredential(input.vault),
    ...(input.systemProxy ? { systemProxy: input.systemProxy } : {}),
  });
}
