/**
 * The BrowserWindow options, as data (items 2, 3, 4, 6, 8, 9, 10, 11). Pure so a test can read
 * every security-relevant preference without an Electron binary.
 */
export interface WindowOptionsInput {
  preloadPath: string;
  iconPath?: string;
}

export function createWindowOptions({ preloadPath, iconPath }: WindowOptionsInput) {
  return {
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Landscape Setup',
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  } as const;
}
