import { EXIT, output, type CommandDef } from '../command';

export const infoCommand: CommandDef = {
  name: 'info',
  uses: [],
  summary: 'Show the version, the data directory and the keychain status',
  usage: 'landscape info [--json]',
  async run(_args, ctx) {
    const info = await ctx.services.appInfo.info();
    output(ctx, info, () =>
      [
        `${info.name} ${info.version} (${info.platform})`,
        `data directory: ${info.dataDir}`,
        info.keychain.state === 'available'
          ? `keychain: available (${info.keychain.backend})`
          : `keychain: unavailable — ${info.keychain.reason}: ${info.keychain.detail}\n  ${info.keychain.hint}`,
        ...info.keptAside.map((f) => `warning: ${f.document} could not be read and was kept as ${f.keptAs}`),
      ].join('\n'),
    );
    return EXIT.ok;
  },
};
