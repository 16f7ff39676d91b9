import type { ScriptName } from './assets.js';

export interface PageProps {
  title: string;
  script: ScriptName;
  /** Demo tokens are offered on the sign-in form only when the server runs with them. */
  demoTokens?: string[];
}

/** The shell every page shares; the page's script renders into `#app`. */
export function Page({ title, script, demoTokens }: PageProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/assets/styles.css" />
        <script type="module" src={`/assets/${script}.js`}></script>
      </head>
      <body>
        <main id="app" data-demo-tokens={demoTokens?.join(',') ?? ''}>
          <noscript>This page needs JavaScript.</noscript>
        </main>
      </body>
    </html>
  );
}
